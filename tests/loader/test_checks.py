"""The fact-check rules judge one record against an index of the rest, and the real seed keeps
them."""

import datetime as dt
from pathlib import Path
from typing import Any

from app.loader.articles import Articles, Placed
from app.loader.checks import Knowledge, id_problems, position_problems, quote_problems
from app.loader.records import PositionRecord, QuoteRecord
from app.loader.spans import Spans
from tests.loader.test_verification import problems_of, replace_in

DOCUMENT = (
    'Fadeev called the talks "insignificant".\n'
    '"We consider the talks to be insignificant," Fadeev said.\n'
)
FULL = "We consider the talks to be insignificant"
FULL_AT = DOCUMENT.index(FULL)


def known(**extra: Any) -> Knowledge:
    fields: dict[str, Any] = {
        "resource_of": {
            "fadeev": "actors",
            "kremlin": "actors",
            "full": "quotes",
            "talks": "topics",
        },
        "speakers": {"full": "fadeev"},
        "articles": {"src": Articles([Placed("report", 0, len(DOCUMENT), dt.date(2025, 8, 13))])},
        "texts": {"src": DOCUMENT},
        "spans": {"src": Spans.of([(FULL_AT, FULL_AT + len(FULL), "full")])},
    }
    return Knowledge(**(fields | extra))


def quote(**fields: Any) -> QuoteRecord:
    defaults: dict[str, Any] = {
        "id": "short",
        "text": "insignificant",
        "speaker": "fadeev",
        "said_on": "2025-08-13",
        "citations": [{"source": "src", "excerpt": 'Fadeev called the talks "insignificant".'}],
    }
    return QuoteRecord.model_validate(defaults | fields)


def position(**fields: Any) -> PositionRecord:
    defaults: dict[str, Any] = {
        "id": "p",
        "actor": "kremlin",
        "topic": "talks",
        "stance": "opposes",
        "statement": "Dismisses the talks.",
        "held_on": "2025-08-13",
        "evidence": ["full"],
        "citations": [{"source": "src", "excerpt": "Fadeev said."}],
    }
    return PositionRecord.model_validate(defaults | fields)


def reasons(found: list[tuple[Any, str]]) -> list[str]:
    return [reason for _, reason in found]


def test_words_inside_another_quote_of_the_source_are_refused() -> None:
    [reason] = reasons(quote_problems(quote(), known()))
    assert "its words are inside quote 'full' in source 'src'" in reason


def test_another_remark_with_the_same_words_is_marked_distinct() -> None:
    assert quote_problems(quote(distinct_from=["full"]), known()) == []
    found = reasons(quote_problems(quote(distinct_from=["nowhere"]), known()))
    assert found[0] == "unknown quote 'nowhere'"
    assert "its words are inside quote 'full'" in found[1]


def test_spans_are_found_by_range() -> None:
    spans = Spans.of([(0, 100, "wide"), (10, 20, "inner"), (30, 40, "later")])
    assert sorted(spans.holding(12, 18)) == ["inner", "wide"]
    assert list(spans.holding(35, 50)) == ["wide"]
    assert list(spans.holding(95, 120)) == []


def test_a_short_quote_is_cited_with_its_sentence() -> None:
    clipped = [{"source": "src", "excerpt": '"insignificant"'}]
    found = reasons(quote_problems(quote(id="x", citations=clipped), known(spans={})))
    assert found == [
        "a quote of 3 words or fewer is cited with the whole sentence around it, so that it "
        "means something out of the article"
    ]
    assert quote_problems(quote(id="x"), known(spans={})) == []


def test_words_are_not_reported_before_they_were_said() -> None:
    # The page holds an article of 14 August (its first line) and one of 15 August.
    second_line = DOCUMENT.index("\n") + 1
    two = Articles(
        [
            Placed("first", 0, second_line, dt.date(2025, 8, 14)),
            Placed("second", second_line, len(DOCUMENT), dt.date(2025, 8, 15)),
        ]
    )
    of_first = quote(said_on="2025-08-15")
    [reason] = reasons(quote_problems(of_first, known(spans={}, articles={"src": two})))
    assert reason.startswith(
        "2025-08-15 is after 2025-08-14, the date of article 'first' of source 'src'"
    )
    later = [{"source": "src", "excerpt": DOCUMENT.splitlines()[1]}]
    of_second = quote(said_on="2025-08-15", citations=later)
    assert quote_problems(of_second, known(spans={}, articles={"src": two})) == []
    assert quote_problems(of_first, known(spans={})) != []


