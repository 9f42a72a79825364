"""Databases for the fuzz test. schemathesis reads the schema when the test module is imported,
and serving /openapi.json reads the database, so they are built on first use at import time, once
per test process, and removed when the session ends."""

import datetime as dt
import secrets
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from sqlalchemy import create_engine, insert, text
from sqlalchemy.engine import make_url

from app.db.models import ApiKey
from app.domain import KeyScope
from app.keys import TOKEN_PREFIX, token_hash
from app.loader import load_seed
from tests.conftest import MAX_BYTES, MINI_SEED
from tests.databases import POSTGRES_URL, migrate

FOLDER = Path(tempfile.mkdtemp(prefix="summitkb-fuzz-"))
SCHEMA = f"fuzz_{uuid.uuid4().hex[:12]}"
# The write key the fuzz run sends (every fuzz database holds its hash).
FUZZ_KEY = TOKEN_PREFIX + secrets.token_urlsafe(32)


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
    add_fuzz_key(url)
    return url


def add_fuzz_key(url: str) -> None:
    """Store the hash of FUZZ_KEY, a write key, in the database at `url`."""
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            row = {"name": "fuzz", "scope": KeyScope.WRITE, "token_hash": token_hash(FUZZ_KEY)}
            connection.execute(insert(ApiKey), {**row, "created_at": dt.datetime.now(dt.UTC)})
    finally:
        engine.dispose()


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
