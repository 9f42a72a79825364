"""Keys at the HTTP layer: 401 with a Bearer challenge, 403 for a scope too narrow, a revoked
key refused on the very next request, and the scheme declared for /docs."""

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from app.config import Settings
from app.domain import KeyScope
from app.keys import revoke_key
from app.main import create_app
from tests.api.auth_probe import PROBE, bearer, make_key, probe_router


@pytest.fixture
def probe(empty_db: str) -> Iterator[TestClient]:
    app = create_app(Settings(database_url=empty_db))
    app.include_router(probe_router())
    with TestClient(app) as client:
        yield client


def assert_problem(answer: Any, status: int) -> dict[str, Any]:
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = answer.json()
    assert body["status"] == status and body["detail"]
    return body


def test_a_write_without_a_key_is_401_with_a_bearer_challenge(probe: TestClient) -> None:
    for headers in ({}, {"Authorization": "Basic dXNlcjpwYXNz"}, {"Authorization": "Bearer"}):
        answer = probe.post(PROBE + "/write", headers=headers)
        body = assert_problem(answer, 401)
        assert answer.headers["www-authenticate"] == "Bearer"
        assert "Authorization: Bearer" in body["detail"]


def test_an_unknown_key_is_401_invalid_token(probe: TestClient) -> None:
    answer = probe.post(PROBE + "/write", headers=bearer("skb_not-a-key"))
    assert_problem(answer, 401)
    assert answer.headers["www-authenticate"] == 'Bearer error="invalid_token"'


def test_a_key_of_the_right_scope_is_let_through_and_named(
    probe: TestClient, empty_db: str
) -> None:
    write = make_key(empty_db, "newsroom", KeyScope.WRITE)
    admin = make_key(empty_db, "desk", KeyScope.ADMIN)
    answer = probe.post(PROBE + "/write", headers=bearer(write))
    assert answer.status_code == 200 and answer.json() == {"name": "newsroom", "scope": "write"}
    # An admin key may do what a write key may.
    answer = probe.post(PROBE + "/write", headers=bearer(admin))
    assert answer.status_code == 200 and answer.json()["name"] == "desk"
    assert probe.post(PROBE + "/admin", headers=bearer(admin)).status_code == 200


def test_a_key_of_a_narrower_scope_is_403(probe: TestClient, empty_db: str) -> None:
    write = make_key(empty_db, "newsroom", KeyScope.WRITE)
    answer = probe.post(PROBE + "/admin", headers=bearer(write))
    body = assert_problem(answer, 403)
    assert "'admin'" in body["detail"]
    assert answer.headers["www-authenticate"].startswith('Bearer error="insufficient_scope"')


def test_a_revoked_key_is_refused_on_the_very_next_request(
    probe: TestClient, empty_db: str
) -> None:
    token = make_key(empty_db, "newsroom", KeyScope.WRITE)
    assert probe.post(PROBE + "/write", headers=bearer(token)).status_code == 200
    engine = create_engine(empty_db)
    with engine.begin() as connection:
        revoke_key(connection, "newsroom")
    engine.dispose()
    answer = probe.post(PROBE + "/write", headers=bearer(token))
    assert_problem(answer, 401)
    assert answer.headers["www-authenticate"] == 'Bearer error="invalid_token"'


def test_an_optional_key_is_none_without_one_and_still_checked_when_sent(
    probe: TestClient, empty_db: str
) -> None:
    token = make_key(empty_db, "newsroom", KeyScope.WRITE)
    assert probe.get(PROBE + "/optional").json() == {"name": None}
    assert probe.get(PROBE + "/optional", headers=bearer(token)).json() == {"name": "newsroom"}
    assert_problem(probe.get(PROBE + "/optional", headers=bearer("skb_forged")), 401)


def test_the_docs_declare_the_bearer_scheme_on_routes_that_take_a_key(probe: TestClient) -> None:
    document = probe.get("/openapi.json").json()
    scheme = document["components"]["securitySchemes"]["apiKey"]
    assert scheme["type"] == "http" and scheme["scheme"] == "bearer"
    paths = document["paths"]
    assert paths[PROBE + "/write"]["post"]["security"] == [{"apiKey": []}]
    assert paths[PROBE + "/admin"]["post"]["security"] == [{"apiKey": []}]
    # Reads stay public: a read of the API's own asks for no key, or for one optionally ({}).
    # A source's suggestions are a step of curation, not a read of the knowledge: a write key's.
    curation = "/v1/sources/{source_id}/suggestions"
    assert paths[curation]["get"]["security"] == [{"apiKey": []}]
    reads = [
        ops["get"]
        for path, ops in paths.items()
        if PROBE not in path and path != curation and "get" in ops
    ]
    assert reads and all({} in operation.get("security", [{}]) for operation in reads)
