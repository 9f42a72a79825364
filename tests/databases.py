"""Test databases, built by the real Alembic migrations, on SQLite and (when asked) PostgreSQL."""

import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

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
    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(POSTGRES_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()
