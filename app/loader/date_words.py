"""The words that date a record ("on Tuesday", "last week"), resolved against the date of the
article that says them, at the precision they give.

The forms resolved, looked for anywhere in the words (case aside); the first one in the words
wins (the longest, of two that start together):

- a weekday ("on Tuesday", "said Wednesday"): the last such day on or before the article's date,
  as the news uses it ("The Kremlin said Thursday" in an article of Thursday is that day);
- "yesterday"; "today", "tonight", "this morning", "this afternoon", "this evening";
- "last week", "this week" (also "earlier this week"): an ISO week;
- "last month", "this month" (also "earlier this month"): a month;
- "last year", "this year": a year;
- a date: "August 7", "Aug. 7", "7 August" (the last such day on or before the article's date
  when no year is written; "August 7, 2025" and "7 August 2025" as written), "June 2021" (a
  month), "2019" (a year).

Other words ("at the weekend", "earlier", "a day after", "overnight") are not resolved: they
say that the record is earlier, not when.
"""

import datetime as dt
import re
from collections.abc import Callable
from typing import NamedTuple

from app.domain import Precision
from app.loader.dates import PartialDate

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# A month's name, or its first three letters ("Sept" too), with an optional full stop.
_MONTH = r"(?P<month>(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"

Resolve = Callable[[re.Match[str], dt.date], PartialDate | None]


def _month_number(name: str) -> int | None:
    name = name.lower()
    return next((n for n, full in enumerate(MONTHS, 1) if full.startswith(name)), None)


def _day(match: re.Match[str], article_on: dt.date) -> PartialDate | None:
    month = _month_number(match["month"])
    if month is None:  # "Mayday" and the like are no month
        return None
    try:
        if match["year"]:
            return PartialDate(dt.date(int(match["year"]), month, int(match["day"])), Precision.DAY)
        on = dt.date(article_on.year, month, int(match["day"]))
        if on > article_on:
            on = dt.date(article_on.year - 1, month, int(match["day"]))
    except ValueError:  # "February 30"
        return None
    return PartialDate(on, Precision.DAY)


def _month_of_year(match: re.Match[str], _: dt.date) -> PartialDate | None:
    month = _month_number(match["month"])
    return (
        None
        if month is None
        else PartialDate(dt.date(int(match["year"]), month, 1), Precision.MONTH)
    )


def _year(match: re.Match[str], _: dt.date) -> PartialDate:
    return PartialDate(dt.date(int(match["year"]), 1, 1), Precision.YEAR)


def _weekday(match: re.Match[str], article_on: dt.date) -> PartialDate:
    back = (article_on.weekday() - WEEKDAYS.index(match["weekday"].lower())) % 7
    return PartialDate(article_on - dt.timedelta(days=back), Precision.DAY)


def _week_of(on: dt.date) -> PartialDate:
    return PartialDate(on - dt.timedelta(days=on.weekday()), Precision.WEEK)


def _month_back(on: dt.date, months: int) -> PartialDate:
    index = on.year * 12 + on.month - 1 - months
    return PartialDate(dt.date(index // 12, index % 12 + 1, 1), Precision.MONTH)


def _relative(match: re.Match[str], on: dt.date) -> PartialDate:
    words = " ".join(match[0].lower().split())
    if words == "yesterday":
        return PartialDate(on - dt.timedelta(days=1), Precision.DAY)
    which, _, unit = words.partition(" ")
    back = 1 if which == "last" else 0
    if unit == "week":
        return _week_of(on - dt.timedelta(weeks=back))
    if unit == "month":
        return _month_back(on, back)
    if unit == "year":
        return PartialDate(dt.date(on.year - back, 1, 1), Precision.YEAR)
    return PartialDate(on, Precision.DAY)  # today, tonight, this morning...


def _form(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"\b{pattern}", re.IGNORECASE)


FORMS: list[tuple[re.Pattern[str], Resolve]] = [
    (_form(rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"), _day),
    (_form(rf"{_DAY}\s+{_MONTH}(?:\s+{_YEAR})?"), _day),
    (_form(rf"{_MONTH}\s+{_YEAR}"), _month_of_year),
    (_form(rf"(?<![-/]){_YEAR}(?![-/])"), _year),
    # "next Friday" is ahead of the article, not before it: not resolved.
    (_form(rf"(?<!next )(?P<weekday>{'|'.join(WEEKDAYS)})\b"), _weekday),
    (
        _form(
            r"(?:yesterday|today|tonight|this\s+(?:morning|afternoon|evening)"
            r"|(?:last|this)\s+(?:week|month|year))\b"
        ),
        _relative,
    ),
]


class Found(NamedTuple):
    """Words that date a record: where they stand in the words given, and the date they give."""

    start: int
    end: int
    date: PartialDate


def find_all(words: str, article_on: dt.date) -> list[Found]:
    """Every form in the words that gives a date, counted from the article's date, in order
    (of two that start together, the longest first)."""
    found = [
        Found(match.start(), match.end(), date)
        for pattern, how in FORMS
        for match in pattern.finditer(words)
        if (date := how(match, article_on)) is not None
    ]
    return sorted(found, key=lambda each: (each.start, -each.end))


def find(words: str, article_on: dt.date) -> Found | None:
    """The first form in the words that gives a date, and where it stands; None if none does."""
    found = find_all(words, article_on)
    return found[0] if found else None


def resolve(words: str, article_on: dt.date) -> PartialDate | None:
    """The date the words give, counted from the article's date; None if they give none."""
    found = find(words, article_on)
    return found.date if found else None
