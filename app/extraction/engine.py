"""Suggestions for a text: the quotes of each of its articles with speaker, date and a
verified citation; the dates it gives; the known actors and topics it names.

`suggest` is the one entry point: the command line gives it a file and the database's
knowledge; an endpoint would give it a stored source's text and articles.
"""

from collections.abc import Sequence

from app.domain import Precision
from app.extraction.bodies import actor_body, quote_body
from app.extraction.dates import DateFound, dates_in
from app.extraction.knowledge import Knowledge
from app.extraction.mentions import mentions_of, topics_in
from app.extraction.names import NameIndex
from app.extraction.reading import Remark, read_article
from app.extraction.schema import (
    ArticleSpan,
    DateSuggestion,
    Excerpt,
    NewActor,
    QuoteSuggestion,
    SpeakerSuggestion,
    Suggestions,
    Words,
)
from app.loader.dates import PartialDate, written
from app.loader.verify import find_excerpt


def suggest(
    text: str,
    articles: Sequence[ArticleSpan],
    knowledge: Knowledge,
    source: str,
    publisher: str | None = None,
) -> Suggestions:
    """What a curator would record from the text's articles."""
    index = NameIndex.build(knowledge)
    remarks = [
        (article, remark)
        for article in articles
        for remark in read_article(text, article, index, knowledge)
    ]
    quotes = [_quote(text, article, remark, index, source) for article, remark in remarks]
    dates = [
        _date(text, found, article)
        for article in articles
        for found in dates_in(text, article.start, article.end, article.published_on)
    ]
    return Suggestions(
        source=source,
        publisher=publisher,
        articles=list(articles),
        quotes=quotes,
        dates=dates,
        mentions=mentions_of(text, articles, index),
        new_actors=_new_actors(text, [remark for _, remark in remarks], source),
    )


def _words(text: str, start: int, end: int) -> Words:
    return Words(start=start, end=end, text=text[start:end])


def _date(text: str, found: DateFound | None, article: ArticleSpan) -> DateSuggestion:
    if found is None:
        own = PartialDate(article.published_on, Precision.DAY)
        return DateSuggestion(date=written(own), precision="day", words=None)
    return DateSuggestion(
        date=written(found.date),
        precision=found.date.precision.value,
        words=_words(text, found.start, found.end),
        ahead=found.ahead,
    )


def _quote(
    text: str, article: ArticleSpan, remark: Remark, index: NameIndex, source: str
) -> QuoteSuggestion:
    start, end = remark.excerpt
    placed, reason = find_excerpt(text, text[start:end], start)
    speaker = remark.speaker
    parts = [text[q.start : q.words_end] for q in remark.parts]
    record = None
    if speaker is not None:
        dated_by = text[remark.date.start : remark.date.end] if remark.date else None
        record = quote_body(
            source,
            parts,
            speaker,
            remark.date,
            dated_by,
            article.published_on.isoformat(),
            (start, text[start:end]),
            topics_in(text, start, end, index),
        )
    cue = remark.attribution.cue
    return QuoteSuggestion(
        article=article.id,
        parts=[_words(text, q.start, q.end) for q in remark.parts],
        fragment=parts[0][:1].islower(),
        cue=_words(text, cue.start, cue.end) if cue else None,
        speaker=None
        if speaker is None
        else SpeakerSuggestion(
            as_written=speaker.as_written,
            actor=speaker.actor,
            name=speaker.name,
            new=speaker.actor is None,
            confidence=round(speaker.confidence, 2),
            how=speaker.how,
        ),
        said_on=_date(text, remark.date, article),
        excerpt=Excerpt(
            start=start, end=end, text=text[start:end], verified=placed == start and not reason
        ),
        record=record,
    )


def _new_actors(text: str, remarks: list[Remark], source: str) -> list[NewActor]:
    """Each speaker the dataset does not know, once, in the order the text first quotes them;
    their record cites that first remark."""
    found: dict[str, NewActor] = {}
    for remark in remarks:
        speaker = remark.speaker
        if speaker is None or speaker.actor is not None:
            continue
        start, end = remark.excerpt
        record = actor_body(speaker, source, (start, text[start:end]))
        found.setdefault(record["id"], NewActor(id=record["id"], name=speaker.name, record=record))
    return list(found.values())
