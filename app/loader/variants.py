"""Variant sets (seed/variants.yaml): words a search finds as one another.

A set is either spellings of one word (`ceasefire`, `cease-fire`) or words the texts use for one
another. Its citations show where the texts use its words: each excerpt holds one of them, and
each word of a set of synonyms is held by an excerpt, so that no synonym comes from outside the
texts. The citations are checked against the documents and stay in the seed: what a search
needs is the words, stored folded (as a query is matched).
"""

from typing import Any

from app.domain import VariantKind
from app.loader.read import Located
from app.loader.records import VariantRecord
from app.loader.verify import SeedChecker
from app.queries.search_syntax import words
from app.queries.search_variants import MAX_WORDS


def checked_words(check: SeedChecker, located: Located) -> list[dict[str, Any]]:
    """The rows of the set's words, after reporting what is wrong with the set."""
    record: VariantRecord = located.record
    rows: list[dict[str, Any]] = []
    first: dict[str, str] = {}
    for index, word in enumerate(record.words):
        folded = " ".join(words(word))
        reason = _word_problem(folded, first.get(folded))
        if reason:
            check.report(located, ("words", index), reason)
            continue
        first[folded] = word
        rows.append({"variant_id": record.id, "folded": folded, "word": word, "ordinal": index})
    check.excerpts(located, record.citations)
    held = _held(record, list(first))
    for index, holds in enumerate(held):
        if not holds:
            reason = "the excerpt holds none of the set's words"
            check.report(located, ("citations", index, "excerpt"), reason)
    if record.kind == VariantKind.SYNONYM:
        cited = set().union(*held)
        for row in rows:
            if row["folded"] not in cited:
                reason = f"no excerpt holds {row['word']!r}: a synonym must be a word the texts use"
                check.report(located, ("words", row["ordinal"]), reason)
    return rows


def _word_problem(folded: str, earlier: str | None) -> str | None:
    if not folded:
        return "no letters or digits to search for"
    if len(folded.split()) > MAX_WORDS:
        return f"at most {MAX_WORDS} words"
    if earlier is not None:
        return f"the same words as {earlier!r} once case, accents and punctuation are ignored"
    return None


def _held(record: VariantRecord, folded_words: list[str]) -> list[set[str]]:
    """For each citation, the set's words (folded) that its excerpt holds as words."""
    found = []
    for citation in record.citations:
        excerpt = f" {' '.join(words(citation.excerpt))} "
        found.append({folded for folded in folded_words if f" {folded} " in excerpt})
    return found
