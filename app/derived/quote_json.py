"""Each quote's answer as JSON, built by the same code as a live read (queries.quotes.hydrate)."""

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, Select, delete, func, insert, select
from sqlalchemy.orm import Session

from app.db.derived_tables import derived_quote_json
from app.db.models import Quote
from app.derived.changes import Changed, affected_quotes
from app.queries import quotes

CHUNK = 1000


def store_quote_json(connection: Connection, changed: Changed | None = None) -> None:
    """Store every quote's answer, or (given `changed`) those of the quotes it affects."""
    query = select(Quote.__table__)
    if changed is None:
        connection.execute(delete(derived_quote_json))
    else:
        quote_ids = sorted(affected_quotes(connection, changed))
        connection.execute(delete(derived_quote_json).where(derived_quote_json.c.id.in_(quote_ids)))
        query = query.where(Quote.id.in_(quote_ids))
    with Session(connection) as session:
        for rows in _chunks(connection, query):
            answers = [
                {"id": quote.id, "body": quote.__pydantic_serializer__.to_json(quote)}
                for quote in quotes.hydrate(session, rows)
            ]
            connection.execute(insert(derived_quote_json), answers)


def _chunks(connection: Connection, query: Select[Any]) -> Iterator[list[Any]]:
    result = connection.execute(query).mappings().yield_per(CHUNK)
    for chunk in result.partitions(CHUNK):
        yield list(chunk)


def is_complete(connection: Connection) -> bool:
    """Whether every quote has its stored answer."""
    stored = connection.scalar(select(func.count()).select_from(derived_quote_json))
    return stored == connection.scalar(select(func.count()).select_from(Quote))
