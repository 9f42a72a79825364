"""A document's articles: the parts of a stored page that are articles (or dated updates), each
with its own title, date and range of offsets. A citation is of the article whose range holds
its excerpt; text outside every article (menus, sidebars) is cited by none."""

import bisect
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.loader.problems import Finding
from app.loader.records import ArticleRecord


@dataclass(frozen=True)
class Placed:
    """An article as citations are placed in it: its id, range and date."""

    id: str
    start: int
    end: int
    published_on: dt.date


class Articles:
    """The articles of one document, found by range (they do not overlap)."""

    def __init__(self, articles: Sequence[Placed]) -> None:
        self.placed = sorted(articles, key=lambda article: article.start)
        self.starts = [article.start for article in self.placed]

    def holding(self, start: int, end: int) -> Placed | None:
        """The article whose range holds [start, end), if one does."""
        index = bisect.bisect_right(self.starts, start) - 1
        if index < 0 or self.placed[index].end < end:
            return None
        return self.placed[index]

    def names(self, most: int = 6) -> str:
        """The articles' ids and ranges, for a curator (`most` of them, then how many more)."""
        listed = ", ".join(f"{a.id!r} [{a.start}, {a.end})" for a in self.placed[:most])
        more = len(self.placed) - most
        return f"{listed} and {more} more" if more > 0 else listed


def article_problems(articles: Sequence[ArticleRecord], text: str) -> list[Finding]:
    """Each article lies in the document and holds its title; no two share an id or overlap."""
    found: list[Finding] = []
    seen: set[str] = set()
    for index, article in enumerate(articles):
        if article.id in seen:
            found.append((("articles", index, "id"), f"article {article.id!r} is listed twice"))
        seen.add(article.id)
        if article.end > len(text):
            reason = f"{article.end} is past the end of the document ({len(text)} code points)"
            found.append((("articles", index, "end"), reason))
        elif article.title not in text[article.start : article.end]:
            span = f"[{article.start}, {article.end})"
            reason = f"the title does not occur in the article's range {span}"
            found.append((("articles", index, "title"), reason))
    return found + _overlaps(articles)


def _overlaps(articles: Sequence[ArticleRecord]) -> list[Finding]:
    found: list[Finding] = []
    furthest: ArticleRecord | None = None  # of the articles before, the one that ends last
    for index in sorted(range(len(articles)), key=lambda index: articles[index].start):
        article = articles[index]
        if furthest is not None and article.start < furthest.end:
            reason = (
                f"[{article.start}, {article.end}) overlaps article {furthest.id!r} "
                f"[{furthest.start}, {furthest.end}): a citation must be of one article"
            )
            found.append((("articles", index, "start"), reason))
        if furthest is None or article.end > furthest.end:
            furthest = article
    return found


def article_rows(source_id: str, articles: Sequence[ArticleRecord]) -> list[dict[str, Any]]:
    """The rows of the articles table for one source, in the order of the text."""
    ordered = sorted(articles, key=lambda article: article.start)
    return [
        {
            "source_id": source_id,
            "id": article.id,
            "title": article.title,
            "published_on": article.published_on,
            "published_at": article.published_at,
            "time_zone": article.time_zone,
            "start_offset": article.start,
            "end_offset": article.end,
            "ordinal": index,
        }
        for index, article in enumerate(ordered)
    ]
