"""Readiness: the database answers, its schema is at the migrations' head, a dataset is loaded."""

import logging
from dataclasses import dataclass
from functools import lru_cache

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Connection, Engine, MetaData, String, Table, inspect, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.config import PROJECT_ROOT
from app.errors import NotFound
from app.queries.catalog import get_meta
from app.schemas.records import MetaRead

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Readiness:
    """Each check's outcome ("ok" or why not) and, when loaded, the dataset."""

    checks: dict[str, str]
    meta: MetaRead | None

    @property
    def ready(self) -> bool:
        return all(outcome == "ok" for outcome in self.checks.values())


@lru_cache
def head_revisions() -> frozenset[str]:
    """The revisions the migrations end at (read once: they do not change while serving)."""
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    return frozenset(ScriptDirectory.from_config(config).get_heads())


def check_readiness(engine: Engine) -> Readiness:
    """Run the checks in order; those after a failed one are not run."""
    checks = dict.fromkeys(("database", "schema", "dataset"), "not checked")
    step = "database"
    try:
        with engine.connect() as connection:
            checks["database"] = "ok"
            step = "schema"
            checks["schema"] = schema_outcome(connection)
            if checks["schema"] != "ok":
                return Readiness(checks, None)
            step = "dataset"
            meta = loaded_dataset(connection)
            checks["dataset"] = "ok" if meta else "no dataset is loaded: run `summitkb load`"
            return Readiness(checks, meta)
    except SQLAlchemyError as error:
        # The reason goes to the log; the public answer names the check and the error's kind.
        log.warning("readiness check %s failed", step, exc_info=error)
        cause = getattr(error, "orig", None) or error
        checks[step] = f"failed: {type(cause).__name__}"
        return Readiness(checks, None)


# Alembic's own reader (MigrationContext.get_current_heads) builds a new Table per call, so each
# check compiled and cached a new statement: SQLAlchemy's statement cache filled up with copies
# until it reached its bound, which the soak run saw as steady memory growth.
VERSION_TABLE = Table(
    "alembic_version", MetaData(), Column("version_num", String(32), primary_key=True)
)
CURRENT_HEADS = select(VERSION_TABLE.c.version_num)


def current_heads(connection: Connection) -> frozenset[str]:
    """The revisions the database is at (none if it was never migrated)."""
    if not inspect(connection).has_table(VERSION_TABLE.name):
        return frozenset()
    return frozenset(connection.scalars(CURRENT_HEADS))


def schema_outcome(connection: Connection) -> str:
    current = current_heads(connection)
    if current == head_revisions():
        return "ok"
    found = ", ".join(sorted(current)) or "no revision (not migrated)"
    return f"at {found}, expected {', '.join(sorted(head_revisions()))}: run `summitkb migrate`"


def loaded_dataset(connection: Connection) -> MetaRead | None:
    with Session(connection) as session:
        try:
            return get_meta(session)
        except NotFound:
            return None
