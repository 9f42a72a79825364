"""No record is dated before an article it cites unless its text says it is earlier: the words
of `dated_by` stand in its excerpt (or else the cited article) and, counted from that
article's date, give the record's date. One record at a time, and through a whole seed."""

import datetime as dt
from pathlib import Path
from typing import Any

from app.loader.articles import Articles, Placed
from app.loader.checks import Knowledge, event_problems, position_problems, quote_problems
from app.loader.problems import Finding
from app.loader.records import EventRecord, PositionRecord, QuoteRecord
from tests.loader.test_verification import line_number, problems_of, replace_in

# An article of Thursday 2025-08-14, then one of Wednesday 2025-08-20, each with a "Tuesday".
FIRST = (
    "Leaders met on Tuesday. He said the talks would go on. "
    "Drones hit the station overnight, the military said on Wednesday.\n"
)
SECOND = "The envoys met on Tuesday.\n"
DOCUMENT = FIRST + SECOND
TWO = Articles(
    [
        Placed("report", 0, len(FIRST), dt.date(2025, 8, 14)),
        Placed("later", len(FIRST), len(DOCUMENT), dt.date(2025, 8, 20)),
    ]
)
KNOWN = Knowledge(
    resource_of={"leader": "actors", "talks": "topics"},
    articles={"src": TWO},
    texts={"src": DOCUMENT},
    spans={},
)
TALKS = "He said the talks would go on."


def cited(*excerpts: str) -> list[dict[str, str]]:
    return [{"source": "src", "excerpt": excerpt} for excerpt in excerpts]


def quote(said_on: str | None, excerpt: str = TALKS, **fields: Any) -> QuoteRecord:
    record = {"id": "q", "text": "the talks would go on", "speaker": "leader", "fragment": True}
    return QuoteRecord.model_validate(
        record | {"said_on": said_on, "citations": cited(excerpt)} | fields
    )


def position(held_on: str, excerpt: str = TALKS, **fields: Any) -> PositionRecord:
    record = {"id": "p", "actor": "leader", "topic": "talks", "stance": "supports"}
    return PositionRecord.model_validate(
        record
        | {"statement": "For talks.", "held_on": held_on, "named_as": "He"}
        | {"citations": cited(excerpt)}
        | fields
    )


def event(start: str, excerpt: str = "Leaders met on Tuesday.", **fields: Any) -> EventRecord:
    record = {"id": "e", "title": "Leaders meet", "kind": "meeting", "status": "held"}
    return EventRecord.model_validate(
        record | {"start": start, "citations": cited(excerpt)} | fields
    )


def quote_found(said_on: str | None, **fields: Any) -> list[Finding]:
    return quote_problems(quote(said_on, **fields), KNOWN)


EARLIER = (
    "2025-08-12 is before 2025-08-14, the date of article 'report' of source 'src' that reports "
    "it: give dated_by, the words of the text that date it earlier ('on Tuesday', 'last week'), "
    "or fix the date"
)


def test_a_record_dated_before_its_article_is_refused_without_dating_words() -> None:
    assert quote_found("2025-08-12") == [(("said_on",), EARLIER)]
    assert position_problems(position("2025-08-12"), KNOWN) == [(("held_on",), EARLIER)]
    assert event_problems(event("2025-08-12"), KNOWN) == [(("start",), EARLIER)]
    week = quote_found("2025-W32")  # the whole week before the article's day
    assert week[0][1].startswith("2025-W32 is before 2025-08-14, the date of article 'report'")


def test_a_record_of_its_articles_day_or_period_or_undated_needs_no_dating_words() -> None:
    assert quote_found("2025-08-14") == []
    assert quote_found("2025-W33") == []  # the week holds the article's day
    assert quote_found("2025-08") == []
    assert quote_found(None) == []


def test_dating_words_in_the_excerpt_give_the_date() -> None:
    assert event_problems(event("2025-08-12", dated_by="on Tuesday"), KNOWN) == []
    met = "Leaders met on Tuesday."
    held = position("2025-08-12", met, dated_by="met on Tuesday", named_as="Leaders")
    assert position_problems(held, KNOWN) == []


