"""The suggestions, as the command line prints them and an endpoint would answer them."""

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Words(Model):
    """Words of the text, with their offsets (end exclusive)."""

    start: int
    end: int
    text: str


class SpeakerSuggestion(Model):
    as_written: str | None
    actor: str | None  # a known actor's id; None for a proposed new actor
    name: str
    new: bool
    confidence: float
    how: str  # name, alias, surname, spelling, title, pronoun, continued, subject, new


class DateSuggestion(Model):
    date: str  # as the seed writes dates: 2025-08-12, 2025-W32, 2025-08, 2025
    precision: str  # day, week, month, year
    words: Words | None  # the words that give it; None: the article's own date
    ahead: bool = False


class Excerpt(Words):
    verified: bool  # found at its offsets by the loader's own check (find_excerpt)


class ArticleSpan(Model):
    """An article of the text: the offsets it spans and the date it was published, where it
    was published (the date relative words are counted from)."""

    id: str | None
    start: int
    end: int
    published_on: dt.date


class QuoteSuggestion(Model):
    article: str | None
    parts: list[Words]  # one, or the parts of a remark split by its attribution
    fragment: bool
    cue: Words | None
    speaker: SpeakerSuggestion | None
    said_on: DateSuggestion
    excerpt: Excerpt
    # A body shaped as a seed quote record (app.loader.records.QuoteRecord); None where no
    # speaker was found, which a record needs.
    record: dict[str, Any] | None


class Mention(Model):
    kind: str  # actor or topic
    id: str
    name: str
    count: int
    first: Words


class NewActor(Model):
    id: str
    name: str


class Suggestions(Model):
    source: str
    publisher: str | None
    articles: list[ArticleSpan]
    quotes: list[QuoteSuggestion]
    dates: list[DateSuggestion]
    mentions: list[Mention]
    new_actors: list[NewActor]
