"""A database that vanished (file removed or replaced, schema dropped) is a 503 from every
endpoint, with Retry-After, and /readyz says not ready: never a 500, never the old data."""

import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from app.db.availability import is_unavailable
from app.loader import load_seed
from tests.api.helpers import assert_problem
from tests.conftest import MAX_BYTES, MINI_SEED
from tests.databases import sqlite_copy
from tests.ops.conftest import ClientFor
from tests.reliability.conftest import assert_documented_problem, fill_path, operations

OPERATIONS_OUTSIDE_THE_DATABASE = {"/healthz", "/readyz", "/metrics", "/openapi.json"}


@pytest.fixture
def loaded_db(empty_db: str) -> Iterator[str]:
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    yield empty_db


def sqlite_files(url: str) -> list[Path]:
    path = Path(str(make_url(url).database))
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def remove_database(url: str) -> None:
    """Take the database away: delete the SQLite files, or drop the PostgreSQL schema (made
    again empty, as the test's own clean-up drops it)."""
    if make_url(url).get_backend_name() == "sqlite":
        for path in sqlite_files(url):
            path.unlink(missing_ok=True)
        return
    engine = create_engine(url)
    with engine.begin() as connection:
        schema = connection.execute(text("SELECT current_schema()")).scalar_one()
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    engine.dispose()


def data_paths(client: TestClient) -> list[str]:
    """Every GET of the API that reads the database, with `x` for its path parameters; not the
    exports, whose stream has started (200) before their first read."""
    return [
        fill_path(template)
        for template, _ in operations(client)
        if template not in OPERATIONS_OUTSIDE_THE_DATABASE and not template.startswith("/v1/export")
    ]


def assert_unavailable(client: TestClient) -> None:
    paths = data_paths(client)
    assert len(paths) >= 20
    for path in paths:
        response = client.get(path, params={"q": "putin"} if "search" in path else None)
        body = assert_documented_problem(response, 503)
        assert response.headers["retry-after"] == "30", path
        assert "the database is unavailable" in body["detail"], path
    assert_problem(client.get("/readyz"), 503, "not ready")
    assert client.get("/healthz").status_code == 200


def test_a_removed_database_is_a_503_everywhere(client_for: ClientFor, loaded_db: str) -> None:
    client = client_for(loaded_db)
    for _ in range(3):  # several pooled connections hold the file open
        assert client.get("/v1/quotes").status_code == 200
    assert client.get("/readyz").status_code == 200
    remove_database(loaded_db)
    assert_unavailable(client)
    if make_url(loaded_db).get_backend_name() == "sqlite":
        assert_problem(client.get("/readyz"), 503, "not ready: database: failed")
        assert not sqlite_files(loaded_db)[0].exists(), "an empty database was made in its place"


def test_a_sqlite_file_replaced_by_another_is_not_served(
    client_for: ClientFor, sqlite_template: Path, tmp_path: Path
) -> None:
    url = sqlite_copy(sqlite_template, tmp_path)
    load_seed(MINI_SEED, url, MAX_BYTES)
    client = client_for(url)
    assert client.get("/v1/quotes").status_code == 200
    path = sqlite_files(url)[0]
    replacement = path.with_name("replacement")
    replacement.write_bytes(b"not a database " * 1000)
    os.replace(replacement, path)
    assert_unavailable(client)


def sqlite_error(statement: str, database: str = ":memory:") -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as raised:
        sqlite3.connect(database).execute(statement)
    return raised.value


class PostgresError(Exception):
    def __init__(self, sqlstate: str) -> None:
        self.sqlstate = sqlstate


def test_only_a_database_that_is_gone_counts_as_unavailable(tmp_path: Path) -> None:
    (tmp_path / "garbage.db").write_bytes(b"not a database " * 100)
    assert is_unavailable(sqlite_error("SELECT * FROM quotes"))  # no such table
    assert is_unavailable(sqlite_error("SELECT * FROM sqlite_master", str(tmp_path / "garbage.db")))
    assert not is_unavailable(sqlite_error("SELECT nothing FROM sqlite_master"))  # our mistake
    assert not is_unavailable(sqlite_error("SELEC 1"))
    for gone in ("08006", "3D000", "3F000", "42P01", "57P01", "53300"):
        assert is_unavailable(PostgresError(gone)), gone
    for mistake in ("42703", "42601", "22P02"):
        assert not is_unavailable(PostgresError(mistake)), mistake