def test_dating_words_may_stand_elsewhere_in_the_cited_article() -> None:
    # "He said..." continues the remarks that the sentence before dates.
    assert quote_found("2025-08-12", dated_by="Leaders met on Tuesday") == []


def test_dating_words_that_give_no_date_are_taken_as_the_reason() -> None:
    overnight = "Drones hit the station overnight, the military said on Wednesday."
    assert event_problems(event("2025-08-12", overnight, dated_by="overnight"), KNOWN) == []


def test_dating_words_not_in_the_text_are_refused() -> None:
    missing = "'on Monday' is in no excerpt of the record, nor in an article it cites"
    assert quote_found("2025-08-11", dated_by="on Monday") == [(("dated_by",), missing)]
    # In the document, but only in an article the record does not cite.
    [(loc, reason)] = quote_found("2025-08-12", dated_by="The envoys met on Tuesday")
    assert (loc, reason) == (
        ("dated_by",),
        "'The envoys met on Tuesday' is in no excerpt of the record, nor in an article it cites",
    )


def test_dating_words_that_give_another_date_are_refused() -> None:
    assert quote_found("2025-08-13", dated_by="on Tuesday") == [
        (
            ("dated_by",),
            "'on Tuesday', counted from 2025-08-14 (article 'report' of source 'src'), is "
            "2025-08-12, not 2025-08-13: fix the date or the words",
        )
    ]
    # At the record's precision: a week is not a day of it.
    overnight = "Drones hit the station overnight, the military said on Wednesday."
    [(_, reason)] = event_problems(event("2025-W33", overnight, dated_by="on Wednesday"), KNOWN)
    assert reason.startswith("'on Wednesday', counted from 2025-08-14")
    assert reason.endswith("is 2025-08-13, not 2025-W33: fix the date or the words")


def test_dating_words_count_from_the_date_of_the_article_that_holds_them() -> None:
    envoys = "The envoys met on Tuesday."
    assert event_problems(event("2025-08-19", envoys, dated_by="on Tuesday"), KNOWN) == []
    [(_, reason)] = event_problems(event("2025-08-12", envoys, dated_by="on Tuesday"), KNOWN)
    assert reason == (
        "'on Tuesday', counted from 2025-08-20 (article 'later' of source 'src'), is "
        "2025-08-19, not 2025-08-12: fix the date or the words"
    )


def test_an_undated_record_gives_no_dating_words() -> None:
    assert quote_found(None, dated_by="on Tuesday") == [
        (("dated_by",), "the record is undated: there is no date for the words to give")
    ]


def test_a_citation_that_cannot_be_placed_is_not_judged_again() -> None:
    # Its excerpt is refused with the citation; its words are not then "in no excerpt".
    assert quote_found("2025-08-12", excerpt="He said it, on Tuesday.", dated_by="x") == []


def test_the_loader_holds_a_seed_to_the_rule(seed_copy: Path) -> None:
    events, quotes = seed_copy / "events.yaml", seed_copy / "quotes.yaml"
    replace_in(events, "  dated_by: last week\n", "")
    replace_in(events, "dated_by: on Wednesday", "dated_by: on Monday")
    replace_in(quotes, "dated_by: Fadeev on Wednesday", "dated_by: EU leaders stressed on Tuesday")
    assert problems_of(seed_copy) == [
        f"events.yaml:{line_number(events, 'dated_by: on Monday')}: dated_by: 'on Monday' is in "
        "no excerpt of the record, nor in an article it cites",
        f"events.yaml:{line_number(events, 'start: 2025-W32')}: start: 2025-W32 is before "
        "2025-08-14, the date of article 'all-accumulated-issues' of source "
        "'chinadaily-2025-08-14' that reports it: give dated_by, the words of the text that "
        "date it earlier ('on Tuesday', 'last week'), or fix the date",
        f"quotes.yaml:{line_number(quotes, 'dated_by: EU leaders')}: dated_by: 'EU leaders "
        "stressed on Tuesday', counted from 2025-08-14 (article 'all-accumulated-issues' of "
        "source 'chinadaily-2025-08-14'), is 2025-08-12, not 2025-08-13: fix the date or the "
        "words",
    ]
