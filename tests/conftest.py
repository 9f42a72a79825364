"""Fixtures: migrated databases (SQLite and PostgreSQL), the mini seed loaded, an API client."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.loader import load_seed
from app.main import create_app
from tests.databases import ROOT, backends, migrate, postgres_schema, sqlite_copy
from tests.search.extended_seed import client_over, loaded

MINI_SEED = ROOT / "tests" / "fixtures" / "mini"
REAL_SEED = ROOT / "seed"
MAX_BYTES = 1 << 30


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "migrated.db"
    migrate(f"sqlite:///{path}")
    return path


def fresh_database(backend: str, template: Path, folder: Path) -> Iterator[str]:
    if backend == "sqlite":
        yield sqlite_copy(template, folder)
        return
    with postgres_schema() as url:
        migrate(url)
        yield url


@pytest.fixture(params=backends())
def empty_db(
    request: pytest.FixtureRequest, sqlite_template: Path, tmp_path: Path
) -> Iterator[str]:
    """A migrated, empty database of each backend."""
    yield from fresh_database(request.param, sqlite_template, tmp_path)


@pytest.fixture(scope="session", params=backends())
def mini_db(
    request: pytest.FixtureRequest, sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A database holding the mini seed; shared, so tests must not write to it."""
    for url in fresh_database(request.param, sqlite_template, tmp_path_factory.mktemp("mini")):
        load_seed(MINI_SEED, url, MAX_BYTES)
        yield url


@pytest.fixture(scope="session")
def client(mini_db: str) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(database_url=mini_db))) as test_client:
        yield test_client


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    """A writable copy of the mini seed, for tests that break it."""
    target = tmp_path / "seed"
    shutil.copytree(MINI_SEED, target)
    return target


@pytest.fixture(scope="session", params=backends())
def extended_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The extended mini seed (search and views need more records) loaded; shared, read-only."""
    yield from loaded(request.param, tmp_path_factory.mktemp("extended"))


@pytest.fixture(scope="session")
def api(extended_db: str) -> Iterator[TestClient]:
    """An API client over the extended seed."""
    yield from client_over(extended_db)


@pytest.fixture(scope="session", params=backends())
def seed_api(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    """An API client over the real seed, on each backend; shared, read-only."""
    for url in loaded(request.param, tmp_path_factory.mktemp("real"), REAL_SEED):
        yield from client_over(url)
