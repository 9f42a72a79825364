"""A record's date against the articles that report it: never after one of them (for what has
happened), and before one only where the text says so, in the words the record gives as
`dated_by` ("last week", "on Tuesday")."""

from collections.abc import Sequence
from dataclasses import dataclass

from app.loader.articles import Placed
from app.loader.date_words import resolve
from app.loader.dates import PartialDate, last_day, written
from app.loader.problems import Finding


@dataclass(frozen=True)
class Cited:
    """A citation with the article that holds its excerpt and the document's text; neither
    where the excerpt cannot be placed (that is reported with the citation, or its source)."""

    source: str
    excerpt: str
    article: Placed | None
    document: str | None

    def article_holds(self, words: str) -> bool:
        article, document = self.article, self.document
        return (
            article is not None
            and document is not None
            and document.find(words, article.start, article.end) >= 0
        )


def after_problems(date: PartialDate, name: str, cited: Sequence[Cited]) -> list[Finding]:
    """What has happened is not dated after an article that reports it (its first day is not)."""
    found: list[Finding] = []
    on = date.on
    if on is None:
        return found
    for source, article in _articles(cited):
        if on > article.published_on:
            reason = (
                f"{on} is after {article.published_on}, the date of article {article.id!r} of "
                f"source {source!r} that reports it: fix the date, or cite an article "
                "of that day or later"
            )
            found.append(((name,), reason))
    return found


def earlier_problems(
    date: PartialDate, name: str, dated_by: str | None, cited: Sequence[Cited]
) -> list[Finding]:
    """A record dated before an article it cites (its whole period before the article's day)
    says why in `dated_by`: words of its text that resolve to its date."""
    last = last_day(date)
    if dated_by is not None:
        return _dated_by_problems(date, dated_by, cited)
    for source, article in _articles(cited):
        if last is not None and last < article.published_on:
            reason = (
                f"{written(date)} is before {article.published_on}, the date of article "
                f"{article.id!r} of source {source!r} that reports it: give dated_by, the words "
                "of the text that date it earlier ('on Tuesday', 'last week'), or fix the date"
            )
            return [((name,), reason)]
    return []


def _dated_by_problems(date: PartialDate, words: str, cited: Sequence[Cited]) -> list[Finding]:
    """The words stand in an excerpt of the record, or else in the text of an article it
    cites; where they give a date, counted from that article's date, it is the record's."""
    if date.on is None:
        return [(("dated_by",), "the record is undated: there is no date for the words to give")]
    holder = next((c for c in cited if words in c.excerpt), None)
    holder = holder or next((c for c in cited if c.article_holds(words)), None)
    if holder is None or holder.article is None:
        # An excerpt that cannot be placed may hold them: it is reported with its citation.
        if holder is None and all(c.article is not None for c in cited):
            reason = f"{words!r} is in no excerpt of the record, nor in an article it cites"
            return [(("dated_by",), reason)]
        return []
    article = holder.article
    given = resolve(words, article.published_on)
    if given is None or given == date:
        return []
    reason = (
        f"{words!r}, counted from {article.published_on} (article {article.id!r} of source "
        f"{holder.source!r}), is {written(given)}, not {written(date)}: fix the date or the words"
    )
    return [(("dated_by",), reason)]


def _articles(cited: Sequence[Cited]) -> list[tuple[str, Placed]]:
    """Each article once, however many of the record's citations are of it."""
    return list(dict.fromkeys((c.source, c.article) for c in cited if c.article is not None))
