"""Loads run one at a time on every backend: a second cannot start while one is writing."""

import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import Connection, create_engine, text
from typer.testing import CliRunner, Result

import app.cli
import app.derived
import app.loader
from app.db.engine import is_sqlite
from app.db.load_lock import LOAD_LOCK
from app.loader import load_seed
from tests.conftest import MAX_BYTES, MINI_SEED


def another_load_could_start(url: str) -> bool:
    """Whether a second loader would get its lock right now (asked without waiting for it)."""
    if is_sqlite(url):
        return sqlite_write_lock_is_free(url.removeprefix("sqlite:///"))
    engine = create_engine(url)
    with engine.connect() as connection:
        free = connection.scalar(text(LOAD_LOCK))
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


def test_a_second_load_waits_for_the_first_and_says_so(
    empty_db: str, seed_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    holding, release, waited = threading.Event(), threading.Event(), threading.Event()

    rebuild = app.derived.rebuild

    def rebuild_then_hold(connection: Connection) -> None:
        rebuild(connection)
        holding.set()
        release.wait(60)

    def noting(waited_s: float) -> None:
        reported(waited_s)
        waited.set()

    reported = app.cli.report_waiting
    monkeypatch.setattr(app.derived, "rebuild", rebuild_then_hold)
    monkeypatch.setattr(app.cli, "report_waiting", noting)
    topics = seed_copy / "topics.yaml"
    edited = topics.read_text(encoding="utf-8").replace("name: Ceasefire", "name: Truce", 1)
    topics.write_text(edited, encoding="utf-8")
    first = threading.Thread(target=load_seed, args=(seed_copy, empty_db, MAX_BYTES))
    first.start()
    assert holding.wait(60)
    second: list[Result] = []
    command = ["load", str(seed_copy), "--database-url", empty_db]
    runner = threading.Thread(
        target=lambda: second.append(CliRunner().invoke(app.cli.cli, command))
    )
    runner.start()
    assert waited.wait(60), "the second load did not say it waits"
    release.set()
    first.join(60)
    runner.join(60)
    result = second[0]
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "another load is writing to this database; waiting for it to end (0 s)"
    assert "Traceback" not in result.output
    assert lines[-1].endswith("already loaded; nothing written")
