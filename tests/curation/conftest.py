"""A database of each backend with the mini seed loaded, fresh for each test (tests write), and
an API client over it with keys."""

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine

from app.config import Settings
from app.curation import write_engine
from app.domain import KeyScope
from app.keys import create_key
from app.loader import load_seed
from app.main import create_app
from tests.conftest import MAX_BYTES, MINI_SEED, fresh_database
from tests.databases import backends


@pytest.fixture(params=backends())
def mini_url(
    request: pytest.FixtureRequest, sqlite_template: Path, tmp_path: Path
) -> Iterator[str]:
    for url in fresh_database(request.param, sqlite_template, tmp_path):
        load_seed(MINI_SEED, url, MAX_BYTES)
        yield url


@pytest.fixture
def engine(mini_url: str) -> Iterator[Engine]:
    built = write_engine(mini_url)
    yield built
    built.dispose()


class Api:
    """A client of the app over a fresh database, with a write key and an admin key."""

    def __init__(self, client: TestClient, write_key: str, admin_key: str) -> None:
        self.client = client
        self.write_key = write_key
        self.admin_key = admin_key

    def auth(self, key: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {key or self.write_key}"}

    def post(self, resource: str, body: Any, **kwargs: Any) -> Any:
        headers = {**self.auth(), **kwargs.pop("headers", {})}
        return self.client.post(f"/v1/{resource}", json=body, headers=headers, **kwargs)

    def patch(self, path: str, patch: Any, if_match: str | None, **kwargs: Any) -> Any:
        headers = {"Content-Type": "application/merge-patch+json", **self.auth()}
        if if_match is not None:
            headers["If-Match"] = if_match
        headers.update(kwargs.pop("headers", {}))
        content = orjson.dumps(patch)
        return self.client.patch(path, content=content, headers=headers, **kwargs)

    def etag(self, path: str) -> str:
        answer = self.client.get(path)
        assert answer.status_code == 200, answer.text
        return str(answer.headers["etag"])


def keys_for(url: str) -> tuple[str, str]:
    keys_engine = create_engine(url)
    try:
        with keys_engine.begin() as connection:
            write = create_key(connection, "newsroom", KeyScope.WRITE)
            admin = create_key(connection, "editor-in-chief", KeyScope.ADMIN)
    finally:
        keys_engine.dispose()
    return write, admin


@pytest.fixture
def api(mini_url: str) -> Iterator[Api]:
    write, admin = keys_for(mini_url)
    settings = Settings(database_url=mini_url, cors_write_origins=["https://newsroom.example"])
    with TestClient(create_app(settings)) as client:
        yield Api(client, write, admin)
