"""Links are written under the configured public base URL, never under the request's `Host`:
a client chooses its `Host`, and cached answers (whose ETag ignores it) are shared."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from app.config import Settings
from app.main import create_app

FORGED = {"Host": "attacker.example"}
QUOTE = "/v1/quotes/fadeev-consultations-insignificant"


def test_a_forged_host_changes_no_link(client: TestClient) -> None:
    base = Settings().public_base_url
    record = client.get(QUOTE, params={"format": "jsonld"}, headers=FORGED).json()
    assert record["@id"] == f"{base}{QUOTE}"
    page = client.get("/v1/quotes", params={"format": "jsonld", "limit": 1}, headers=FORGED)
    assert page.json()["@id"].startswith(f"{base}/v1/quotes?")
    assert page.json()["skb:next"]["@id"].startswith(f"{base}/v1/quotes?")
    listed = client.get("/v1/quotes", params={"format": "csv", "limit": 1}, headers=FORGED)
    assert listed.headers["link"].startswith(f"<{base}/v1/quotes?")
    assert "attacker" not in page.text + listed.headers["link"]


@pytest.fixture
def behind_a_proxy(mini_db: str) -> Iterator[TestClient]:
    settings = Settings(database_url=mini_db, public_base_url="https://kb.example/api/")
    with TestClient(create_app(settings)) as test_client:
        yield test_client


def test_links_follow_the_setting(behind_a_proxy: TestClient) -> None:
    record = behind_a_proxy.get(QUOTE, params={"format": "jsonld"}).json()
    assert record["@id"] == f"https://kb.example/api{QUOTE}"
    assert record["spokenByCharacter"]["@id"] == "https://kb.example/api/v1/actors/alexey-fadeev"
    listed = behind_a_proxy.get("/v1/quotes", params={"format": "ndjson", "limit": 1})
    assert listed.headers["link"].startswith("<https://kb.example/api/v1/quotes?")
    assert listed.headers["content-disposition"] == 'attachment; filename="quotes.ndjson"'


@pytest.mark.parametrize(
    "value", ["kb.example", "ftp://kb.example", "https://", "https://kb.example/?a=1"]
)
def test_the_setting_must_be_an_absolute_http_url(value: str) -> None:
    with pytest.raises(ValidationError, match="public_base_url"):
        Settings(public_base_url=value)
