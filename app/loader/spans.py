"""Where quote words stand in a document, as (start, end) spans found by range."""

import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol

from app.loader.records import CitationRecord
from app.loader.scratch import Scratch
from app.loader.verify import find_excerpt

# The spans that hold [start, end) in one document, in the order `Spans.holding` gives them.
HOLDING = """
    SELECT quote FROM spans WHERE source_lo <= :source AND source_hi >= :source
    AND lo <= :start AND hi >= :end ORDER BY lo DESC, hi DESC, quote DESC
"""


class SpanIndex(Protocol):
    def holding(self, start: int, end: int) -> Iterator[str]:
        """The owners of every span that holds [start, end)."""


@dataclass
class Spans:
    """The spans of quote words in one document, sorted by start for range lookups."""

    starts: list[int] = field(default_factory=list)
    ends: list[int] = field(default_factory=list)
    owners: list[str] = field(default_factory=list)
    reach: list[int] = field(default_factory=list)  # the furthest end up to each index

    @classmethod
    def of(cls, spans: list[tuple[int, int, str]]) -> "Spans":
        ordered = sorted(spans)
        reach, furthest = [], -1
        for _, end, _ in ordered:
            furthest = max(furthest, end)
            reach.append(furthest)
        return cls(
            [start for start, _, _ in ordered],
            [end for _, end, _ in ordered],
            [owner for _, _, owner in ordered],
            reach,
        )

    def holding(self, start: int, end: int) -> Iterator[str]:
        """The owners of every span that holds [start, end)."""
        index = bisect.bisect_right(self.starts, start) - 1
        while index >= 0 and self.reach[index] >= end:
            if self.ends[index] >= end:
                yield self.owners[index]
            index -= 1


def words_at(citation: CitationRecord, text: str, document: str) -> tuple[int, int] | None:
    """Where a quote's words stand in a document, through the excerpt that cites them."""
    start, _ = find_excerpt(document, citation.excerpt, citation.start)
    inside = citation.excerpt.find(text)
    if start is None or inside < 0:
        return None
    return start + inside, start + inside + len(text)


@dataclass(frozen=True)
class StagedSpans:
    """The spans of quote words in one document, kept in the scratch file's R*Tree (a seed's
    spans are not held in memory); the document is named by its source's number there."""

    scratch: Scratch
    source: int

    def holding(self, start: int, end: int) -> Iterator[str]:
        found = self.scratch.db.execute(
            HOLDING, {"source": self.source, "start": start, "end": end}
        )
        return iter([owner for (owner,) in found])
