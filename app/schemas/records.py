"""The API's view of each resource."""

import datetime as dt

from pydantic import Field

from app.domain import STANCES_TEXT, ActorKind, EventKind, EventStatus, Stance
from app.schemas.common import (
    ArticleRef,
    Cited,
    DateOn,
    DatePrecision,
    LocalDateTime,
    Ref,
    Schema,
)


class ArticleRead(ArticleRef):
    """An article (or dated update) of a source's document, and the range of text it spans."""

    published_at: LocalDateTime | None = Field(
        description="The time of publication too, where the text gives one (local time).",
        examples=["2025-08-14T09:42:00"],
    )
    time_zone: str | None = Field(
        description="The IANA time zone of `published_at`, where the text gives it.",
        examples=[None],
    )
    start: int = Field(description="Offset of the article's first code point.", examples=[61])
    end: int = Field(description="Offset just past the article's last code point.", examples=[4765])


class SourceRead(Schema):
    """A source document; its full text is at `/v1/sources/{id}/text`. A document (a captured
    page) holds one or more articles; its other text (menus, sidebars) is cited by none."""

    id: str = Field(examples=["chinadaily-2025-08-14"])
    title: str = Field(
        examples=["Trump, Putin to discuss 'all accumulated issues' in Alaska, Russia says"]
    )
    publisher: str = Field(examples=["China Daily"])
    byline: str | None = Field(
        description="Agency or byline, where the text gives one.", examples=["Agencies via Xinhua"]
    )
    published_on: dt.date = Field(
        description="The day the source was published (citations give the same day).",
        examples=["2025-08-14"],
    )
    published_at: LocalDateTime | None = Field(
        description="The time of publication too, where the source gives one (local time).",
        examples=["2025-08-14T09:42:00"],
    )
    url: str | None = Field(description="Where the page was captured; none of ours has one.")
    language: str = Field(examples=["en"])
    sha256: str = Field(description="SHA-256 of the stored text's UTF-8 bytes.")
    length: int = Field(
        description="Length of the stored text in Unicode code points.", examples=[4853]
    )
    articles: list[ArticleRead] = Field(
        description="The articles the document holds, in the order of the text; `?start=&end=` "
        "on `/v1/sources/{id}/text` gives an article's text."
    )


class AffiliationRead(Schema):
    """A role an actor holds, where the sources say so."""

    organisation: Ref | None = Field(description="The organisation the role is held in, if any.")
    role: str = Field(examples=["spokesman"])
    started_on: DateOn
    started_precision: DatePrecision
    ended_on: DateOn
    ended_precision: DatePrecision
    citations: Cited


class ActorRead(Schema):
    """A person, state, organisation or group that the sources name."""

    id: str = Field(examples=["alexey-fadeev"])
    name: str = Field(examples=["Alexey Fadeev"])
    kind: ActorKind = Field(description="person, state, organisation or group.")
    aliases: list[str] = Field(
        description="Other spellings the sources use.", examples=[["Fadeev"]]
    )
    description: str | None = Field(examples=["Spokesman of the Russian Foreign Ministry."])
    affiliations: list[AffiliationRead] = Field(description="Roles the sources give the actor.")
    citations: Cited


class TopicRead(Schema):
    """An issue on the table."""

    id: str = Field(examples=["territorial-concessions"])
    name: str = Field(examples=["Territorial concessions and land swaps"])
    aliases: list[str] = Field(
        description="Other names the sources give the topic; a search for one finds the "
        "records about the topic.",
        examples=[["territorial swaps", "territorial issues"]],
    )
    description: str | None = Field(
        examples=["Whether Ukraine cedes, swaps or withdraws from territory."]
    )


class ParticipantRead(Schema):
    """An actor taking part in an event, and in what role."""

    id: str = Field(examples=["vladimir-putin"])
    name: str = Field(examples=["Vladimir Putin"])
    role: str | None = Field(examples=["President of Russia"])


class EventRead(Schema):
    """A meeting, call, statement, battlefield event... planned or held."""

    id: str = Field(examples=["anchorage-summit-2025"])
    title: str = Field(examples=["Trump–Putin summit in Anchorage"])
    kind: EventKind = Field(description="What sort of event it is.", examples=["summit"])
    status: EventStatus = Field(description="planned, proposed, held or cancelled.")
    start_on: DateOn
    start_precision: DatePrecision
    end_on: DateOn
    end_precision: DatePrecision
    place: str | None = Field(examples=["Anchorage, Alaska, United States"])
    description: str | None = Field(description="A neutral summary of the event.")
    participants: list[ParticipantRead] = Field(description="Actors taking part, with roles.")
    topics: list[str] = Field(description="Topic ids.", examples=[["ceasefire"]])
    citations: Cited
    corroboration: int = Field(
        description="How many distinct publishers cite it (a corroboration signal).", examples=[2]
    )


class EventRef(Schema):
    id: str = Field(examples=["anchorage-summit-2025"])
    title: str = Field(examples=["Trump–Putin summit in Anchorage"])


class QuoteRead(Schema):
    """Verbatim words, who said them, when, and where that is written."""

    id: str = Field(examples=["fadeev-consultations-insignificant"])
    text: str = Field(
        description="The words exactly as the sources quote them.",
        examples=[
            "We consider the consultations sought by the Europeans to be politically and "
            "practically insignificant"
        ],
    )
    speaker: Ref = Field(description="Who said the words.")
    said_on: DateOn
    said_precision: DatePrecision
    fragment: bool = Field(description="True when the words are part of a sentence.")
    event: EventRef | None = Field(description="The event the words were said at, if known.")
    topics: list[str] = Field(description="Topic ids.", examples=[["europe-role-in-talks"]])
    translated_from: str | None = Field(
        description="Set when the sources give the words in translation: the language they were "
        "said in.",
        examples=["ru"],
    )
    translated_by: str | None = Field(
        description="Whose translation the words are, where the sources say.", examples=[None]
    )
    citations: Cited
    corroboration: int = Field(
        description="How many distinct publishers cite it (a corroboration signal).", examples=[2]
    )


class PositionRead(Schema):
    """An actor's stance on a topic at a time, with its evidence."""

    id: str = Field(examples=["zelensky-ceasefire"])
    actor: Ref = Field(description="Whose stance it is.")
    topic: Ref = Field(description="What the stance is about.")
    stance: Stance = Field(description=STANCES_TEXT)
    statement: str = Field(
        description="The stance in neutral words.", examples=["Calls for a full ceasefire."]
    )
    held_on: DateOn
    held_precision: DatePrecision
    reported_by: Ref | None = Field(
        default=None,
        description="Who states the stance, when it is not the actor's own words; the evidence "
        "may then be their words.",
    )
    evidence: list[str] = Field(description="Ids of the quotes that evidence the stance.")
    citations: Cited


class MetaRead(Schema):
    """Which dataset is loaded, when, and how much it holds."""

    version: str = Field(description="Hash of the loaded seed.")
    loaded_at: dt.datetime = Field(description="When the loader wrote this dataset (UTC).")
    counts: dict[str, int] = Field(examples=[{"quotes": 40, "citations": 120}])
