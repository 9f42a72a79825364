"""Partial dates, written as precisely as a text fixes them: 2025-08-13, 2025-W32, 2025-08, 2025."""

import datetime as dt
import re
from typing import Annotated, Any, NamedTuple

from pydantic import BeforeValidator, PlainSerializer, WithJsonSchema

from app.domain import Precision

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


class PartialDate(NamedTuple):
    """The first day of the period, and how long the period is."""

    on: dt.date | None
    precision: Precision


UNKNOWN = PartialDate(None, Precision.UNKNOWN)


def parse_partial_date(value: Any) -> PartialDate:
    """Parse a seed date; raise ValueError with a curator-readable reason."""
    if isinstance(value, str) and len(value) == 10:
        try:  # the common case, YYYY-MM-DD, without the regular expressions
            return PartialDate(dt.date.fromisoformat(value), Precision.DAY)
        except ValueError:
            pass
    if value is None or isinstance(value, PartialDate):
        return value or UNKNOWN
    if isinstance(value, dt.datetime):
        raise ValueError("a date, not a date and time, is expected")
    if isinstance(value, dt.date):
        return PartialDate(value, Precision.DAY)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ValueError("expected YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY or null")
    return _parse_text(value.strip())


def _parse_text(text: str) -> PartialDate:
    try:
        if match := _WEEK.match(text):
            year, week = int(match[1]), int(match[2])
            return PartialDate(dt.date.fromisocalendar(year, week, 1), Precision.WEEK)
        if match := _MONTH.match(text):
            return PartialDate(dt.date(int(match[1]), int(match[2]), 1), Precision.MONTH)
        if _YEAR.match(text):
            return PartialDate(dt.date(int(text), 1, 1), Precision.YEAR)
        return PartialDate(dt.date.fromisoformat(text), Precision.DAY)
    except ValueError:
        raise ValueError(
            f"{text!r} is not a date: expected YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY or null"
        ) from None


# As JSON (a write's body, its schema), a seed date is written as in the seed.
SEED_DATE_SCHEMA = {
    "anyOf": [
        {"type": "string", "pattern": r"^\d{4}(-W\d{2}|-\d{2}(-\d{2})?)?$"},
        {"type": "null"},
    ],
    "description": "A date as precise as the text fixes it: YYYY-MM-DD, YYYY-Www, YYYY-MM, "
    "YYYY, or null when unknown.",
    "examples": ["2025-08-15"],
}
SeedDate = Annotated[
    PartialDate,
    BeforeValidator(parse_partial_date),
    PlainSerializer(lambda date: None if date.on is None else written(date)),
    WithJsonSchema(SEED_DATE_SCHEMA),
]


def last_day(date: PartialDate) -> dt.date | None:
    """The last day of the period a known date stands for."""
    on = date.on
    if on is None:
        return None
    if date.precision == Precision.WEEK:
        return on + dt.timedelta(days=6)
    if date.precision == Precision.MONTH:
        following = dt.date(on.year + on.month // 12, on.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    if date.precision == Precision.YEAR:
        return dt.date(on.year, 12, 31)
    return on


def written(date: PartialDate) -> str:
    """A date as the seed writes it (2025-08-13, 2025-W32, 2025-08, 2025, null)."""
    on = date.on
    if on is None:
        return "null"
    if date.precision == Precision.WEEK:
        year, week, _ = on.isocalendar()
        return f"{year}-W{week:02d}"
    if date.precision == Precision.MONTH:
        return on.strftime("%Y-%m")
    if date.precision == Precision.YEAR:
        return str(on.year)
    return on.isoformat()
