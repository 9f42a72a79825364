"""When each quote was said, from the words of its attribution, counted from the article's
date in its time zone; the dates an article gives, behind it and ahead of it."""

import datetime as dt

from app.extraction.dates import local_date
from app.loader.records import QuoteRecord
from tests.extract.helpers import THURSDAY, quotes, read


def dated(text: str, on: dt.date = THURSDAY) -> list[tuple[str, str, str | None]]:
    return [
        (q.said_on.date, q.said_on.precision, q.said_on.words.text if q.said_on.words else None)
        for q in quotes(text, on)
    ]


def test_weekdays_yesterday_and_the_day_itself() -> None:
    text = (
        '"Yes," Berg said on Tuesday. Reed said Wednesday he was "hopeful". '
        'Koval told reporters yesterday "not now". "Soon," Lopez said this afternoon.'
    )
    assert dated(text) == [
        ("2025-08-12", "day", "on Tuesday"),
        ("2025-08-13", "day", "Wednesday"),
        ("2025-08-13", "day", "yesterday"),
        ("2025-08-14", "day", "this afternoon"),
    ]


def test_last_week_has_the_precision_of_a_week() -> None:
    assert dated('Koval said last week that "the door is open".') == [
        ("2025-W32", "week", "last week")
    ]


def test_with_no_words_the_quote_has_the_articles_date() -> None:
    assert dated('"We are close," Lopez said.') == [("2025-08-14", "day", None)]


def test_words_inside_the_quote_or_about_an_event_to_come_date_nothing() -> None:
    text = '"Next week we strike again on Friday," Berg said. Reed will meet Koval on Friday.'
    assert dated(text) == [("2025-08-14", "day", None)]


def test_a_pronouns_quote_keeps_the_date_of_the_remark_before_it() -> None:
    text = '"Yes," Berg said on Tuesday. "And again yes," he added.'
    assert [d for d, _, _ in dated(text)] == ["2025-08-12", "2025-08-12"]


def test_the_articles_dates_ahead_and_behind() -> None:
    text = "Reed said on Tuesday the two will meet next week. Talks are scheduled for Friday."
    found = {(d.words.text if d.words else None, d.date, d.ahead) for d in read(text).dates}
    assert found == {
        ("on Tuesday", "2025-08-12", False),
        ("next week", "2025-W34", True),
        ("Friday", "2025-08-15", True),
    }


def test_the_date_is_the_local_date_of_the_time_zone() -> None:
    late = dt.datetime(2025, 8, 14, 22, 30, tzinfo=dt.UTC)
    assert local_date(late, "Europe/Moscow") == dt.date(2025, 8, 15)
    assert local_date(late, None) == dt.date(2025, 8, 14)
    assert local_date(dt.date(2025, 8, 14), "Asia/Tokyo") == dt.date(2025, 8, 14)


def test_a_quote_comes_with_a_quote_record_body_dated_by_its_words() -> None:
    [quote] = quotes('Koval said on Tuesday that Springfield was "not for sale".')
    assert quote.record is not None
    record = QuoteRecord.model_validate(quote.record)
    assert record.speaker == "olena-koval" and str(record.said_on.on) == "2025-08-12"
    assert record.dated_by == "on Tuesday" and record.fragment
    assert record.citations[0].excerpt == quote.excerpt.text
