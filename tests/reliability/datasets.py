"""Two large synthetic datasets (from bench/generate.py) loaded into SQLite files, and a way to
tell which one a database holds, wholly."""

import hashlib
import shutil
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from app.loader import check_seed, load_seed
from tests.conftest import MAX_BYTES
from tests.databases import ROOT, migrate

QUOTES = 2000  # a load then takes about a second here
LOAD = [sys.executable, "-c", "from app.cli import main; main()", "load"]


@dataclass(frozen=True)
class BigSeeds:
    old: Path
    new: Path
    old_version: str
    new_version: str
    old_db: Path  # a database holding the old dataset, to copy


def generate(folder: Path, seed: int, quotes: int = QUOTES) -> Path:
    command = [sys.executable, str(ROOT / "bench" / "generate.py"), str(folder)]
    subprocess.run([*command, "--quotes", str(quotes), "--seed", str(seed)], check=True)
    return folder


def build_big_seeds(folder: Path) -> BigSeeds:
    old, new = generate(folder / "old", 1), generate(folder / "new", 2)
    old_db = folder / "old.db"
    migrate(f"sqlite:///{old_db}")
    load_seed(old, f"sqlite:///{old_db}", MAX_BYTES)
    checkpoint(old_db)
    return BigSeeds(old, new, check_seed(old, MAX_BYTES)[0], check_seed(new, MAX_BYTES)[0], old_db)


def checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the file, so that copying the file copies the database."""
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()


def copy_database(source: Path, target: Path) -> Path:
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(source, target)
    return target


def load_command(seed: Path, database: Path) -> list[str]:
    return [*LOAD, str(seed), "--database-url", f"sqlite:///{database}"]


def state_of(database: Path) -> tuple[str | None, dict[str, int], str]:
    """(dataset version, rows per table, digest of every quote's id and text)."""
    connection = sqlite3.connect(database)
    try:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        counts = {
            table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in tables
        }
        version = connection.execute("SELECT max(version) FROM dataset").fetchone()[0]
        quotes = connection.execute("SELECT id, text FROM quotes ORDER BY id").fetchall()
    finally:
        connection.close()
    return version, counts, hashlib.sha256(repr(quotes).encode()).hexdigest()


def integrity_problems(database: Path) -> list[object]:
    """What PRAGMA integrity_check and foreign_key_check find wrong (nothing, if all is well)."""
    connection = sqlite3.connect(database)
    try:
        integrity = connection.execute("PRAGMA integrity_check").fetchall()
        foreign = connection.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        connection.close()
    return ([] if integrity == [("ok",)] else integrity) + foreign
