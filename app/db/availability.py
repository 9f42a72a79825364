"""A database that is gone or unreachable: told apart from other errors, and not served stale.

A SQLite connection holds its file open: when the file is removed or replaced, the connection
goes on reading the old one, unseen by anyone. Each checkout compares the file at the path with
the one the connection opened, and hands the pool a disconnection when they differ, so that
connections are opened again on what is there now (or fail, and the request gets a 503).
"""

import os
import sqlite3
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.exc import InvalidatePoolError

FILE_IDENTITY = "summitkb_file_identity"
# PostgreSQL SQLSTATEs (or their classes) that mean the database cannot be used at all now:
# connection failures, a database or schema that does not exist (dropped), a table that does not
# exist (the tests build every table through the migrations, so the schema went away), the
# server shutting down or out of resources.
UNAVAILABLE_SQLSTATES = ("08", "3D000", "3F000", "42P01", "57P", "53")
# SQLite's primary result codes for the same: the file cannot be opened, read or trusted, or is
# held by another process; and a table that does not exist (the file holds another database).
UNAVAILABLE_SQLITE_CODES = {
    sqlite3.SQLITE_CANTOPEN,
    sqlite3.SQLITE_IOERR,
    sqlite3.SQLITE_NOTADB,
    sqlite3.SQLITE_CORRUPT,
    sqlite3.SQLITE_PERM,
    sqlite3.SQLITE_BUSY,
    sqlite3.SQLITE_LOCKED,
    sqlite3.SQLITE_FULL,
}


def is_unavailable(error: BaseException) -> bool:
    """Whether a database error means the database is missing, unreadable or unreachable (a
    mistake of ours, such as a column that does not exist, is not: it stays a 500)."""
    original = getattr(error, "orig", None) or error
    if isinstance(original, sqlite3.Error):
        code = (getattr(original, "sqlite_errorcode", None) or 0) & 0xFF  # the primary code
        return code in UNAVAILABLE_SQLITE_CODES or str(original).startswith("no such table")
    sqlstate = getattr(original, "sqlstate", None) or ""
    return sqlstate.startswith(UNAVAILABLE_SQLSTATES)


def watch_sqlite_file(engine: Engine, path: str) -> None:
    """Reopen `engine`'s connections when the file at `path` is not the one they opened."""
    path = os.path.abspath(path)

    def remember(_dbapi_connection: Any, record: Any) -> None:
        record.info[FILE_IDENTITY] = _identity(path)

    def compare(_dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        now = _identity(path)
        if now is None or now != record.info.get(FILE_IDENTITY):
            raise InvalidatePoolError(f"the database file {path} was removed or replaced")

    event.listen(engine, "connect", remember)
    event.listen(engine, "checkout", compare)


def _identity(path: str) -> tuple[int, int] | None:
    """The file's device and inode; None if it is missing or cannot be read."""
    try:
        stat = os.stat(path)
    except OSError:
        return None
    return (stat.st_dev, stat.st_ino) if os.access(path, os.R_OK) else None
