"""Fixtures for HTTP tests: an app built with settings from the environment."""

from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient

from app.config import get_settings
from app.main import create_app

ClientFactory = Callable[..., TestClient]


@pytest.fixture
def make_client(monkeypatch: pytest.MonkeyPatch) -> Iterator[ClientFactory]:
    """Build a client over `url` with settings given as environment variables."""
    clients: list[TestClient] = []

    def build(url: str, **env: str) -> TestClient:
        for name, value in env.items():
            monkeypatch.setenv(name.upper(), value)
        get_settings.cache_clear()
        test_client = TestClient(create_app(url))
        clients.append(test_client.__enter__())
        return test_client

    yield build
    for test_client in clients:
        test_client.__exit__(None, None, None)
    get_settings.cache_clear()
