"""Fixtures for HTTP tests: an app built from a settings object."""

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app

ClientFactory = Callable[..., TestClient]


@pytest.fixture
def make_client() -> Iterator[ClientFactory]:
    """Build a client over `url` with the given settings."""
    clients: list[TestClient] = []

    def build(url: str, **settings: Any) -> TestClient:
        test_client = TestClient(create_app(Settings(database_url=url, **settings)))
        clients.append(test_client.__enter__())
        return test_client

    yield build
    for test_client in clients:
        test_client.__exit__(None, None, None)
