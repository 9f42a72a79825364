"""Stored JSON documents read through the database driver itself: the hot read path.

A quote's answer is stored whole at load time (derived_quote_documents), so one read is one
indexed lookup. SQLAlchemy's Core costs about 100 µs per connection and statement here against
10-20 µs for the driver, so these statements are compiled once per dialect and run on the pool's
DBAPI connection. Each is one statement, hence one snapshot: the dataset version comes back in
the same row as the document.
"""

import datetime as dt
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Generic, TypeVar, cast

from sqlalchemy import Date, Engine, PoolProxiedConnection, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler

from app.db.budget import budget_clock
from app.errors import NotFound

Key = TypeVar("Key", bound=Hashable)

# No row at all when nothing is loaded; a row with a NULL body when the quote does not exist.
QUOTE_DOCUMENT = """
SELECT dataset.version, documents.body
FROM dataset LEFT JOIN derived_quote_documents AS documents ON documents.id = :id
"""


def quote_not_found(quote_id: str) -> NotFound:
    """The error for a quote id with no document (the route raises it; the lane renders it)."""
    return NotFound(f"no quote with id {quote_id!r}")


def driver_dates(engine: Engine) -> Callable[[dt.date], Any]:
    """How a date goes to `engine`'s driver as SQLAlchemy would send it (SQLite: ISO text)."""
    dialect = engine.dialect
    to_driver = Date().dialect_impl(dialect).bind_processor(dialect)
    return to_driver or (lambda day: day)


class DriverStatement:
    """A SQL text or Core statement compiled once for `engine`'s dialect, run on a raw DBAPI
    connection (its parameters go to the driver as they are: no type processing)."""

    def __init__(self, engine: Engine, statement: str | ClauseElement) -> None:
        clause = text(statement) if isinstance(statement, str) else statement
        compiled = cast(SQLCompiler, clause.compile(dialect=engine.dialect))
        self.sql = compiled.string
        self.order: Sequence[str] | None = compiled.positiontup
        # Parameters the compiler made itself, with their values (SQLite's OFFSET 0).
        used = set(self.order or compiled.bind_names.values())
        self.fixed = {
            name: bind.value
            for bind, name in compiled.bind_names.items()
            if not bind.required and name in used
        }
        self.errors: type[Exception] = engine.dialect.loaded_dbapi.Error

    def arguments(self, params: dict[str, Any]) -> Any:
        """`params` (and the compiler's own) as the driver takes them: by position or by name."""
        params = {**self.fixed, **params} if self.fixed else params
        return tuple(params[name] for name in self.order) if self.order else params

    def rows(self, dbapi_connection: Any, **params: Any) -> list[Any]:
        arguments = self.arguments(params)
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(self.sql, arguments)
            return list(cursor.fetchall())
        except self.errors as error:
            # Wrapped as SQLAlchemy would, so the one database error handler answers it.
            raise DBAPIError.instance(self.sql, arguments, error, self.errors) from error
        finally:
            cursor.close()


class DriverStatements(Generic[Key]):
    """Statements compiled on first use, one per key (the shape of a statement)."""

    def __init__(self, engine: Engine, build: Callable[[Key], ClauseElement]) -> None:
        self.engine = engine
        self.build = build
        self.compiled: dict[Key, DriverStatement] = {}

    def __getitem__(self, key: Key) -> DriverStatement:
        statement = self.compiled.get(key)
        if statement is None:
            statement = self.compiled[key] = DriverStatement(self.engine, self.build(key))
        return statement


class Documents:
    """Reads of stored documents over `engine` (read-only, with the time budget).

    They run on the event loop, one at a time, so one connection serves them all: it is taken
    from the pool once and kept (a pool checkout and return cost more than the read itself).
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.quote_statement = DriverStatement(engine, QUOTE_DOCUMENT)
        self.pooled: PoolProxiedConnection | None = None

    @contextmanager
    def connection(self) -> Iterator[Any]:
        if self.pooled is None:
            self.pooled = self.engine.raw_connection()
        pooled = self.pooled
        driver: Any = pooled.driver_connection
        try:
            with budget_clock(pooled.info):
                yield driver
            driver.rollback()  # no transaction held between reads
        except BaseException:
            self.close()  # a connection in doubt is not used again
            raise

    def close(self) -> None:
        if self.pooled is not None:
            pooled, self.pooled = self.pooled, None
            pooled.close()

    def quote(self, quote_id: str) -> tuple[str | None, bytes | None]:
        """(dataset version, the quote's document); None for what is not there."""
        with self.connection() as connection:
            rows = self.quote_statement.rows(connection, id=quote_id)
        if not rows:
            return None, None
        version, body = rows[0]
        return version, None if body is None else bytes(body)
