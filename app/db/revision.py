"""The schema revision a database is at, against the one the migrations end at."""

from functools import lru_cache

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Column, Connection, MetaData, String, Table, inspect, select

from app.config import PROJECT_ROOT


class SchemaNotCurrent(Exception):
    """The database's schema is not at the migrations' head: `summitkb migrate` brings it there."""

    def __init__(self, outcome: str) -> None:
        super().__init__(f"the database schema is {outcome} first")


@lru_cache
def head_revisions() -> frozenset[str]:
    """The revisions the migrations end at (read once: they do not change while serving)."""
    config = Config(str(PROJECT_ROOT / "alembic.ini"))
    return frozenset(ScriptDirectory.from_config(config).get_heads())


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
    """ "ok", or where the schema is and what to run."""
    current = current_heads(connection)
    if current == head_revisions():
        return "ok"
    found = ", ".join(sorted(current)) or "no revision (not migrated)"
    return f"at {found}, expected {', '.join(sorted(head_revisions()))}: run `summitkb migrate`"


def require_current_schema(connection: Connection) -> None:
    """Raise SchemaNotCurrent unless the database's schema is at the migrations' head."""
    outcome = schema_outcome(connection)
    if outcome != "ok":
        raise SchemaNotCurrent(outcome)
