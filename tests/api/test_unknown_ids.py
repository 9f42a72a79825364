"""An id that names no record is a 422 that names the parameter and suggests the nearest ids by
name and alias, never an empty page; so is a date range that ends before it starts."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, event
from sqlalchemy.orm import Session

from app.config import Settings
from app.errors import InvalidParameter
from app.loader import load_seed
from app.main import create_app
from app.queries.known_ids import check_ids, vocabulary
from tests.api.helpers import assert_problem
from tests.conftest import MAX_BYTES, MINI_SEED

ID_FILTERS = {"actor", "topic", "event", "source"}
DATED_LISTS = ["/v1/quotes", "/v1/events", "/v1/timeline"]


def test_the_nearest_ids_come_from_names_and_aliases() -> None:
    actors = vocabulary(
        [
            ("vladimir-putin", "Vladimir Putin"),
            ("vladimir-putin", "Putin"),
            ("volodymyr-zelensky", "Volodymyr Zelensky"),
            ("donald-trump", "Donald Trump"),
        ]
    )
    assert actors.nearest("putin")[0] == "vladimir-putin"
    assert actors.nearest("vladimir-puttin")[0] == "vladimir-putin"
    assert actors.nearest("Zelenskyy")[0] == "volodymyr-zelensky"
    assert actors.nearest("qqqq") == []


def test_check_ids_names_each_unknown_id_with_suggestions(mini_db: str) -> None:
    engine = create_engine(mini_db)
    try:
        with Session(engine) as session:
            check_ids(session, {"speaker": ("actors", ["vladimir-putin"])})
            with pytest.raises(InvalidParameter) as refused:
                check_ids(
                    session,
                    {
                        "speaker": ("actors", ["putin", "vladimir-putin"]),
                        "topic": ("topics", ["ceasfire"]),
                    },
                )
    finally:
        engine.dispose()
    errors = refused.value.extra["errors"]
    assert [error["location"] for error in errors] == ["query.speaker", "query.topic"]
    assert "no actor has the id 'putin'; did you mean 'vladimir-putin'" in errors[0]["message"]
    assert "did you mean 'ceasefire'" in errors[1]["message"]


@pytest.mark.parametrize(
    ("path", "params", "suggested"),
    [
        ("/v1/quotes", {"actor": "putin"}, "vladimir-putin"),
        ("/v1/quotes", {"actor": "vladimir-puttin"}, "vladimir-putin"),
        ("/v1/quotes", {"actor": "Vladimir Putin"}, "vladimir-putin"),
        ("/v1/quotes", {"topic": "ceasfire"}, "ceasefire"),
        ("/v1/quotes", {"event": "fadeev-briefing"}, "fadeev-briefing-2025-08-13"),
        ("/v1/quotes", {"source": "chinadaily"}, "chinadaily-2025-08-14"),
        ("/v1/quotes", {"actor": "Zelenskyy", "format": "csv"}, "volodymyr-zelensky"),
        ("/v1/events", {"actor": "trump"}, "donald-trump"),
        ("/v1/events", {"topic": "security"}, "security-guarantees"),
        ("/v1/positions", {"actor": "zelensky"}, "volodymyr-zelensky"),
        ("/v1/positions", {"topic": "Ceasefire", "format": "ndjson"}, "ceasefire"),
        ("/v1/timeline", {"actor": "fadeev"}, "alexey-fadeev"),
        ("/v1/stances", {"topic": "europe"}, "europe-role-in-talks"),
    ],
)
def test_an_unknown_id_is_a_422_that_names_the_parameter_and_the_nearest_ids(
    client: TestClient, path: str, params: dict[str, str], suggested: str
) -> None:
    parameter = next(name for name in params if name in ID_FILTERS)
    body = assert_problem(client.get(path, params=params), 422, f"query.{parameter}")
    [error] = body["errors"]
    assert error["location"] == f"query.{parameter}"
    assert error["message"].startswith(f"no {parameter} has the id {params[parameter]!r}")
    assert f"did you mean {suggested!r}" in error["message"]


def test_only_the_unknown_ids_are_named(client: TestClient) -> None:
    response = client.get("/v1/quotes", params={"actor": ["vladimir-putin", "qqqq"]})
    body = assert_problem(response, 422, "query.actor")
    assert body["errors"] == [{"location": "query.actor", "message": "no actor has the id 'qqqq'"}]


def id_filters(document: dict[str, Any]) -> list[tuple[str, str]]:
    return [
        (path, parameter["name"])
        for path, methods in document["paths"].items()
        for parameter in methods.get("get", {}).get("parameters", [])
        if parameter["in"] == "query" and parameter["name"] in ID_FILTERS
    ]


def test_every_id_filter_of_every_route_refuses_an_id_that_names_no_record(
    client: TestClient,
) -> None:
    document = client.get("/openapi.json").json()
    filters = id_filters(document)
    assert len(filters) >= 12
    for path, name in filters:
        response = client.get(path, params={name: "no-such-record"})
        assert_problem(response, 422, f"query.{name}: no {name} has the id 'no-such-record'")
        assert "422" in document["paths"][path]["get"]["responses"], path


def test_known_ids_cost_no_query_of_their_own(mini_db: str) -> None:
    app = create_app(Settings(database_url=mini_db))
    statements: list[str] = []
    with TestClient(app) as client:
        event.listen(app.state.engine, "before_cursor_execute", lambda *a: statements.append(a[2]))
        # Warm both requests' per-dataset reads, which are shared by every app in the process.
        client.get("/v1/quotes", params={"actor": "vladimir-putin", "topic": "ceasefire"})
        client.get("/v1/quotes?limit=1")
        statements.clear()
        unfiltered = client.get("/v1/quotes?limit=1")
        count = len(statements)
        statements.clear()
        filtered = client.get("/v1/quotes", params={"actor": "vladimir-putin", "limit": 1})
    assert unfiltered.status_code == filtered.status_code == 200
    assert len(statements) == count, statements


@pytest.fixture
def reloaded(empty_db: str, seed_copy: Path) -> Iterator[tuple[TestClient, Path, str]]:
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    with TestClient(create_app(Settings(database_url=empty_db))) as client:
        yield client, seed_copy, empty_db


def test_the_known_ids_are_those_of_the_dataset_served(
    reloaded: tuple[TestClient, Path, str],
) -> None:
    client, seed, url = reloaded
    assert client.get("/v1/events", params={"topic": "sanctions"}).status_code == 422
    with (seed / "topics.yaml").open("a") as topics:
        topics.write("- id: sanctions\n  name: Sanctions\n")
    load_seed(seed, url, MAX_BYTES)
    assert client.get("/v1/events", params={"topic": "sanctions"}).status_code == 200


@pytest.mark.parametrize("path", DATED_LISTS)
def test_a_range_that_ends_before_it_starts_is_a_422(client: TestClient, path: str) -> None:
    response = client.get(path, params={"from": "2025-08-15", "to": "2025-08-01"})
    body = assert_problem(response, 422, "query.to")
    message = "must be on or after `from` (2025-08-15), where the range starts"
    assert body["errors"] == [{"location": "query.to", "message": message}]
    one_day = client.get(path, params={"from": "2025-08-15", "to": "2025-08-15"})
    assert one_day.status_code == 200
