"""A key is a secret: answers to a request that sent one are never stored by a cache, and the
key shows in no log line, no answer body and no header of any answer."""

import logging
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.observability.logs import json_formatter
from tests.api.auth_probe import PROBE, bearer
from tests.api.conftest import KEYS_ONLY_SOURCE, Keyed

CLIENT_LOGGERS = ("httpx", "httpcore")


def test_an_answer_to_a_request_with_a_key_is_no_store(keyed: Keyed) -> None:
    public = keyed.client.get("/v1/quotes")
    assert public.headers["cache-control"].startswith("public")
    keyed_answer = keyed.client.get("/v1/quotes", headers=bearer(keyed.write))
    assert keyed_answer.status_code == 200 and keyed_answer.json() == public.json()
    assert keyed_answer.headers["cache-control"] == "no-store"
    # Its validators stay: a curator reads a record's ETag to send it back with a write.
    tag = keyed_answer.headers["etag"]
    current = {**bearer(keyed.write), "If-None-Match": tag}
    not_modified = keyed.client.get("/v1/quotes", headers=current)
    assert not_modified.status_code == 304
    assert not_modified.headers["cache-control"] == "no-store"
    for answer in (
        keyed.client.post(PROBE + "/write", headers=bearer(keyed.write)),
        keyed.client.post(PROBE + "/admin", headers=bearer(keyed.write)),
        keyed.client.get(f"/v1/sources/{KEYS_ONLY_SOURCE}/text", headers=bearer(keyed.admin)),
        keyed.client.get("/v1/quotes", headers=bearer(keyed.revoked)),
        keyed.client.get("/v1/quotes/none", headers=bearer(keyed.write)),
    ):
        assert answer.headers["cache-control"] == "no-store", answer.request.url


def requests_with(keyed: Keyed, token: str) -> list[Any]:
    """Every kind of answer a key can meet: let through, refused, not found, a bad parameter,
    a key put in a query string instead of the header."""
    client: TestClient = keyed.client
    sent = bearer(token)
    return [
        client.get("/v1/quotes", headers=sent),
        client.get("/v1/quotes/none", headers=sent),
        client.get("/v1/quotes", params={"limit": "many"}, headers=sent),
        client.post(PROBE + "/write", headers=sent),
        client.post(PROBE + "/admin", headers=sent),
        client.get(f"/v1/sources/{KEYS_ONLY_SOURCE}/text", headers=sent),
        client.get("/v1/quotes", params={"api_key": token}),
        client.get("/v1/quotes", params={"access_token": token}),
        client.get("/v1/quotes", headers={"Authorization": token}),
        client.get("/v1/search", params={"q": token}),
    ]


@pytest.mark.parametrize("which", ["write", "admin", "revoked", "unknown"])
def test_no_key_in_any_log_line_or_answer(
    keyed: Keyed, which: str, caplog: pytest.LogCaptureFixture
) -> None:
    token = getattr(keyed, which, "skb_" + "u" * 43)
    caplog.set_level(logging.DEBUG)
    answers = requests_with(keyed, token)
    statuses = {answer.status_code for answer in answers}
    assert {200, 404, 422}.issubset(statuses)
    assert bool(statuses & {401, 403}) == (which != "admin")  # an admin key is let through
    for answer in answers:
        # The search echoes its `q` in its next-page links at most; the key is in no other
        # answer, in no header of any.
        if answer.request.url.path != "/v1/search":
            assert token not in answer.text, answer.request.url
        assert not any(token in value for value in answer.headers.values())
    formatter = json_formatter()
    # The server's lines: the test client logs the URLs it asks for itself.
    server = [record for record in caplog.records if not record.name.startswith(CLIENT_LOGGERS)]
    lines = [formatter.format(record) for record in server]
    access = [record for record in server if record.name == "summitkb.access"]
    assert len(access) == len(answers)  # every request was logged, and looked at
    assert not [line for line in lines if token in line]
