"""Fixtures for the operations tests: apps over databases in every state of readiness."""

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from tests.databases import backends, postgres_schema

ClientFor = Callable[[str], TestClient]


@pytest.fixture
def client_for() -> Iterator[ClientFor]:
    """Open an API client over any database URL; each is closed after the test."""
    opened: list[TestClient] = []

    def open_client(url: str) -> TestClient:
        client = TestClient(create_app(Settings(database_url=url)))
        client.__enter__()
        opened.append(client)
        return client

    yield open_client
    for client in opened:
        client.__exit__(None, None, None)


@pytest.fixture(params=backends())
def unmigrated_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A reachable database of each backend that no migration has touched."""
    if request.param == "sqlite":
        (tmp_path / "unmigrated.db").touch()  # an empty file: the API never creates one
        yield f"sqlite:///{tmp_path / 'unmigrated.db'}"
        return
    with postgres_schema() as url:
        yield url
