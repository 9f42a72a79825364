"""The seed's records, as curators write them; validated with pydantic."""

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from app.domain import ActorKind, EventKind, EventStatus, Stance
from app.loader.dates import UNKNOWN, SeedDate

Slug = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=1, max_length=200)
]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=False)]
Line = Annotated[str, StringConstraints(min_length=1, max_length=300)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class CitationRecord(Record):
    source: Slug
    excerpt: Text
    start: int | None = Field(default=None, ge=0)


class SourceRecord(Record):
    id: Slug
    file: Annotated[str, StringConstraints(min_length=1, max_length=500)]
    title: Text
    publisher: Line
    byline: Line | None = None
    published_at: dt.datetime | dt.date
    url: Annotated[str, StringConstraints(max_length=2000)] | None = None
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")] = "en"


class AffiliationRecord(Record):
    organisation: Slug | None = None
    role: Line
    from_: SeedDate = Field(default=UNKNOWN, alias="from")
    to: SeedDate = UNKNOWN
    citations: list[CitationRecord] = Field(min_length=1)


class ActorRecord(Record):
    id: Slug
    name: Line
    kind: ActorKind
    aliases: list[Line] = []
    description: Text | None = None
    affiliations: list[AffiliationRecord] = []
    citations: list[CitationRecord] = []


class TopicRecord(Record):
    id: Slug
    name: Line
    description: Text | None = None


class ParticipantRecord(Record):
    actor: Slug
    role: Line | None = None


class EventRecord(Record):
    id: Slug
    title: Text
    kind: EventKind
    status: EventStatus
    start: SeedDate
    end: SeedDate = UNKNOWN
    place: Line | None = None
    participants: list[ParticipantRecord] = []
    topics: list[Slug] = []
    description: Text | None = None
    citations: list[CitationRecord] = Field(min_length=1)


class QuoteRecord(Record):
    id: Slug
    text: Text
    speaker: Slug
    said_on: SeedDate
    fragment: bool = False
    event: Slug | None = None
    topics: list[Slug] = []
    citations: list[CitationRecord] = Field(min_length=1)


class PositionRecord(Record):
    id: Slug
    actor: Slug
    topic: Slug
    stance: Stance
    statement: Line
    held_on: SeedDate
    evidence: list[Slug] = []
    citations: list[CitationRecord] = Field(min_length=1)


AnyRecord = SourceRecord | ActorRecord | TopicRecord | EventRecord | QuoteRecord | PositionRecord

RESOURCES: dict[str, type[Record]] = {
    "sources": SourceRecord,
    "topics": TopicRecord,
    "actors": ActorRecord,
    "events": EventRecord,
    "quotes": QuoteRecord,
    "positions": PositionRecord,
}
