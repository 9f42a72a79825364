"""Test databases, built by the real Alembic migrations, on SQLite and (when asked) PostgreSQL."""

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config

from app.db.scratch import scratch_schema

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get("SUMMITKB_TEST_POSTGRES_URL", "")


def backends() -> list[str]:
    """SQLite always; PostgreSQL too when SUMMITKB_TEST_POSTGRES_URL is set (CI sets it)."""
    return ["sqlite", "postgresql"] if POSTGRES_URL else ["sqlite"]


def alembic_config(url: str) -> Config:
    config = Config(str(ROOT / "alembic.ini"))
    config.attributes["database_url"] = url
    return config


def migrate(url: str, revision: str = "head") -> None:
    command.upgrade(alembic_config(url), revision)


def sqlite_copy(template: Path, folder: Path) -> str:
    """A fresh migrated SQLite database: a copy of the migrated template file."""
    path = folder / f"{uuid.uuid4().hex[:8]}.db"
    shutil.copyfile(template, path)
    return f"sqlite:///{path}"


@contextmanager
def postgres_schema() -> Iterator[str]:
    """A URL whose connections work in a new schema of their own, dropped afterwards."""
    with scratch_schema(POSTGRES_URL, "test") as url:
        yield url