def test_evidence_is_by_the_actor_or_whoever_reports_the_stance() -> None:
    [reason] = reasons(position_problems(position(), known()))
    assert reason.startswith("quote 'full' is by 'fadeev', not by the position's actor 'kremlin'")
    assert position_problems(position(reported_by="fadeev"), known()) == []
    assert position_problems(position(actor="fadeev"), known()) == []


def test_an_id_names_one_record_across_resources() -> None:
    assert id_problems("topics", "talks", [], known()) == []
    [(loc, reason)] = id_problems("positions", "talks", [], known())
    assert (loc, reason) == (("id",), "id 'talks' is already used by one of the topics")


def test_a_replaced_id_is_free_and_replaced_once() -> None:
    merged = known(replaced={("quotes", "old"): "full"})
    assert id_problems("quotes", "full", ["old"], merged) == []
    assert id_problems("quotes", "other", ["old"], merged) == [
        (("replaces", 0), "'old' is already replaced by 'full'")
    ]
    assert id_problems("actors", "kremlin", ["fadeev"], merged) == [
        (("replaces", 0), "'fadeev' is still the id of a record")
    ]


def test_the_loader_holds_a_seed_to_the_rules(seed_copy: Path) -> None:
    excerpt = (
        "excerpt: Zelensky has called for a full ceasefire, a proposal which Russia has rejected."
    )
    replace_in(seed_copy / "positions.yaml", excerpt, f"{excerpt}\n      words: ceasefire")
    replace_in(seed_copy / "positions.yaml", "- id: zelensky-ceasefire", "- id: ceasefire")
    assert problems_of(seed_copy) == [
        "positions.yaml:1: id: id 'ceasefire' is already used by one of the topics",
        "positions.yaml:10: citations.0.words: only a quote's citation names the words it holds",
    ]


def test_an_excerpt_names_who_holds_the_stance() -> None:
    named = known(names={"kremlin": ["Kremlin"], "fadeev": ["Alexey Fadeev", "Fadeev"]})
    held = position(evidence=[], citations=[{"source": "src", "excerpt": "They said no."}])
    [reason] = reasons(position_problems(held, named))
    assert reason.startswith("no excerpt names 'kremlin' (by its name or an alias)")
    assert position_problems(held.model_copy(update={"named_as": "They"}), named) == []
    assert position_problems(position(reported_by="fadeev"), named) == []


def test_a_name_is_found_as_words_of_its_own() -> None:
    named = known(names={"kremlin": ["European Union", "EU"]})
    inside = position(evidence=[], citations=[{"source": "src", "excerpt": "Europe’s security."}])
    [reason] = reasons(position_problems(inside, named))
    assert reason.startswith("no excerpt names 'kremlin'")
    apart = position(evidence=[], citations=[{"source": "src", "excerpt": "The EU’s security."}])
    assert position_problems(apart, named) == []


def test_the_loader_finds_what_a_record_shares_with_a_later_one(seed_copy: Path) -> None:
    # The seed is held to the rules once read whole: an earlier quote's words inside a later
    # quote, and an id it replaces that a later record still has, are found.
    excerpt = (
        "“We hope that the understanding we have reached will… pave the way for peace in "
        "Ukraine,” Putin said at a joint press conference with Trump after their talks."
    )
    earlier = f"""- id: putin-pave-the-way
  text: pave the way for peace in Ukraine
  speaker: vladimir-putin
  said_on: 2025-08-15
  fragment: true
  replaces: [putin-next-time-in-moscow]
  citations:
    - source: afp-2025-08-15
      excerpt: {excerpt}
"""
    quotes = seed_copy / "quotes.yaml"
    quotes.write_text(earlier + quotes.read_text(encoding="utf-8"), encoding="utf-8")
    assert problems_of(seed_copy) == [
        "quotes.yaml:2: text: its words are inside quote 'putin-understanding-pave-the-way' in "
        "source 'afp-2025-08-15' (at 521): one remark is one quote with several citations; if "
        "they are another remark, list the quote in distinct_from and say why in note",
        "quotes.yaml:6: replaces.0: 'putin-next-time-in-moscow' is still the id of a record",
    ]
