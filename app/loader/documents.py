"""Rebuild the quotes' JSON documents and per-day counts inside the load's transaction."""

from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select
from sqlalchemy.orm import Session

from app.db.models import Quote
from app.db.search_tables import derived_quote_day_counts, derived_quote_documents
from app.queries import quotes

CHUNK = 1000


def rebuild_quote_documents(connection: Connection) -> None:
    """Store each quote as the API sends it, built by the same code as a live read."""
    connection.execute(delete(derived_quote_documents))
    with Session(connection) as session:
        for rows in _quote_chunks(connection):
            documents = [
                {"id": quote.id, "body": quote.__pydantic_serializer__.to_json(quote)}
                for quote in quotes.hydrate(session, rows)
            ]
            connection.execute(insert(derived_quote_documents), documents)


def _quote_chunks(connection: Connection) -> Iterator[list[Any]]:
    result = connection.execute(select(Quote.__table__)).mappings().yield_per(CHUNK)
    for chunk in result.partitions(CHUNK):
        yield list(chunk)


def rebuild_quote_day_counts(connection: Connection) -> None:
    """Count each speaker's dated quotes per day."""
    table = derived_quote_day_counts
    connection.execute(delete(table))
    counted = (
        select(Quote.said_on, Quote.speaker_id, func.count())
        .where(Quote.said_on.is_not(None))
        .group_by(Quote.said_on, Quote.speaker_id)
    )
    connection.execute(insert(table).from_select(["said_on", "speaker_id", "quotes"], counted))


def documents_complete(connection: Connection) -> bool:
    """Whether every quote has its document (not so right after the migration that added them)."""
    documented = connection.scalar(select(func.count()).select_from(derived_quote_documents))
    return documented == connection.scalar(select(func.count()).select_from(Quote))
