"""`summitkb keys`: make a key (its token shown once), list the keys, revoke one by name."""

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer
from sqlalchemy import Connection

from app.cli_common import DatabaseUrl, fail, one_line_errors, resolve_url
from app.db.engine import build_engine
from app.db.revision import require_current_schema
from app.domain import KeyScope
from app.keys import NameTaken, NoSuchKey, create_key, list_keys, revoke_key

keys = typer.Typer(help="API keys: who may write through the API.", no_args_is_help=True)


@contextmanager
def transaction(database_url: str | None) -> Iterator[Connection]:
    """A transaction on the database, its failures told in one line."""
    url = resolve_url(database_url)
    engine = build_engine(url)
    try:
        with one_line_errors(url), engine.begin() as connection:
            require_current_schema(connection)
            yield connection
    finally:
        engine.dispose()


@keys.command()
def create(
    name: Annotated[str, typer.Option(help="Who holds the key: the author of its revisions.")],
    scope: Annotated[KeyScope, typer.Option(help="write: change records; admin: anything.")],
    database_url: DatabaseUrl = None,
) -> None:
    """Make a key and print its token: the only time it is shown (only a hash is stored)."""
    name = name.strip()
    if not 0 < len(name) <= 100:
        fail("a key's name is 1 to 100 characters")
    try:
        with transaction(database_url) as connection:
            token = create_key(connection, name, scope)
    except NameTaken as error:
        fail(str(error))
    typer.echo(f"key {name!r} ({scope.value}) made; its token is shown this once:", err=True)
    typer.echo(token)


@keys.command("list")
def list_command(database_url: DatabaseUrl = None) -> None:
    """List the keys: name, scope, when made and when revoked (never a token)."""
    with transaction(database_url) as connection:
        listed = list_keys(connection)
    typer.echo(f"{'name':<24} {'scope':<6} {'created':<20} revoked")
    for key in listed:
        made, revoked = moment(key.created_at), moment(key.revoked_at)
        typer.echo(f"{key.name:<24} {key.scope.value:<6} {made:<20} {revoked}")


def moment(when: dt.datetime | None) -> str:
    return "-" if when is None else f"{when:%Y-%m-%d %H:%M:%S}"


@keys.command()
def revoke(
    name: Annotated[str, typer.Argument(help="The key's name.")],
    database_url: DatabaseUrl = None,
) -> None:
    """Revoke a key: refused from the API's very next request; it stays listed."""
    try:
        with transaction(database_url) as connection:
            revoke_key(connection, name)
    except NoSuchKey as error:
        fail(str(error))
    typer.echo(f"key {name!r} revoked")
