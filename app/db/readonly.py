"""Read-only connections for the API: a write through one fails in the database itself."""

from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import Engine, event


def make_read_only(engine: Engine) -> None:
    """Make every connection `engine` opens refuse writes (the loader keeps its own engine)."""
    if engine.dialect.name == "sqlite":
        event.listen(engine, "do_connect", _sqlite_open_existing)
        event.listen(engine, "connect", _sqlite_query_only)
    else:
        event.listen(engine, "connect", _postgres_read_only)


def _sqlite_open_existing(_dialect: Any, _record: Any, cargs: list[Any], cparams: Any) -> None:
    """Open the file only if it is there (SQLite's mode=rw): where the database was removed, a
    read-only connection fails (a 503) instead of creating an empty database in its place."""
    filename = str(cargs[0]) if cargs else ""
    if filename in ("", ":memory:") or filename.startswith("file:"):
        return
    cargs[0] = f"file:{quote(str(Path(filename).resolve()))}?mode=rw"
    cparams["uri"] = True


def _sqlite_query_only(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


def _postgres_read_only(dbapi_connection: Any, _record: Any) -> None:
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SELECT set_config('default_transaction_read_only', 'on', false)")
    dbapi_connection.commit()
