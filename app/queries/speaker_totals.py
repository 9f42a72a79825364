"""Running quote counts per speaker: the speaker facet of a date range in two lookups.

`derived_quote_speaker_totals` has a row for each day on which a dated quote was said; its
`counts` hold, for each speaker slot (`derived_quote_speaker_slots`: ids and names, by id), how
many of that speaker's quotes were said on or before the day, as little-endian 32-bit integers.
The quotes said in [A, B] are the row at or before B minus the row before A, whatever the range:
a year of a million quotes costs what a day does.
"""

import datetime as dt
import functools
import operator
import sys
from array import array
from collections.abc import Sequence
from itertools import compress, repeat
from typing import Any

import orjson
from sqlalchemy import Connection, Date, Select, bindparam, select
from sqlalchemy.orm import Session

from app.db.derived_tables import derived_quote_speaker_slots, derived_quote_speaker_totals

Bind = Session | Connection
SLOTS, TOTALS = derived_quote_speaker_slots, derived_quote_speaker_totals

LATEST = select(TOTALS.c.counts).order_by(TOTALS.c.said_on.desc()).limit(1)


def on_or_before(day: str) -> Select[Any]:
    """The running counts at the end of the day bound to the parameter `day`."""
    return LATEST.where(TOTALS.c.said_on <= bindparam(day, type_=Date))


ON_OR_BEFORE = on_or_before("day")
SPEAKERS = select(SLOTS.c.speakers).where(SLOTS.c.id == 1)


def pack(counts: "array[int]") -> bytes:
    if sys.byteorder == "big":
        counts = array("i", counts)
        counts.byteswap()
    return counts.tobytes()


def unpack(blob: bytes) -> "array[int]":
    counts = array("i")
    counts.frombytes(blob)
    if sys.byteorder == "big":
        counts.byteswap()
    return counts


def _totals(bind: Bind, day: dt.date | None) -> bytes | None:
    """The packed running counts at the end of `day` (None: of the last day); None if no quote
    yet."""
    statement: Any = LATEST if day is None else ON_OR_BEFORE
    blob = bind.execute(statement, {} if day is None else {"day": day}).scalar()
    return None if blob is None else bytes(blob)


def day_before(said_from: dt.date | None) -> dt.date | None:
    """The day whose running counts are subtracted for a range from `said_from` (None: none)."""
    if said_from is None or said_from == dt.date.min:
        return None
    return said_from - dt.timedelta(days=1)


def most_quoted(
    bind: Bind, said_from: dt.date | None, said_to: dt.date | None, limit: int
) -> list[tuple[str, str, int]]:
    """(speaker id, name, quotes) of the `limit` speakers with the most quotes said in
    [said_from, said_to], most first, ties by id."""
    upper = _totals(bind, said_to)
    if upper is None:
        return []
    before = day_before(said_from)
    lower = None if before is None else _totals(bind, before)
    return most_quoted_of(upper, lower, bytes(bind.execute(SPEAKERS).scalar_one()), limit)


def most_quoted_of(
    upper: bytes | None, lower: bytes | None, speakers: bytes | None, limit: int
) -> list[tuple[str, str, int]]:
    """`most_quoted` from the stored rows, however read: the packed running counts at the end of
    the range and before its start (None: no row), and the speaker slots."""
    if upper is None:
        return []
    top = _top_slots(unpack(upper), None if lower is None else unpack(lower), limit)
    if not top or speakers is None:
        return []
    names = _speakers(speakers)
    return [(*names[slot], count) for slot, count in top]


@functools.lru_cache(maxsize=4)
def _speakers(blob: bytes) -> list[tuple[str, str]]:
    """The slots' (id, name), decoded once per loaded dataset rather than once per request."""
    return [(speaker_id, name) for speaker_id, name in orjson.loads(blob)]


def _top_slots(
    upper: Sequence[int], lower: Sequence[int] | None, limit: int
) -> list[tuple[int, int]]:
    """(slot, count) of the `limit` largest non-zero counts `upper - lower`, ties by slot (by
    speaker id).

    The counts are subtracted and cut at the `limit`-th largest by C loops (map, sorted,
    compress); only the few slots left are then ranked, each as one integer, count above and
    inverted slot below, so that the ranking compares plain integers."""
    if limit <= 0:
        return []
    counts = list(map(operator.sub, upper, lower)) if lower else list(upper)
    cut = max(sorted(counts)[-limit], 1) if len(counts) > limit else 1
    kept = compress(range(len(counts)), map(operator.ge, counts, repeat(cut)))
    shift = max(len(counts), 1).bit_length()
    last = (1 << shift) - 1
    keys = sorted((counts[slot] << shift | (last - slot) for slot in kept), reverse=True)
    return [(last - (key & last), key >> shift) for key in keys[:limit]]
