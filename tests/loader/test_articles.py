"""A document's articles: their ranges are checked against the stored text, each citation is of
the article that holds its excerpt, and no record is dated after the article it cites."""

import datetime as dt
import shutil
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from app.loader.articles import Articles, Placed, article_problems
from app.loader.records import ArticleRecord
from tests.conftest import REAL_SEED
from tests.loader.test_verification import line_number, problems_of, replace_in

DAY = dt.date(2025, 8, 14)
TEXT = "Menu\nFirst title\nIts body.\nSidebar\nSecond title\nIts body too.\n"


def article(**fields: Any) -> ArticleRecord:
    defaults: dict[str, Any] = {
        "id": "first",
        "title": "First title",
        "published_on": "2025-08-14",
        "start": TEXT.index("First"),
        "end": TEXT.index("Sidebar"),
    }
    return ArticleRecord.model_validate(defaults | fields)


SECOND = {"id": "second", "title": "Second title", "start": TEXT.index("Second"), "end": len(TEXT)}


def test_a_citation_is_of_the_article_whose_range_holds_it() -> None:
    articles = Articles([Placed("b", 30, 40, DAY), Placed("a", 5, 20, DAY)])
    assert articles.holding(5, 20) == Placed("a", 5, 20, DAY)
    assert articles.holding(32, 35) == Placed("b", 30, 40, DAY)
    assert articles.holding(0, 4) is None  # before every article
    assert articles.holding(18, 32) is None  # across two articles
    assert articles.holding(21, 25) is None  # between them (a sidebar)
    assert articles.holding(38, 41) is None  # past the last one's end


def test_articles_lie_in_their_document_hold_their_titles_and_do_not_overlap() -> None:
    assert article_problems([article(), article(**SECOND)], TEXT) == []
    no_title = article(end=TEXT.index("First") + 5)
    past_end = article(**SECOND | {"end": len(TEXT) + 5})
    assert article_problems([no_title, past_end], TEXT) == [
        (("articles", 0, "title"), "the title does not occur in the article's range [5, 10)"),
        (
            ("articles", 1, "end"),
            f"{len(TEXT) + 5} is past the end of the document (62 code points)",
        ),
    ]
    twice = article(**SECOND | {"id": "first"})
    assert article_problems([article(), twice], TEXT) == [
        (("articles", 1, "id"), "article 'first' is listed twice")
    ]


def test_an_overlap_is_found_past_a_shorter_article() -> None:
    wide = article(id="wide", title="Menu", start=0, end=len(TEXT))
    inner = article()
    later = article(**SECOND)
    found = article_problems([later, wide, inner], TEXT)
    assert [loc for loc, _ in found] == [("articles", 2, "start"), ("articles", 0, "start")]
    assert found[1][1].startswith(f"[{SECOND['start']}, {len(TEXT)}) overlaps article 'wide'")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"end": 5}, "end (5) must be after start (5)"),
        ({"published_at": "2025-08-15T09:42"}, "published_at 2025-08-15 09:42:00 is not on"),
        ({"time_zone": "Europe/Moskva"}, "'Europe/Moskva' is not a time zone of the IANA"),
    ],
)
def test_an_article_is_consistent_in_itself(fields: dict[str, Any], message: str) -> None:
    with pytest.raises(ValidationError, match=message.replace("(", r"\(").replace(")", r"\)")):
        article(**fields)
    timed = article(published_at="2025-08-14T09:42", time_zone="Europe/Moscow")
    assert (timed.published_at, timed.time_zone) == (
        dt.datetime(2025, 8, 14, 9, 42),
        "Europe/Moscow",
    )


def test_the_loader_names_an_article_problem_with_its_line(seed_copy: Path) -> None:
    sources = seed_copy / "sources.yaml"
    replace_in(sources, "      start: 0\n      end: 2500", "      start: 0\n      end: 2600")
    replace_in(
        sources,
        "published_on: 2025-08-14\n",
        "published_on: 2025-08-14\n      time_zone: Asia/Peking\n",
    )
    assert problems_of(seed_copy) == [
        f"sources.yaml:{line_number(sources, 'time_zone')}: articles.0.time_zone: Value error, "
        "'Asia/Peking' is not a time zone of the IANA database",
        f"sources.yaml:{line_number(sources, 'end: 2600')}: articles.0.end: 2600 is past the end "
        "of the document (2500 code points)",
    ]


def test_a_citation_in_no_article_is_refused_with_its_line(seed_copy: Path) -> None:
    # The AFP article ends before Putin's "Next time in Moscow": its citation is of no article.
    replace_in(seed_copy / "sources.yaml", "      end: 2500", "      end: 1000")
    line = line_number(seed_copy / "quotes.yaml", "excerpt: “Next time in Moscow,”")
    assert problems_of(seed_copy) == [
        f"quotes.yaml:{line}: citations.0.excerpt: the excerpt [2250, 2300) lies in no one "
        "article of source 'afp-2025-08-15' ('no-deal-in-alaska' [0, 1000)): cite the words of "
        "one article"
    ]


def test_a_record_is_not_dated_after_the_article_it_cites(seed_copy: Path) -> None:
    # The AFP page as two articles: Putin's press-conference words of 15 August cited from an
    # article of the 14th are refused; those of the article of the 15th are not.
    replace_in(
        seed_copy / "sources.yaml",
        """      published_on: 2025-08-15
      start: 0
      end: 2500""",
        """      published_on: 2025-08-14
      start: 0
      end: 2139
    - id: next-time-in-moscow
      title: Next time in Moscow
      published_on: 2025-08-15
      start: 2139
      end: 2500""",
    )
    line = line_number(seed_copy / "quotes.yaml", "said_on: 2025-08-15")
    assert problems_of(seed_copy) == [
        f"quotes.yaml:{line}: said_on: 2025-08-15 is after 2025-08-14, the date of article "
        "'no-deal-in-alaska' of source 'afp-2025-08-15' that reports it: fix the date, or cite "
        "an article of that day or later"
    ]


def test_the_related_article_of_10_august_dates_what_it_reports(tmp_path: Path) -> None:
    # Dated by the page (7 August), the related article's records of 10 and 11 August would
    # be reported before they happened, and its "on Sunday" would be 3 August; dated as itself,
    # they are not.
    seed = tmp_path / "seed"
    shutil.copytree(REAL_SEED, seed)
    replace_in(seed / "sources.yaml", "published_on: 2025-08-10", "published_on: 2025-08-07")
    found = problems_of(seed)
    assert found and all("article 'europe-pushes-for-ukraine-role'" in p for p in found)
    sunday = line_number(seed / "positions.yaml", "dated_by: on Sunday")
    assert (
        f"positions.yaml:{sunday}: dated_by: 'on Sunday', counted from 2025-08-07 (article "
        "'europe-pushes-for-ukraine-role' of source 'business-recorder-2025-08-07'), is "
        "2025-08-03, not 2025-08-10: fix the date or the words"
    ) in found
    line = line_number(seed / "quotes.yaml", "said_on: 2025-08-10")
    assert (
        f"quotes.yaml:{line}: said_on: 2025-08-10 is after 2025-08-07, the date of article "
        "'europe-pushes-for-ukraine-role' of source 'business-recorder-2025-08-07' that reports "
        "it: fix the date, or cite an article of that day or later"
    ) in found
