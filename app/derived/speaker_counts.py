"""Running quote counts per speaker, one packed row per day (see app.db.derived_tables).

A quote written or deleted changes the counts of every later day, so a refresh derives them all
again: one grouped query over the quotes, one row per day.
"""

from array import array
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

import orjson
from sqlalchemy import Connection, delete, func, insert, select

from app.db.derived_tables import derived_quote_speaker_slots, derived_quote_speaker_totals
from app.db.models import Actor, Quote
from app.queries import speaker_totals

CHUNK = 1000
SLOTS, TOTALS = derived_quote_speaker_slots, derived_quote_speaker_totals


def store_speaker_counts(connection: Connection) -> None:
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
    days = _running_totals(connection.execute(per_day.execution_options(yield_per=CHUNK)), slot_of)
    while rows := list(islice(days, CHUNK)):
        connection.execute(insert(TOTALS), rows)


def _running_totals(per_day: Iterable[Any], slot_of: dict[str, int]) -> Iterator[dict[str, Any]]:
    """One row per day: the running counts after that day's quotes (per_day is by day)."""
    running = array("i", bytes(4 * len(slot_of)))
    day = None
    for said_on, speaker_id, said in per_day:
        if day is not None and said_on != day:
            yield {"said_on": day, "counts": speaker_totals.pack(running)}
        day = said_on
        running[slot_of[speaker_id]] += said
    if day is not None:
        yield {"said_on": day, "counts": speaker_totals.pack(running)}
