"""A database of each backend with the mini seed loaded, fresh for each test (tests write)."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app.curation import write_engine
from app.loader import load_seed
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
