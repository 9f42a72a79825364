"""The known actors and topics a text names, for linking: each once, with how often and where
first."""

from collections.abc import Sequence

from app.extraction.names import Found, NameIndex
from app.extraction.schema import ArticleSpan, Mention, Words


def mentions_of(text: str, articles: Sequence[ArticleSpan], index: NameIndex) -> list[Mention]:
    """Each known actor and topic named in the articles, in the order first named."""
    first: dict[tuple[str, str], Found] = {}
    counts: dict[tuple[str, str], int] = {}
    for article in articles:
        for found in index.find(text, article.start, article.end):
            for kind in ("actor", "topic"):
                for owner in found.owners(kind):
                    first.setdefault((kind, owner), found)
                    counts[kind, owner] = counts.get((kind, owner), 0) + 1
    names = {("actor", a.id): a.name for a in index.knowledge.actors}
    names |= {("topic", t.id): t.name for t in index.knowledge.topics}
    return [
        Mention(
            kind=kind,
            id=owner,
            name=names[kind, owner],
            count=counts[kind, owner],
            first=Words(start=found.start, end=found.end, text=found.words),
        )
        for (kind, owner), found in first.items()
    ]


def topics_in(text: str, start: int, end: int, index: NameIndex) -> list[str]:
    """The ids of the known topics named in text[start:end]."""
    found = (owner for f in index.find(text, start, end) for owner in f.owners("topic"))
    return list(dict.fromkeys(found))
