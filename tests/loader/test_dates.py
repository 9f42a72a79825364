"""Partial dates: the written form says how precise the date is."""

import datetime as dt

import pytest

from app.domain import Precision
from app.loader.dates import PartialDate, last_day, parse_partial_date, written


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (dt.date(2025, 8, 13), PartialDate(dt.date(2025, 8, 13), Precision.DAY)),
        ("2025-08-13", PartialDate(dt.date(2025, 8, 13), Precision.DAY)),
        ("2025-W32", PartialDate(dt.date(2025, 8, 4), Precision.WEEK)),
        ("2025-08", PartialDate(dt.date(2025, 8, 1), Precision.MONTH)),
        ("2025", PartialDate(dt.date(2025, 1, 1), Precision.YEAR)),
        (2021, PartialDate(dt.date(2021, 1, 1), Precision.YEAR)),
        (None, PartialDate(None, Precision.UNKNOWN)),
    ],
)
def test_forms(written: object, expected: PartialDate) -> None:
    assert parse_partial_date(written) == expected


@pytest.mark.parametrize("written", ["2025-13", "2025-W54", "Wednesday", "2025-02-30", True, 3.5])
def test_nonsense_is_refused(written: object) -> None:
    with pytest.raises(ValueError, match="expected YYYY-MM-DD"):
        parse_partial_date(written)


@pytest.mark.parametrize(
    ("written_as", "last"),
    [
        ("2025-08-13", dt.date(2025, 8, 13)),
        ("2025-W32", dt.date(2025, 8, 10)),
        ("2024-02", dt.date(2024, 2, 29)),
        ("2025-12", dt.date(2025, 12, 31)),
        ("2019", dt.date(2019, 12, 31)),
        (None, None),
    ],
)
def test_a_date_is_written_back_as_given_and_knows_its_last_day(
    written_as: str | None, last: dt.date | None
) -> None:
    date = parse_partial_date(written_as)
    assert written(date) == (written_as or "null")
    assert last_day(date) == last
