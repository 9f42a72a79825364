"""CORS for the origins in settings only; gzip for large answers, streams included."""

import gzip
from collections.abc import Mapping

from fastapi.testclient import TestClient

from tests.formats.helpers import asgi_get, bodies
from tests.http.conftest import ClientFactory

ALLOWED = "https://newsroom.example"


def test_no_origin_is_allowed_by_default(client: TestClient) -> None:
    response = client.get("/v1/topics", headers={"Origin": ALLOWED})
    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers


def test_an_allowed_origin_may_read_and_revalidate(
    mini_db: str, make_client: ClientFactory
) -> None:
    client = make_client(mini_db, cors_origins=[ALLOWED])
    response = client.get("/v1/topics", headers={"Origin": ALLOWED})
    assert response.headers["access-control-allow-origin"] == ALLOWED
    exposed = response.headers["access-control-expose-headers"].lower()
    assert "etag" in exposed and "x-dataset-version" in exposed
    preflight = client.options(
        "/v1/quotes",
        headers={
            "Origin": ALLOWED,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "If-None-Match",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == ALLOWED
    assert "GET" in preflight.headers["access-control-allow-methods"]
    not_modified = client.get(
        "/v1/topics", headers={"Origin": ALLOWED, "If-None-Match": response.headers["etag"]}
    )
    assert not_modified.status_code == 304
    assert not_modified.headers["access-control-allow-origin"] == ALLOWED


def test_every_answer_varies_on_origin_with_or_without_one(
    mini_db: str, make_client: ClientFactory
) -> None:
    client = make_client(mini_db, cors_origins=[ALLOWED])
    for headers in ({}, {"Origin": ALLOWED}, {"Origin": "https://elsewhere.example"}):
        for path in ("/v1/topics", "/v1/quotes/no-such-quote", "/healthz"):
            response = client.get(path, headers=headers)
            varied = [v.strip() for v in ", ".join(response.headers.get_list("vary")).split(",")]
            assert "Origin" in varied, (path, headers, varied)
            assert len(response.headers.get_list("vary")) == 1, (path, headers)
    plain = client.get("/v1/topics")
    assert not [name for name in plain.headers if name.startswith("access-control-")]


def test_a_disallowed_origin_gets_no_cors_headers(mini_db: str, make_client: ClientFactory) -> None:
    client = make_client(mini_db, cors_origins=[ALLOWED])
    response = client.get("/v1/topics", headers={"Origin": "https://elsewhere.example"})
    assert response.status_code == 200
    assert not [name for name in response.headers if name.startswith("access-control-")]
    preflight = client.options(
        "/v1/quotes",
        headers={"Origin": "https://elsewhere.example", "Access-Control-Request-Method": "GET"},
    )
    assert preflight.status_code == 400
    assert not [name for name in preflight.headers if name.startswith("access-control-")]
    assert preflight.headers["content-type"] == "application/problem+json"
    assert "origin" in preflight.json()["detail"]


def test_large_answers_are_gzipped_when_asked(client: TestClient) -> None:
    large = client.get("/v1/quotes", headers={"Accept-Encoding": "gzip"})
    assert large.headers["content-encoding"] == "gzip"
    assert "Accept-Encoding" in large.headers["vary"]
    assert large.json()["items"]  # the client undid the gzip
    small = client.get("/v1/topics/ceasefire", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers
    plain = client.get("/v1/quotes", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert "Accept-Encoding" in plain.headers["vary"]  # another client could get gzip


def test_a_304_varies_on_what_its_200_varies_on(client: TestClient) -> None:
    full = client.get("/v1/quotes", headers={"Accept-Encoding": "identity"})
    not_modified = client.get(
        "/v1/quotes", headers={"Accept-Encoding": "identity", "If-None-Match": full.headers["etag"]}
    )
    assert not_modified.status_code == 304
    expected = {"accept", "accept-encoding", "origin"}
    assert vary(not_modified.headers) == vary(full.headers) == expected


def vary(headers: Mapping[str, str]) -> set[str]:
    return {name.strip().lower() for name in headers["vary"].split(",")}


def test_gzipped_streams_still_stream(client: TestClient) -> None:
    identity = b"".join(bodies(asgi_get(client.app, "/v1/export", "format=ndjson")))
    messages = asgi_get(client.app, "/v1/export", "format=ndjson", {"Accept-Encoding": "gzip"})
    assert (b"content-encoding", b"gzip") in messages[0]["headers"]
    chunks = [body for body in bodies(messages) if body]
    assert len(chunks) > 1
    assert gzip.decompress(b"".join(chunks)) == identity
