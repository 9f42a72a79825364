"""Rebuild the quotes' JSON documents and running counts inside the load's transaction."""

from array import array
from collections.abc import Iterator, Sequence
from typing import Any

import orjson
from sqlalchemy import Connection, delete, func, insert, select
from sqlalchemy.orm import Session

from app.db.models import Actor, Quote
from app.db.search_tables import (
    derived_quote_documents,
    derived_quote_speaker_slots,
    derived_quote_speaker_totals,
)
from app.queries import quotes, speaker_totals

CHUNK = 1000
SLOTS, TOTALS = derived_quote_speaker_slots, derived_quote_speaker_totals


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


def rebuild_speaker_totals(connection: Connection) -> None:
    """Store, for each day with a dated quote, every speaker's running count of quotes."""
    connection.execute(delete(SLOTS))
    connection.execute(delete(TOTALS))
    dated = Quote.said_on.is_not(None)
    speakers = connection.execute(
        select(Actor.id, Actor.name)
        .where(Actor.id.in_(select(Quote.speaker_id).where(dated)))
        .order_by(Actor.id)
    ).all()
    if not speakers:
        return
    slot_of = {speaker_id: slot for slot, (speaker_id, _) in enumerate(speakers)}
    named = orjson.dumps([list(speaker) for speaker in speakers])
    connection.execute(insert(SLOTS).values(id=1, speakers=named))
    per_day = (
        select(Quote.said_on, Quote.speaker_id, func.count())
        .where(dated)
        .group_by(Quote.said_on, Quote.speaker_id)
        .order_by(Quote.said_on)
    )
    rows = _running_totals(connection.execute(per_day).all(), slot_of)
    for start in range(0, len(rows), CHUNK):
        connection.execute(insert(TOTALS), rows[start : start + CHUNK])


def _running_totals(per_day: Sequence[Any], slot_of: dict[str, int]) -> list[dict[str, Any]]:
    """One row per day: the running counts after that day's quotes (per_day is by day)."""
    running = array("i", bytes(4 * len(slot_of)))
    rows: list[dict[str, Any]] = []
    for index, (said_on, speaker_id, said) in enumerate(per_day):
        running[slot_of[speaker_id]] += said
        if index + 1 == len(per_day) or per_day[index + 1][0] != said_on:
            rows.append({"said_on": said_on, "counts": speaker_totals.pack(running)})
    return rows


def documents_complete(connection: Connection) -> bool:
    """Whether every quote has its document (not so right after the migration that added them)."""
    documented = connection.scalar(select(func.count()).select_from(derived_quote_documents))
    return documented == connection.scalar(select(func.count()).select_from(Quote))
