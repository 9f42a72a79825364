"""/healthz answers while the process lives; /readyz only when the database can serve the API."""

from pathlib import Path

from fastapi.testclient import TestClient

from tests.api.helpers import assert_problem
from tests.ops.conftest import ClientFor


def unreachable_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'no-such-folder' / 'summitkb.db'}"


def test_healthz_is_alive_without_a_database(client_for: ClientFor, tmp_path: Path) -> None:
    response = client_for(unreachable_url(tmp_path)).get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response.headers["cache-control"] == "no-store"


def test_readyz_is_ready_over_a_loaded_database(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["checks"] == {"database": "ok", "schema": "ok", "dataset": "ok"}
    assert body["dataset_version"] == client.get("/v1/meta").json()["version"]


def test_readiness_checks_reuse_their_compiled_statements(client: TestClient) -> None:
    # Each check once built a new Table for alembic_version, so every /readyz added entries to
    # the engine's statement cache (and memory) until the cache's bound.
    cache = client.app.state.engine._compiled_cache  # type: ignore[attr-defined]
    client.get("/readyz")
    size = len(cache)
    for _ in range(10):
        assert client.get("/readyz").status_code == 200
    assert len(cache) == size


def test_readyz_is_not_ready_without_a_dataset(client_for: ClientFor, empty_db: str) -> None:
    body = assert_problem(client_for(empty_db).get("/readyz"), 503, "not ready: dataset")
    assert "summitkb load" in body["detail"]
    assert body["checks"]["database"] == body["checks"]["schema"] == "ok"


def test_readyz_is_not_ready_before_the_migrations(
    client_for: ClientFor, unmigrated_db: str
) -> None:
    body = assert_problem(client_for(unmigrated_db).get("/readyz"), 503, "not ready: schema")
    assert "not migrated" in body["detail"]
    assert "summitkb migrate" in body["detail"]
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["dataset"] == "not checked"


def test_readyz_is_not_ready_when_the_database_is_unreachable(
    client_for: ClientFor, tmp_path: Path
) -> None:
    body = assert_problem(
        client_for(unreachable_url(tmp_path)).get("/readyz"), 503, "not ready: database: failed"
    )
    assert body["checks"]["schema"] == "not checked"


def test_probes_live_outside_v1_and_metrics_outside_the_schema(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/healthz", "/readyz"} <= set(paths)
    assert "503" in paths["/readyz"]["get"]["responses"]
    assert "/metrics" not in paths
