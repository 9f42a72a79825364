"""The suggestions, as the command line prints them and `GET /v1/sources/{id}/suggestions`
answers them."""

import datetime as dt
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema


class Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


def said(description: str) -> Any:
    return Field(description=description)


def body_of(name: str) -> Any:
    """A record as the write of `name` takes it (a schema of the OpenAPI document's, where the
    write bodies are: app.api.write_docs)."""
    # allOf: a bare $ref beside the field's description would be looked up among pydantic's own
    # definitions, which do not hold it.
    return WithJsonSchema({"allOf": [{"$ref": f"#/components/schemas/{name}"}]})


QuoteRecordBody = Annotated[dict[str, Any], body_of("QuoteBody")]
ActorRecordBody = Annotated[dict[str, Any], body_of("ActorBody")]


class Words(Model):
    """Words of the text, with their offsets (end exclusive)."""

    start: int = said("The first offset (code points).")
    end: int = said("The offset just past the end.")
    text: str = said("The words, as the text gives them.")


class SpeakerSuggestion(Model):
    """Who said a remark: a known actor, or a new one with the name as written."""

    as_written: str | None = said("How the text names the speaker (a name, a title, a pronoun).")
    actor: str | None = said("The known actor's id; null for a new actor.")
    name: str = said("The actor's name (a new actor's, as written).")
    new: bool = said("Whether the dataset does not know the actor yet (see `new_actors`).")
    confidence: float = said("How sure the match is, from 0 to 1.")
    how: str = said(
        "How the speaker was found: name, alias, surname, spelling, title, pronoun, continued, "
        "subject or new."
    )


class DateSuggestion(Model):
    """A date the text gives, as the seed writes dates."""

    date: str = said("2025-08-12, 2025-W32, 2025-08 or 2025.")
    precision: str = said("day, week, month or year.")
    words: Words | None = said("The words that give the date; null: the article's own date.")
    ahead: bool = Field(False, description="Whether the words look ahead of the article's date.")


class Excerpt(Words):
    """The words to cite: the sentence (or sentences) that hold the remark."""

    verified: bool = said("Found at its offsets by the loader's own check, as a write checks it.")


class ArticleSpan(Model):
    """An article of the text: the offsets it spans and the date it was published, where it
    was published (the date relative words are counted from)."""

    id: str | None = said("The article's id in its source; null for a file's one article.")
    start: int = said("The article's first offset (code points).")
    end: int = said("The offset just past the article's end.")
    published_on: dt.date = said("The day the article was published.")


class QuoteSuggestion(Model):
    """A remark the text quotes: its words, who said it and when, and the excerpt to cite."""

    article: str | None = said("The id of the article that holds it.")
    parts: list[Words] = said("The quoted words: one part, or the parts of a split remark.")
    fragment: bool = said("Whether the words are part of a sentence.")
    cue: Words | None = said("The words that attribute the remark (`said`, `told`...).")
    speaker: SpeakerSuggestion | None = said("Who said it; null where no speaker was found.")
    said_on: DateSuggestion = said("When it was said.")
    excerpt: Excerpt = said("The excerpt its citation gives.")
    record: QuoteRecordBody | None = said(
        "To accept the quote as it is, POST this to `/v1/quotes` (it is a quote as that route "
        "takes it, citing the excerpt); null where no speaker was found, which a quote needs. A "
        "new speaker's actor is proposed in `new_actors`: write it first (or in the same "
        "`/v1/batch`, before the quote)."
    )


class Mention(Model):
    """A known actor or topic the text names."""

    kind: str = said("actor or topic.")
    id: str = said("The actor's or topic's id.")
    name: str = said("Its name.")
    count: int = said("How many times the text names it.")
    first: Words = said("Where the text first names it.")


class NewActor(Model):
    """A speaker the dataset does not know yet, as the quotes' records name them."""

    id: str = said("The id the quotes' records give the speaker.")
    name: str = said("The name as written.")
    record: ActorRecordBody = said(
        "To add the actor as proposed, POST this to `/v1/actors` (it cites the first remark the "
        "text gives them; `kind` is a guess: person, group or organisation)."
    )


class Suggestions(Model):
    """What a curator would record from a source: its quotes, each with a record to accept as it
    is, the new actors they need, the dates the text gives and the known actors and topics it
    names."""

    source: str = said("The id the records' citations give the source.")
    publisher: str | None = said("Who published it.")
    articles: list[ArticleSpan] = said("The articles read, each at its own date.")
    quotes: list[QuoteSuggestion] = said("The remarks quoted, in the order of the text.")
    dates: list[DateSuggestion] = said("The dates the text gives.")
    mentions: list[Mention] = said("The known actors and topics the text names.")
    new_actors: list[NewActor] = said("The speakers the dataset does not know yet.")
