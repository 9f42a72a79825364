"""Fact-check rules over the knowledge: each judges one record against an index of the rest.

The rules take one record and a `Knowledge` index, so that a record written on its own (not
only a whole seed) can be held to them. Quote words are placed as (source, start, end) spans
and looked up by range, never compared pair by pair.

A seed is held to them once it has been read whole (a record may name one written after it):
while it streams in, what the rules need of each record is staged in the scratch file, with the
record itself; the index over it is read from there, so memory does not grow with the seed.
"""

import pickle
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app.loader.articles import Articles, Placed
from app.loader.dating import Cited, after_problems, earlier_problems
from app.loader.problems import Finding
from app.loader.read import Located
from app.loader.records import CitationRecord, EventRecord, PositionRecord, QuoteRecord
from app.loader.scratch import Lookup
from app.loader.spans import SpanIndex, StagedSpans, words_at
from app.loader.verify import SeedChecker, find_excerpt

# Words this few mean something out of the article only with their whole sentence.
SHORT_QUOTE_WORDS = 3
_SENTENCE_END = re.compile(r"(?:[.!?…][”\"'’]?|[”\"'’][.!?])$")
_SENTENCE_BEFORE = re.compile(r"(?:^|[.!?…][”\"'’]?\s+|\n\s*)$")


@dataclass
class Knowledge:
    """What the rules need to know of the whole dataset."""

    resource_of: Mapping[str, str] = field(default_factory=dict)  # id -> the resource holding it
    speakers: Mapping[str, str] = field(default_factory=dict)  # quote id -> speaker
    names: Mapping[str, list[str]] = field(default_factory=dict)  # actor id -> name and aliases
    articles: Mapping[str, Articles] = field(default_factory=dict)  # source id -> its articles
    texts: Mapping[str, str] = field(default_factory=dict)  # source id -> its document
    spans: Mapping[str, SpanIndex] = field(default_factory=dict)  # source id -> quote word spans
    # (resource, replaced id) -> the id of the record that replaces it
    replaced: Mapping[tuple[str, str], str] = field(default_factory=dict)


def id_problems(
    resource: str, record_id: str, replaces: list[str], known: Knowledge
) -> list[Finding]:
    """An id names one record across all resources, so that a bare id is never ambiguous; an
    id a record replaces names no record of its resource and is replaced by that record alone."""
    found: list[Finding] = []
    holder = known.resource_of.get(record_id, resource)
    if holder != resource:
        found.append((("id",), f"id {record_id!r} is already used by one of the {holder}"))
    for index, old_id in enumerate(replaces):
        successor = known.replaced.get((resource, old_id), record_id)
        if known.resource_of.get(old_id) == resource:
            found.append((("replaces", index), f"{old_id!r} is still the id of a record"))
        elif successor != record_id:
            found.append((("replaces", index), f"{old_id!r} is already replaced by {successor!r}"))
    return found


def quote_problems(record: QuoteRecord, known: Knowledge) -> list[Finding]:
    """One remark is one quote; words are not reported before they were said, nor dated before
    the article that reports them unless the text says so."""
    found: list[Finding] = [
        (("distinct_from", index), f"unknown quote {other!r}")
        for index, other in enumerate(record.distinct_from)
        if other not in known.speakers
    ]
    found += _repeated_words(record, known)
    if len(record.text.split()) <= SHORT_QUOTE_WORDS:
        found += _short_quote_sentences(record, known)
    cited = cited_in(record.citations, known)
    found += after_problems(record.said_on, "said_on", cited)
    return found + earlier_problems(record.said_on, "said_on", record.dated_by, cited)


def _repeated_words(record: QuoteRecord, known: Knowledge) -> list[Finding]:
    found: list[Finding] = []
    excused = {record.id, *record.distinct_from}
    for source in dict.fromkeys(citation.source for citation in record.citations):
        document, spans = known.texts.get(source), known.spans.get(source)
        if document is None or spans is None:
            continue
        at = document.find(record.text)
        while at >= 0:
            for other in spans.holding(at, at + len(record.text)):
                if other not in excused:
                    reason = (
                        f"its words are inside quote {other!r} in source {source!r} (at {at}): "
                        "one remark is one quote with several citations; if they are another "
                        "remark, list the quote in distinct_from and say why in note"
                    )
                    found.append((("text",), reason))
                    excused.add(other)
            at = document.find(record.text, at + 1)
    return found


