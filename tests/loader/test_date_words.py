"""The words that date a record resolve, counted from the article's date, at their precision;
words that give no date of their own resolve to nothing."""

import datetime as dt

import pytest

from app.loader.date_words import resolve
from app.loader.dates import parse_partial_date

THURSDAY = dt.date(2025, 8, 14)


@pytest.mark.parametrize(
    ("words", "written"),
    [
        ("on Tuesday", "2025-08-12"),
        ("said Wednesday", "2025-08-13"),
        ("The Kremlin said Thursday", "2025-08-14"),  # the article's own weekday is its day
        ("on Friday", "2025-08-08"),
        ("European leaders pushed on Sunday", "2025-08-10"),
        ("yesterday", "2025-08-13"),
        ("Today", "2025-08-14"),
        ("this afternoon", "2025-08-14"),
        ("last week", "2025-W32"),
        ("earlier this week", "2025-W33"),
        ("last month", "2025-07"),
        ("earlier this month", "2025-08"),
        ("last year", "2024"),
        ("August 7", "2025-08-07"),
        ("Aug. 7", "2025-08-07"),
        ("7 August", "2025-08-07"),
        ("as of August 12", "2025-08-12"),
        ("on August 15, 2025", "2025-08-15"),
        ("December 20", "2024-12-20"),  # no year written: the last such day before the article
        ("in June 2021", "2021-06"),
        ("the most significant gain since late May 2024", "2024-05"),
        ("They last sat together in 2019", "2019"),
        ("Mayor 3 said on Tuesday", "2025-08-12"),  # "Mayor 3" is no date: the next form is
    ],
)
def test_a_form_resolves_at_its_precision(words: str, written: str) -> None:
    assert resolve(words, THURSDAY) == parse_partial_date(written)


@pytest.mark.parametrize(
    "words",
    ["a day after", "overnight", "Earlier", "at the weekend", "in recent months", "next Friday"],
)
def test_words_that_give_no_date_of_their_own_resolve_to_nothing(words: str) -> None:
    assert resolve(words, THURSDAY) is None


def test_the_first_form_in_the_words_wins() -> None:
    assert resolve("on Tuesday, not last week", THURSDAY) == parse_partial_date("2025-08-12")
    assert resolve("August 15, 2025", THURSDAY) == parse_partial_date("2025-08-15")
    assert resolve("February 30", THURSDAY) is None
