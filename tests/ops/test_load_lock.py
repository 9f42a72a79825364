"""Loads run one at a time on every backend: a second cannot start while one is writing."""

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Connection, create_engine, text

import app.derived
import app.loader
from app.db.engine import LOAD_LOCK, is_sqlite
from app.loader import load_seed
from tests.conftest import MAX_BYTES, MINI_SEED


def another_load_could_start(url: str) -> bool:
    """Whether a second loader would get its lock right now (asked without waiting for it)."""
    if is_sqlite(url):
        return sqlite_write_lock_is_free(url.removeprefix("sqlite:///"))
    try_lock = LOAD_LOCK.replace("pg_advisory_xact_lock", "pg_try_advisory_xact_lock")
    engine = create_engine(url)
    with engine.connect() as connection:
        free = connection.scalar(text(try_lock))
    engine.dispose()
    return bool(free)


def sqlite_write_lock_is_free(path: str) -> bool:
    raw = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        raw.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        assert "locked" in str(error)
        return False
    finally:
        raw.close()
    return True


def test_a_load_holds_the_loaders_lock_until_it_ends(
    empty_db: str, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    assert another_load_could_start(empty_db)
    seen: list[bool] = []

    def look(_connection: Connection) -> None:
        seen.append(another_load_could_start(empty_db))

    rebuild = app.derived.rebuild

    def rebuild_then_look(connection: Connection) -> None:
        rebuild(connection)
        look(connection)

    monkeypatch.setattr(app.derived, "rebuild", rebuild_then_look)
    topics = seed_copy / "topics.yaml"
    edited = topics.read_text(encoding="utf-8").replace("name: Ceasefire", "name: Truce", 1)
    topics.write_text(edited, encoding="utf-8")
    load_seed(seed_copy, empty_db, MAX_BYTES)
    assert seen == [False]
    assert another_load_could_start(empty_db)