def _short_quote_sentences(record: QuoteRecord, known: Knowledge) -> list[Finding]:
    found: list[Finding] = []
    for index, citation in enumerate(record.citations):
        document = known.texts.get(citation.source)
        start = (
            None
            if document is None
            else find_excerpt(document, citation.excerpt, citation.start)[0]
        )
        if document is None or start is None:
            continue
        before = document[max(0, start - 200) : start]
        if not (_SENTENCE_BEFORE.search(before) and _SENTENCE_END.search(citation.excerpt)):
            reason = (
                f"a quote of {SHORT_QUOTE_WORDS} words or fewer is cited with the whole "
                "sentence around it, so that it means something out of the article"
            )
            found.append((("citations", index, "excerpt"), reason))
    return found


def position_problems(record: PositionRecord, known: Knowledge) -> list[Finding]:
    """A stance follows from its own actor's words, or from the words of whoever reports it."""
    found: list[Finding] = []
    allowed = {record.actor, record.reported_by} - {None}
    for index, quote_id in enumerate(record.evidence):
        speaker = known.speakers.get(quote_id)
        # An unknown speaker is reported with its quote.
        if known.resource_of.get(speaker or "") == "actors" and speaker not in allowed:
            reason = (
                f"quote {quote_id!r} is by {speaker!r}, not by the position's actor "
                f"{record.actor!r}: set reported_by if {speaker!r} reports the stance"
            )
            found.append((("evidence", index), reason))
    cited = cited_in(record.citations, known)
    found += after_problems(record.held_on, "held_on", cited)
    found += earlier_problems(record.held_on, "held_on", record.dated_by, cited)
    return found + _holder_unnamed(record, known)


def _holder_unnamed(record: PositionRecord, known: Knowledge) -> list[Finding]:
    """Some excerpt of a position names whoever holds or reports the stance."""
    holders = [record.actor, record.reported_by]
    names = [name for holder in holders if holder for name in known.names.get(holder, [])]
    names += [record.named_as] if record.named_as else []
    excerpts = [citation.excerpt for citation in record.citations]
    if not names or any(_names(name, excerpt) for name in names for excerpt in excerpts):
        return []
    reason = (
        f"no excerpt names {record.actor!r} (by its name or an alias): widen an excerpt to the "
        "sentence that does, or give named_as, the words that name it, and say who in note"
    )
    return [(("citations",), reason)]


