"""Dates: when each quote was said, and every date the article gives, resolved against the
article's own date in its time zone.

Past forms ("on Tuesday", "yesterday", "last week", "August 7") are read by the loader's own
resolver (app.loader.date_words), so a suggested `dated_by` gives the date the loader will check
it against. Forms that look ahead ("next week", "next Friday", "on Friday" after "will") are
read here; they date events to come, never a remark.
"""

import datetime as dt
import re
import zoneinfo
from dataclasses import dataclass

from app.domain import Precision
from app.loader import date_words
from app.loader.dates import PartialDate

WEEKDAYS = date_words.WEEKDAYS
AHEAD = re.compile(
    rf"\b(?:(?P<next>next|later\s+this|coming)\s+(?P<unit>week|month|year|{'|'.join(WEEKDAYS)})"
    rf"|(?:will|to|due|scheduled|set|planned|expected|until)\b[^.;:]{{0,60}}?"
    rf"\b(?:on\s+|for\s+)?(?P<day>{'|'.join(WEEKDAYS)}))\b",
    re.IGNORECASE,
)
# "This Week" in capitals is a programme's name ("ABC's This Week"), not a date.
NAME = re.compile(r"(?:This|Last)\s+(?:Week|Month|Year)")
# "On Friday" names the day of the article itself in a report written that day.
ON = re.compile(r"\bon\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class DateFound:
    start: int
    end: int
    date: PartialDate
    ahead: bool = False


def local_date(published: dt.date | dt.datetime, zone: str | None) -> dt.date:
    """The article's date where it was published: a time with an offset is moved into `zone`."""
    if not isinstance(published, dt.datetime):
        return published
    if zone is not None and published.tzinfo is not None:
        return published.astimezone(zoneinfo.ZoneInfo(zone)).date()
    return published.date()


def masked(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> str:
    """text[start:end] with the quoted words blanked: a quote's "next week" dates nothing."""
    chars = list(text[start:end])
    for a, b in quotes:
        for offset in range(max(a, start), min(b, end)):
            chars[offset - start] = " "
    return "".join(chars)


def said_on(
    text: str, window: tuple[int, int], quotes: list[tuple[int, int]], article_on: dt.date
) -> DateFound | None:
    """The date that words of the attribution give the remark ("said Thursday")."""
    start, end = window
    words = masked(text, start, end, quotes)
    found = next(
        (
            f
            for f in date_words.find_all(words, article_on)
            if not NAME.fullmatch(words[f.start : f.end])
        ),
        None,
    )
    if found is None:
        return None
    return DateFound(start + _with_on(words, found.start), start + found.end, found.date)


def _with_on(words: str, start: int) -> int:
    """Where the words start, taking in an "on" before them ("on Tuesday")."""
    return start - 3 if ON.search(words[max(start - 4, 0) : start]) else start


def dates_in(text: str, start: int, end: int, article_on: dt.date) -> list[DateFound]:
    """Every date the text gives, in order: those ahead of the article, then the rest."""
    words = text[start:end]
    ahead = [_ahead(m, article_on, start) for m in AHEAD.finditer(words)]
    taken = [(a.start, a.end) for a in ahead]
    past = [
        DateFound(start + _with_on(words, f.start), start + f.end, f.date)
        for f in date_words.find_all(words, article_on)
        if not any(a <= start + f.start < b for a, b in taken)
    ]
    return sorted([*ahead, *past], key=lambda d: d.start)


def _ahead(match: re.Match[str], article_on: dt.date, base: int) -> DateFound:
    unit = (match["unit"] or match["day"]).lower()
    at = match.start("unit") if match["unit"] else match.start("day")
    first = match.start() if match["next"] else at
    if unit in WEEKDAYS:
        days = (WEEKDAYS.index(unit) - article_on.weekday()) % 7 or (7 if match["next"] else 0)
        date = PartialDate(article_on + dt.timedelta(days=days), Precision.DAY)
    elif unit == "week":
        monday = article_on - dt.timedelta(days=article_on.weekday())
        weeks = 0 if "this" in match["next"].lower() else 1
        date = PartialDate(monday + dt.timedelta(weeks=weeks), Precision.WEEK)
    elif unit == "month":
        index = article_on.year * 12 + article_on.month
        date = PartialDate(dt.date(index // 12, index % 12 + 1, 1), Precision.MONTH)
    else:
        date = PartialDate(dt.date(article_on.year + 1, 1, 1), Precision.YEAR)
    return DateFound(base + first, base + match.end(), date, ahead=True)
