"""Databases for the fuzz test. schemathesis reads the schema when the test module is imported,
and serving /openapi.json reads the database, so they are built on first use at import time, once
per test process, and removed when the session ends."""

import shutil
import tempfile
import uuid
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.loader import load_seed
from tests.conftest import MAX_BYTES, MINI_SEED
from tests.databases import POSTGRES_URL, migrate

FOLDER = Path(tempfile.mkdtemp(prefix="summitkb-fuzz-"))
SCHEMA = f"fuzz_{uuid.uuid4().hex[:12]}"


@cache
def fuzz_database(backend: str) -> str:
    """The URL of a database of `backend` holding the mini seed, built on first use."""
    if backend == "sqlite":
        url = f"sqlite:///{FOLDER / 'fuzz.db'}"
    else:
        run_on_postgres(f'CREATE SCHEMA "{SCHEMA}"')
        search_path = {"options": f"-csearch_path={SCHEMA}"}
        url = make_url(POSTGRES_URL).update_query_dict(search_path).render_as_string(False)
    migrate(url)
    load_seed(MINI_SEED, url, MAX_BYTES)
    return url


def run_on_postgres(statement: str) -> None:
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(statement))
    finally:
        admin.dispose()


@pytest.fixture(scope="session", autouse=True)
def remove_fuzz_databases() -> Iterator[None]:
    yield
    if fuzz_database.cache_info().currsize and POSTGRES_URL:
        run_on_postgres(f'DROP SCHEMA IF EXISTS "{SCHEMA}" CASCADE')
    shutil.rmtree(FOLDER, ignore_errors=True)
