"""Each key's writes are limited (a token bucket in the database, app.write_limit): past its
burst a write is a 429 with Retry-After, across every app over the database, key by key."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from app.config import Settings
from app.curation import in_write
from app.errors import TooManyRequests
from app.main import create_app
from app.write_limit import WriteRate, take_write
from tests.curation.conftest import keys_for
from tests.curation.helpers import new_quote

QUOTE = "/v1/quotes/zelensky-pressure-on-russia"


def limited_app(url: str, per_minute: int = 1, burst: int = 2) -> TestClient:
    settings = Settings(database_url=url, write_rate_per_minute=per_minute, write_burst=burst)
    return TestClient(create_app(settings))


@pytest.fixture
def keys(mini_url: str) -> tuple[str, str]:
    return keys_for(mini_url)


@pytest.fixture
def client(mini_url: str) -> Iterator[TestClient]:
    with limited_app(mini_url) as built:
        yield built


def bearer(key: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {key}"}


def test_past_its_burst_a_key_is_refused_with_retry_after(
    client: TestClient, keys: tuple[str, str]
) -> None:
    write, _admin = keys
    assert client.post("/v1/quotes", json=new_quote(), headers=bearer(write)).status_code == 201
    # A write refused for what it sends has spent its token too.
    assert client.delete(QUOTE, headers=bearer(write)).status_code == 428
    refused = client.post("/v1/quotes", json=new_quote(id="another"), headers=bearer(write))
    assert refused.status_code == 429
    assert refused.headers["content-type"] == "application/problem+json"
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    body = refused.json()
    assert body["retry_after"] == int(refused.headers["retry-after"])
    assert "'newsroom' may write 1 times a minute (2 at once)" in body["detail"]
    assert client.get("/v1/quotes/another").status_code == 404
    assert client.get(QUOTE).status_code == 200


def test_each_key_has_its_own_bucket_and_a_request_without_a_key_spends_none(
    client: TestClient, keys: tuple[str, str]
) -> None:
    write, admin = keys
    for _ in range(3):
        assert client.delete(QUOTE).status_code == 401
    assert client.delete(QUOTE, headers=bearer("skb_unknown")).status_code == 401
    for _ in range(2):
        assert client.delete(QUOTE, headers=bearer(write)).status_code == 428
    assert client.delete(QUOTE, headers=bearer(write)).status_code == 429
    assert client.delete(QUOTE, headers={**bearer(admin), "If-Match": "*"}).status_code == 204


def test_every_app_over_the_database_draws_on_the_same_bucket(
    mini_url: str, client: TestClient, keys: tuple[str, str]
) -> None:
    write, _admin = keys
    with limited_app(mini_url) as other:
        assert client.delete(QUOTE, headers=bearer(write)).status_code == 428
        assert other.delete(QUOTE, headers=bearer(write)).status_code == 428
        assert client.delete(QUOTE, headers=bearer(write)).status_code == 429
        assert other.delete(QUOTE, headers=bearer(write)).status_code == 429


def test_without_a_rate_a_key_writes_as_often_as_it_likes(
    mini_url: str, keys: tuple[str, str]
) -> None:
    write, _admin = keys
    with limited_app(mini_url, per_minute=0, burst=1) as unlimited:
        for _ in range(4):
            assert unlimited.delete(QUOTE, headers=bearer(write)).status_code == 428


def test_the_bucket_refills_with_time_up_to_its_burst(engine: Engine) -> None:
    rate = WriteRate(per_minute=6, burst=2)  # a token every 10 s

    def take(now: float) -> None:
        in_write(engine, 1, lambda connection: take_write(connection, "desk", rate, now))

    take(1000.0)
    take(1000.0)
    with pytest.raises(TooManyRequests) as refused:
        take(1001.0)
    assert refused.value.retry_after == 9
    take(1010.0)
    with pytest.raises(TooManyRequests):
        take(1010.5)
    take(2000.0)  # long idle: back to the burst, not beyond
    take(2000.0)
    with pytest.raises(TooManyRequests):
        take(2000.0)
    with pytest.raises(TooManyRequests):
        take(1500.0)  # a clock gone back refills nothing


def test_the_limits_are_settings_with_bounds() -> None:
    with pytest.raises(ValueError, match="write_burst"):
        Settings(write_burst=0)
    with pytest.raises(ValueError, match="write_rate_per_minute"):
        Settings(write_rate_per_minute=-1)
