"""Fixtures: an API client over the extended mini seed, on every backend."""

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from tests.databases import backends
from tests.search.extended_seed import client_over, loaded


@pytest.fixture(scope="session", params=backends())
def extended_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The extended seed loaded; shared, so tests must not write to it."""
    yield from loaded(request.param, tmp_path_factory.mktemp("extended"))


@pytest.fixture(scope="session")
def api(extended_db: str) -> Iterator[TestClient]:
    yield from client_over(extended_db)
