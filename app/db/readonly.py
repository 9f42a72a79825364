"""Read-only connections for the API: a write through one fails in the database itself."""

from typing import Any

from sqlalchemy import Engine, event


def make_read_only(engine: Engine) -> None:
    """Make every connection `engine` opens refuse writes (the loader keeps its own engine)."""
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_query_only)
    else:
        event.listen(engine, "connect", _postgres_read_only)


def _sqlite_query_only(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def _postgres_read_only(dbapi_connection: Any, _record: Any) -> None:
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SELECT set_config('default_transaction_read_only', 'on', false)")
    dbapi_connection.commit()
