"""The seed's records, as curators write them; validated with pydantic."""

import datetime as dt
import zoneinfo
from typing import Annotated, Any, Self

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    model_validator,
)

from app.domain import (
    SLUG_PATTERN,
    ActorKind,
    EventKind,
    EventStatus,
    Stance,
    TextAccess,
    VariantKind,
)
from app.loader.dates import UNKNOWN, SeedDate

# The JSON schema's default of an optional date: unknown, written null.
UNKNOWN_DEFAULT: dict[str, Any] = {"default": None}
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
Line = Annotated[str, StringConstraints(min_length=1, max_length=300)]
Language = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Curated(Record):
    """A record of its own file: it may carry a curator's note and the ids it replaces."""

    note: Text | None = None
    # Ids of records merged into or renamed to this one.
    replaces: list[Slug] = []


class Dated(Curated):
    """A record with a date of its own."""

    # The words of the text that date the record before an article it cites ("last week"),
    # as an excerpt of the record, or else an article it cites, gives them.
    dated_by: Line | None = None


class CitationRecord(Record):
    source: Slug
    excerpt: Text
    start: StrictInt | None = Field(default=None, ge=0)
    # For a quote reported in part: the words of the quote that this excerpt holds.
    words: Text | None = None


def _known_zone(name: str) -> str:
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{name!r} is not a time zone of the IANA database") from None
    return name


TimeZone = Annotated[str, StringConstraints(max_length=64), AfterValidator(_known_zone)]


def _written_out(value: Any) -> Any:
    """A date as YAML or JSON writes one: never a number (pydantic would read 0 as 1970-01-01)."""
    if isinstance(value, int | float):
        raise ValueError("a date is written YYYY-MM-DD (a time: YYYY-MM-DDTHH:MM), not a number")
    return value


Day = Annotated[dt.date, BeforeValidator(_written_out)]
Moment = Annotated[dt.datetime, BeforeValidator(_written_out)]


class ArticleRecord(Record):
    """One article (or dated update) of a document: its own title and date, and the offsets of
    the text it spans (end exclusive)."""

    id: Slug
    title: Text
    published_on: Day
    # The local date and time, and the IANA time zone, where the text gives them.
    published_at: Moment | None = None
    time_zone: TimeZone | None = None
    # Offsets are integers as written: `true` is not an offset of 1.
    start: StrictInt = Field(ge=0)
    end: StrictInt = Field(gt=0)
    # Why the article is dated as it is, where the text does not print its date.
    note: Text | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.end <= self.start:
            raise ValueError(f"end ({self.end}) must be after start ({self.start})")
        if self.published_at is not None and self.published_at.date() != self.published_on:
            raise ValueError(f"published_at {self.published_at} is not on {self.published_on}")
        return self


class SourceRecord(Curated):
    id: Slug
    file: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    title: Text
    publisher: Line
    byline: Line | None = None
    published_at: Annotated[dt.datetime | dt.date, BeforeValidator(_written_out)]
    url: Annotated[str, StringConstraints(max_length=2000)] | None = None
    language: Language = "en"
    # The IANA time zone of the publisher's dates, where known.
    time_zone: TimeZone | None = None
    # Who owns the text, as its publisher states it.
    rights: Text | None = None
    # Whether the full text is served to everyone or to key holders only (excerpts are public).
    text_access: TextAccess = TextAccess.PUBLIC
    # The articles the document holds, in any order; text outside them (menus, sidebars) is
    # cited by none.
    articles: list[ArticleRecord] = Field(min_length=1)


class AffiliationRecord(Record):
    organisation: Slug | None = None
    role: Line
    from_: SeedDate = Field(default=UNKNOWN, alias="from", json_schema_extra=UNKNOWN_DEFAULT)
    to: SeedDate = Field(default=UNKNOWN, json_schema_extra=UNKNOWN_DEFAULT)
    citations: list[CitationRecord] = Field(min_length=1)


class ActorRecord(Curated):
    id: Slug
    name: Line
    kind: ActorKind
    aliases: list[Line] = []
    description: Text | None = None
    affiliations: list[AffiliationRecord] = []
    citations: list[CitationRecord] = []


class TopicRecord(Curated):
    id: Slug
    name: Line
    # Other names the texts give the topic: a search for one finds the records about it.
    aliases: list[Line] = []
    description: Text | None = None


class ParticipantRecord(Record):
    actor: Slug
    role: Line | None = None


class EventRecord(Dated):
    id: Slug
    title: Text
    kind: EventKind
    status: EventStatus
    start: SeedDate
    end: SeedDate = Field(default=UNKNOWN, json_schema_extra=UNKNOWN_DEFAULT)
    place: Line | None = None
    participants: list[ParticipantRecord] = []
    topics: list[Slug] = []
    description: Text | None = None
    citations: list[CitationRecord] = Field(min_length=1)


class QuoteRecord(Dated):
    id: Slug
    text: Text
    speaker: Slug
    said_on: SeedDate
    fragment: StrictBool = False
    event: Slug | None = None
    topics: list[Slug] = []
    # Where the sources give the words in translation: the language they were said in, and
    # whose translation it is when the text says.
    translated_from: Language | None = None
    translated_by: Line | None = None
    # Quotes whose words contain this quote's words, or lie inside them, in a source, though
    # they are another remark (the note says why).
    distinct_from: list[Slug] = []
    citations: list[CitationRecord] = Field(min_length=1)


class PositionRecord(Dated):
    id: Slug
    actor: Slug
    topic: Slug
    stance: Stance
    statement: Line
    held_on: SeedDate
    # Who states the stance when it is not the actor's own ("Merz said Ukraine is open to..."):
    # the evidence may then be their words.
    reported_by: Slug | None = None
    # How the excerpts name the holder when not by a name or alias ("The Prime Minister").
    named_as: Line | None = None
    evidence: list[Slug] = []
    citations: list[CitationRecord] = Field(min_length=1)


class VariantRecord(Curated):
    """Words a search finds as one another; the citations show where the texts use them."""

    id: Slug
    kind: VariantKind
    words: list[Line] = Field(min_length=2)
    citations: list[CitationRecord] = Field(min_length=1)


AnyRecord = (
    SourceRecord
    | ActorRecord
    | TopicRecord
    | EventRecord
    | QuoteRecord
    | PositionRecord
    | VariantRecord
)

RESOURCES: dict[str, type[Record]] = {
    "sources": SourceRecord,
    "topics": TopicRecord,
    "actors": ActorRecord,
    "events": EventRecord,
    "quotes": QuoteRecord,
    "positions": PositionRecord,
    "variants": VariantRecord,
}
# Resources a seed may leave out (no file: no records).
OPTIONAL = frozenset({"variants"})
