"""What every command shares: the database option, and how a failure a user can act on is told
(one line and exit status 1, never a traceback)."""

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, NoReturn

import typer
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError

from app.config import Settings
from app.loader import SchemaNotCurrent

DatabaseUrl = Annotated[
    str | None,
    typer.Option(help="SQLAlchemy database URL (default: $DATABASE_URL or the SQLite file)."),
]


def resolve_url(database_url: str | None) -> str:
    return database_url or Settings().database_url


def fail(message: str) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code=1)


@contextmanager
def one_line_errors(url: str) -> Iterator[None]:
    """The failures a user can act on (a database that cannot be opened, reached or used, a
    schema not migrated) as one line and exit status 1, not a traceback."""
    try:
        yield
    except SchemaNotCurrent as error:
        fail(str(error))
    except ArgumentError as error:
        fail(f"not a database URL this program can use: {error}")
    except (DBAPIError, sqlite3.Error, OSError) as error:
        fail(f"cannot use the database {shown_url(url)}: {first_line(error)}")


def first_line(error: Exception) -> str:
    """The driver's own words for a database error (SQLAlchemy wraps them in `orig`)."""
    cause = getattr(error, "orig", None) or error
    text = str(cause).strip()
    return text.splitlines()[0] if text else type(cause).__name__


def shown_url(url: str) -> str:
    """`url` without its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return repr(url)