def _names(name: str, excerpt: str) -> bool:
    """Whether the excerpt holds the name as words of their own: "EU" is not in "Europe"."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", excerpt, re.IGNORECASE) is not None


def article_of(citation: CitationRecord, known: Knowledge) -> Placed | None:
    """The article a citation is of: the one whose range holds its excerpt."""
    document, articles = known.texts.get(citation.source), known.articles.get(citation.source)
    if document is None or articles is None:
        return None
    start, _ = find_excerpt(document, citation.excerpt, citation.start)
    return None if start is None else articles.holding(start, start + len(citation.excerpt))


def cited_in(citations: list[CitationRecord], known: Knowledge) -> list[Cited]:
    """Each citation with the article that holds its excerpt, as the date rules read them."""
    return [
        Cited(c.source, c.excerpt, article_of(c, known), known.texts.get(c.source))
        for c in citations
    ]


def event_problems(record: EventRecord, known: Knowledge) -> list[Finding]:
    """An event dated before an article that reports it says why (a planned one may be later)."""
    cited = cited_in(record.citations, known)
    return earlier_problems(record.start, "start", record.dated_by, cited)


def note_record(check: SeedChecker, resource: str, located: Located) -> None:
    """Stage a record to be held to the rules, and what the rules need to know of it."""
    record, scratch = located.record, check.scratch
    blob = pickle.dumps(located)
    scratch.append("checked", (check.seq, resource, blob), len(blob))
    for old_id in record.replaces:
        scratch.append("replaced", (check.seq, resource, old_id, record.id))
    if resource == "actors":
        for name in [record.name, *record.aliases]:
            scratch.append("names", (record.id, name))
    elif resource == "quotes":
        _note_quote(check, record)


def _note_quote(check: SeedChecker, quote: QuoteRecord) -> None:
    check.scratch.append("speakers", (quote.id, quote.speaker))
    for citation in quote.citations:
        document = check.text_of(citation.source)
        placed = document is not None and words_at(citation, quote.text, document)
        if placed:
            source = check.scratch.one(SOURCE_NUMBER, citation.source)
            check.scratch.append("spans", (source, source, *placed, quote.id))


# The number by which the spans' R*Tree names a source: its record's place in the seed.
SOURCE_NUMBER = "SELECT seq FROM records WHERE resource = 'sources' AND id = ?"


def check_knowledge(check: SeedChecker) -> None:
    """Hold every staged record of a seed to the rules; problems go to the seed's list."""
    check.flush()
    known = staged_knowledge(check)
    for resource, blob in check.scratch.rows("SELECT resource, located FROM checked ORDER BY seq"):
        located = pickle.loads(blob)  # the loader's own scratch file: safe to unpickle
        for loc, reason in findings(resource, located, known):
            check.report(located, loc, reason)


# The first record (in seed order) with an id, and the first to replace an id of a resource.
FIRST_HOLDER = "SELECT resource FROM records WHERE id = ? ORDER BY seq LIMIT 1"
FIRST_REPLACER = (
    "SELECT new_id FROM replaced WHERE resource = ? AND old_id = ? ORDER BY seq LIMIT 1"
)
SOURCES = "SELECT id FROM records WHERE resource = 'sources'"


def staged_knowledge(check: SeedChecker) -> Knowledge:
    """The index of a seed read from its scratch file."""
    scratch = check.scratch

    def names(actor: str) -> list[str] | None:
        found = [name for (name,) in scratch.rows("SELECT name FROM names WHERE actor = ?", actor)]
        return found or None

    def spans(source: str) -> StagedSpans | None:
        number = scratch.one(SOURCE_NUMBER, source)
        return None if number is None else StagedSpans(scratch, number)

    def one(sql: str) -> Any:
        return lambda key: scratch.one(sql, *(key if isinstance(key, tuple) else (key,)))

    return Knowledge(
        resource_of=Lookup(scratch, "SELECT DISTINCT id FROM records", one(FIRST_HOLDER)),
        speakers=Lookup(
            scratch, "SELECT id FROM speakers", one("SELECT speaker FROM speakers WHERE id = ?")
        ),
        names=Lookup(scratch, "SELECT DISTINCT actor FROM names", names),
        articles=Lookup(scratch, "SELECT DISTINCT source FROM articles", check.articles_of),
        texts=Lookup(scratch, SOURCES + " AND main IS NOT NULL", check.text_of),
        spans=Lookup(scratch, SOURCES, spans),
        replaced=Lookup(
            scratch, "SELECT DISTINCT resource, old_id FROM replaced", one(FIRST_REPLACER)
        ),
    )


def findings(resource: str, located: Located, known: Knowledge) -> list[Finding]:
    """What the rules find in one record, held against what `known` knows of the rest."""
    found = id_problems(resource, located.record.id, located.record.replaces, known)
    if resource == "quotes":
        found += quote_problems(located.record, known)
        return found
    if resource == "positions":
        found += position_problems(located.record, known)
    elif resource == "events":
        found += event_problems(located.record, known)
    return found + _words_outside_quotes(getattr(located.record, "citations", []))


def _words_outside_quotes(citations: list[CitationRecord]) -> list[Finding]:
    return [
        (("citations", index, "words"), "only a quote's citation names the words it holds")
        for index, citation in enumerate(citations)
        if citation.words is not None
    ]
