"""Views across resources: search hits, the timeline, the stance matrix, facets, includes."""

import datetime as dt
from typing import Any, Literal

from pydantic import Field, RootModel

from app.domain import STANCES_TEXT, EventStatus, Precision, Stance
from app.schemas.common import Cited, DateOn, DatePrecision, Page, Ref, Schema
from app.schemas.records import ActorRead, EventRead, QuoteRead

RecordType = Literal["quote", "event", "position", "actor", "topic", "source"]


class SearchHit(Schema):
    """A record that matches the search, with the passage that matched."""

    type: RecordType = Field(description="The kind of record.", examples=["quote"])
    id: str = Field(examples=["putin-pave-the-way-for-peace"])
    url: str = Field(
        description="Path of the record in this API.",
        examples=["/v1/quotes/putin-pave-the-way-for-peace"],
    )
    title: str = Field(
        description="Quote text, event title, actor or topic name, position statement or source "
        "title.",
        examples=["We hope that the understanding we have reached will… pave the way for peace"],
    )
    snippet: str = Field(
        description="The best-matching passage, HTML-escaped, matched words in `<mark>` tags.",
        examples=["…will… pave the way for <mark>peace</mark> in Ukraine"],
    )
    score: float = Field(
        description="Relevance (higher is better); comparable within one result list only.",
        examples=[4.2],
    )
    date: dt.date | None = Field(
        description="When: a quote's `said_on`, an event's `start_on`, a position's `held_on`, "
        "a source's `published_on` (the first day of the period `precision` names); null for "
        "actors, topics and undated records.",
        examples=["2025-08-15"],
    )
    precision: Precision | None = Field(
        description="How precisely `date` is known (day, week, month, year, unknown); null for "
        "actors and topics.",
        examples=["day"],
    )
    speaker: Ref | None = Field(
        description="A quote's speaker; null for other hits.",
        examples=[{"id": "vladimir-putin", "name": "Vladimir Putin"}],
    )
    actor: Ref | None = Field(
        description="A position's holder; null for other hits.",
        examples=[None],
    )
    topic: Ref | None = Field(
        description="What a position is about; null for other hits.",
        examples=[None],
    )
    stance: Stance | None = Field(
        description=f"A position's stance ({STANCES_TEXT[:-1]}); null for other hits.",
        examples=[None],
    )
    status: EventStatus | None = Field(
        description="An event's status (planned, proposed, held or cancelled); null for other "
        "hits.",
        examples=[None],
    )


class SearchPage(Page[SearchHit]):
    """Hits, best first; `next` pages on, up to the first 1,000 hits."""


class FacetValue(Schema):
    """How many records of the filtered list have this value."""

    value: str | None = Field(
        description="The value to filter by (an id, a kind, a publisher, a month `YYYY-MM`); "
        "null for records whose month is not known.",
        examples=["vladimir-putin"],
    )
    label: str = Field(description="A human-readable label.", examples=["Vladimir Putin"])
    count: int = Field(examples=[12])


Facets = dict[str, list[FacetValue]]
FACETS_FIELD = Field(
    default=None,
    description="Counts over the whole filtered list for each `?facet=` asked for, most "
    "frequent first (at most 100 values each); null when no facet was asked for.",
    examples=[{"speaker": [{"value": "vladimir-putin", "label": "Vladimir Putin", "count": 2}]}],
)


class Included(Schema):
    """Related records embedded with `?include=`, by id; null for those not asked for."""

    actors: dict[str, ActorRead] | None = Field(
        default=None, description="Actors by id (speakers or participants)."
    )
    events: dict[str, EventRead] | None = Field(
        default=None, description="Events by id (the events quotes were said at)."
    )


INCLUDED_FIELD = Field(
    default=None,
    description="Related records asked for with `?include=`, keyed by id; null when none.",
)


class QuotePage(Page[QuoteRead]):
    """One page of quotes, with facet counts and included records when asked for."""

    facets: Facets | None = FACETS_FIELD
    included: Included | None = INCLUDED_FIELD


class EventPage(Page[EventRead]):
    """One page of events, with facet counts and included records when asked for."""

    facets: Facets | None = FACETS_FIELD
    included: Included | None = INCLUDED_FIELD


class TimelineItem(Schema):
    """An event or a quote, placed in time, as a timeline widget shows it."""

    type: Literal["event", "quote"] = Field(examples=["quote"])
    id: str = Field(examples=["putin-next-time-in-moscow"])
    url: str = Field(examples=["/v1/quotes/putin-next-time-in-moscow"])
    date: DateOn
    precision: DatePrecision
    end_date: dt.date | None = Field(description="Last day of an event that spans days.")
    title: str = Field(
        description="The event's title or the quote's words.", examples=["Next time in Moscow"]
    )
    actors: list[Ref] = Field(description="The quote's speaker or the event's participants.")
    topics: list[str] = Field(description="Topic ids.", examples=[["ceasefire"]])
    citations: Cited
    corroboration: int = Field(description="Distinct publishers that cite it.", examples=[2])


class TimelinePage(Page[TimelineItem]):
    """The stream, oldest first, undated last; ties by type then id."""


class StanceRecord(Schema):
    """One position of an actor on a topic."""

    position_id: str = Field(examples=["zelensky-ceasefire-2025-08"])
    stance: Stance = Field(description=STANCES_TEXT)
    statement: str = Field(examples=["Calls for a full ceasefire."])
    held_on: DateOn
    held_precision: DatePrecision
    evidence: list[str] = Field(description="Ids of the quotes that evidence the stance.")
    citations: Cited


class StanceCell(Schema):
    """What an actor holds on a topic, and what it held before where that changed."""

    actor: Ref = Field(description="The actor (row of the matrix).")
    topic: Ref = Field(description="The topic (column of the matrix).")
    current: StanceRecord = Field(description="The latest position (as of `as_of` if given).")
    earlier: list[StanceRecord] = Field(
        description="Earlier stances that differ from the one after them, newest first."
    )


class StanceMatrix(Schema):
    """The actor × topic matrix of stances."""

    as_of: dt.date | None = Field(description="The day the matrix answers for; null for today.")
    cells: list[StanceCell] = Field(description="One per actor and topic with a position.")


class SparsePage(Schema):
    """A page asked for with `?fields=`: each item holds `id` and the fields named."""

    items: list[dict[str, Any]] = Field(
        description="The items, with only the fields asked for (and `id`).",
        examples=[[{"id": "putin-next-time-in-moscow", "text": "Next time in Moscow"}]],
    )
    next: str | None = Field(description="Opaque cursor of the next page; null on the last.")
    facets: Facets | None = FACETS_FIELD
    included: Included | None = INCLUDED_FIELD


class QuoteListAnswer(RootModel[QuotePage | SparsePage]):
    """A page of quotes: whole items, or sparse ones with `?fields=`."""


class EventListAnswer(RootModel[EventPage | SparsePage]):
    """A page of events: whole items, or sparse ones with `?fields=`."""
