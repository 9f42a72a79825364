"""The ORM models: the schema that the Alembic migrations create.

There are deliberately no relationship() attributes: every read query loads related rows in one
batched statement of its own, so an N+1 pattern cannot creep in through attribute access.
"""

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from app.domain import (
    ActorKind,
    ChangeKind,
    EventKind,
    EventStatus,
    KeyScope,
    Precision,
    Stance,
    TextAccess,
    VariantKind,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SLUG = String(200)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def enum_type(enum: type[StrEnum], name: str) -> Enum:
    """A portable enum: a VARCHAR with a named CHECK constraint, stored by value."""
    return Enum(
        enum,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=lambda members: [member.value for member in members],
    )


def owner_key(table: str) -> Mapped[str | None]:
    return mapped_column(ForeignKey(f"{table}.id", ondelete="CASCADE"), index=True)


class Source(Base):
    __tablename__ = "sources"

    id: Mapped[str] = mapped_column(SLUG, primary_key=True)
    file: Mapped[str] = mapped_column(String(500))
    title: Mapped[str] = mapped_column(Text)
    publisher: Mapped[str] = mapped_column(String(200), index=True)
    byline: Mapped[str | None] = mapped_column(String(200))
    published_on: Mapped[dt.date] = mapped_column(Date)
    published_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    url: Mapped[str | None] = mapped_column(String(2000))
    language: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    length: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    curated: Mapped[dict[str, Any] | None] = mapped_column(JSON, deferred=True)
    time_zone: Mapped[str | None] = mapped_column(String(64))
    # Who owns the text, as its publisher states it.
    rights: Mapped[str | None] = mapped_column(Text)
    text_access: Mapped[TextAccess] = mapped_column(
        enum_type(TextAccess, "text_access"), server_default=TextAccess.PUBLIC.value
    )


class Article(Base):
    """An article (or dated update) of a source's document: its own title and date, and the
    offsets of the text it spans (end exclusive)."""

    __tablename__ = "articles"
    __table_args__ = (
        CheckConstraint("start_offset >= 0 AND end_offset > start_offset", name="offsets"),
    )

    source_id: Mapped[str] = mapped_column(
        ForeignKey("sources.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[str] = mapped_column(SLUG, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    published_on: Mapped[dt.date] = mapped_column(Date)
    published_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    time_zone: Mapped[str | None] = mapped_column(String(64))
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    ordinal: Mapped[int] = mapped_column(Integer)


class Actor(Base):
    __tablename__ = "actors"

    id: Mapped[str] = mapped_column(SLUG, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[ActorKind] = mapped_column(enum_type(ActorKind, "actor_kind"), index=True)
    description: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    curated: Mapped[dict[str, Any] | None] = mapped_column(JSON, deferred=True)


class ActorAlias(Base):
    __tablename__ = "actor_aliases"

    actor_id: Mapped[str] = mapped_column(
        ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True
    )
    alias: Mapped[str] = mapped_column(String(300), primary_key=True)
    ordinal: Mapped[int] = mapped_column(Integer)


class Affiliation(Base):
    __tablename__ = "affiliations"

    id: Mapped[str] = mapped_column(String(220), primary_key=True)
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[str | None] = mapped_column(ForeignKey("actors.id"), index=True)
    role: Mapped[str] = mapped_column(String(300))
    started_on: Mapped[dt.date | None] = mapped_column(Date)
    started_precision: Mapped[Precision] = mapped_column(enum_type(Precision, "started_precision"))
    ended_on: Mapped[dt.date | None] = mapped_column(Date)
    ended_precision: Mapped[Precision] = mapped_column(enum_type(Precision, "ended_precision"))
    ordinal: Mapped[int] = mapped_column(Integer)


class Topic(Base):
    __tablename__ = "topics"

    id: Mapped[str] = mapped_column(SLUG, primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    curated: Mapped[dict[str, Any] | None] = mapped_column(JSON, deferred=True)


class TopicAlias(Base):
    __tablename__ = "topic_aliases"

    topic_id: Mapped[str] = mapped_column(
        ForeignKey("topics.id", ondelete="CASCADE"), primary_key=True
    )
    alias: Mapped[str] = mapped_column(String(300), primary_key=True)
    ordinal: Mapped[int] = mapped_column(Integer)


class Event(Base):
    __tablename__ = "events"
    __table_args__ = (Index("ix_events_start_on_id", "start_on", "id"),)

    id: Mapped[str] = mapped_column(SLUG, primary_key=True)
    title: Mapped[str] = mapped_column(Text)
    kind: Mapped[EventKind] = mapped_column(enum_type(EventKind, "event_kind"), index=True)
    status: Mapped[EventStatus] = mapped_column(enum_type(EventStatus, "event_status"))
    start_on: Mapped[dt.date | None] = mapped_column(Date)
    start_precision: Mapped[Precision] = mapped_column(enum_type(Precision, "start_precision"))
    end_on: Mapped[dt.date | None] = mapped_column(Date)
    end_precision: Mapped[Precision] = mapped_column(enum_type(Precision, "end_precision"))
    place: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    curated: Mapped[dict[str, Any] | None] = mapped_column(JSON, deferred=True)


class EventParticipant(Base):
    __tablename__ = "event_participants"

    event_id: Mapped[str] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id"), primary_key=True, index=True)
    role: Mapped[str | None] = mapped_column(String(300))
    ordinal: Mapped[int] = mapped_column(Integer)


class EventTopic(Base):
    __tablename__ = "event_topics"

    event_id: Mapped[str] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[str] = mapped_column(ForeignKey("topics.id"), primary_key=True, index=True)


class Quote(Base):
    __tablename__ = "quotes"
    __table_args__ = (
        Index("ix_quotes_said_on_id", "said_on", "id"),
        Index("ix_quotes_speaker_id_said_on_id", "speaker_id", "said_on", "id"),
    )

    id: Mapped[str] = mapped_column(SLUG, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    speaker_id: Mapped[str] = mapped_column(ForeignKey("actors.id"))
    said_on: Mapped[dt.date | None] = mapped_column(Date)
    said_precision: Mapped[Precision] = mapped_column(enum_type(Precision, "said_precision"))
    is_fragment: Mapped[bool]
    event_id: Mapped[str | None] = mapped_column(ForeignKey("events.id"), index=True)
    translated_from: Mapped[str | None] = mapped_column(String(16))
    translated_by: Mapped[str | None] = mapped_column(String(300))
    content_hash: Mapped[str] = mapped_column(String(64))
    curated: Mapped[dict[str, Any] | None] = mapped_column(JSON, deferred=True)


class QuoteTopic(Base):
    __tablename__ = "quote_topics"

    quote_id: Mapped[str] = mapped_column(
        ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True
    )
    topic_id: Mapped[str] = mapped_column(ForeignKey("topics.id"), primary_key=True, index=True)


class Position(Base):
    __tablename__ = "positions"
    __table_args__ = (Index("ix_positions_held_on_id", "held_on", "id"),)

    id: Mapped[str] = mapped_column(SLUG, primary_key=True)
    actor_id: Mapped[str] = mapped_column(ForeignKey("actors.id"), index=True)
    topic_id: Mapped[str] = mapped_column(ForeignKey("topics.id"), index=True)
    stance: Mapped[Stance] = mapped_column(enum_type(Stance, "stance"), index=True)
    statement: Mapped[str] = mapped_column(Text)
    held_on: Mapped[dt.date | None] = mapped_column(Date)
    held_precision: Mapped[Precision] = mapped_column(enum_type(Precision, "held_precision"))
    # Who states the stance when it is not the actor's own words.
    reported_by_id: Mapped[str | None] = mapped_column(ForeignKey("actors.id"))
    content_hash: Mapped[str] = mapped_column(String(64))
    curated: Mapped[dict[str, Any] | None] = mapped_column(JSON, deferred=True)


class PositionEvidence(Base):
    __tablename__ = "position_evidence"

    position_id: Mapped[str] = mapped_column(
        ForeignKey("positions.id", ondelete="CASCADE"), primary_key=True
    )
    quote_id: Mapped[str] = mapped_column(ForeignKey("quotes.id"), primary_key=True, index=True)
    ordinal: Mapped[int] = mapped_column(Integer)


CITATION_OWNERS = ("actor", "affiliation", "event", "quote", "position")


class Citation(Base):
    __tablename__ = "citations"
    __table_args__ = (
        CheckConstraint(
            " + ".join(f"(CASE WHEN {o}_id IS NULL THEN 0 ELSE 1 END)" for o in CITATION_OWNERS)
            + " = 1",
            name="one_owner",
        ),
        CheckConstraint("start_offset >= 0 AND end_offset > start_offset", name="offsets"),
        # Deferred: a load rewrites a changed source's articles before the records that cite
        # them, all in one transaction; the references hold again when it commits.
        ForeignKeyConstraint(
            ["source_id", "article_id"],
            ["articles.source_id", "articles.id"],
            deferrable=True,
            initially="DEFERRED",
        ),
        Index("ix_citations_source_id_article_id", "source_id", "article_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("sources.id"))
    excerpt: Mapped[str] = mapped_column(Text)
    start_offset: Mapped[int] = mapped_column(Integer)
    end_offset: Mapped[int] = mapped_column(Integer)
    ordinal: Mapped[int] = mapped_column(Integer)
    actor_id: Mapped[str | None] = owner_key("actors")
    affiliation_id: Mapped[str | None] = owner_key("affiliations")
    event_id: Mapped[str | None] = owner_key("events")
    quote_id: Mapped[str | None] = owner_key("quotes")
    position_id: Mapped[str | None] = owner_key("positions")
    # For a quote reported in part: the words of the quote that the excerpt holds.
    words: Mapped[str | None] = mapped_column(Text)
    # The article of the source whose range holds the excerpt.
    article_id: Mapped[str] = mapped_column(SLUG)


class ReplacedId(Base):
    """An id that a record of the resource was merged into or renamed to: it keeps answering."""

    __tablename__ = "replaced_ids"

    resource: Mapped[str] = mapped_column(String(16), primary_key=True)
    old_id: Mapped[str] = mapped_column(SLUG, primary_key=True)
    new_id: Mapped[str] = mapped_column(SLUG)


class Variant(Base):
    """Words a search finds as one another (seed/variants.yaml)."""

    __tablename__ = "variants"

    id: Mapped[str] = mapped_column(SLUG, primary_key=True)
    kind: Mapped[VariantKind] = mapped_column(enum_type(VariantKind, "variant_kind"))
    content_hash: Mapped[str] = mapped_column(String(64))
    curated: Mapped[dict[str, Any] | None] = mapped_column(JSON, deferred=True)


class VariantWord(Base):
    """One word (or words) of a variant set, as written and as a search query is matched."""

    __tablename__ = "variant_words"

    variant_id: Mapped[str] = mapped_column(
        ForeignKey("variants.id", ondelete="CASCADE"), primary_key=True
    )
    # Its searchable words (app.queries.search_syntax.words) joined by spaces: "cease fire".
    folded: Mapped[str] = mapped_column(String(300), primary_key=True, index=True)
    word: Mapped[str] = mapped_column(String(300))
    ordinal: Mapped[int] = mapped_column(Integer)


class Dataset(Base):
    """One row: which seed is loaded, when, and how much of each resource it holds."""

    __tablename__ = "dataset"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[str] = mapped_column(String(64))
    loaded_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    counts: Mapped[dict[str, Any]] = mapped_column(JSON)
    # The number of the last revision when the last load committed: revisions by a key after it
    # are edits that a load of the seed would overwrite.
    last_revision: Mapped[int | None] = mapped_column(Integer)


class ApiKey(Base):
    """A key that may write: its name and scope, and only a hash of its token."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    scope: Mapped[KeyScope] = mapped_column(enum_type(KeyScope, "key_scope"))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True))


class WriteAllowance(Base):
    """What a key may still write now: its token bucket (app.write_limit), as last refilled."""

    __tablename__ = "write_allowances"

    key_name: Mapped[str] = mapped_column(String(100), primary_key=True)
    tokens: Mapped[float] = mapped_column(Float)
    refilled_at: Mapped[float] = mapped_column(Float)  # seconds since the epoch


class Revision(Base):
    """One change to one record: by a key (its name) or by `summitkb load`, numbered in the
    order the changes were made."""

    __tablename__ = "revisions"
    __table_args__ = (
        Index("ix_revisions_resource_record_id_number", "resource", "record_id", "number"),
        Index("ix_revisions_by_key_number", "by_key", "number"),
    )

    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    resource: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(SLUG)
    kind: Mapped[ChangeKind] = mapped_column(enum_type(ChangeKind, "change_kind"))
    made_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    author: Mapped[str] = mapped_column(String(100))
    by_key: Mapped[bool] = mapped_column()
    summary: Mapped[str | None] = mapped_column(Text)
    # What changed: the merge patch of an edit, the body of a creation, the content hash of a
    # record a load wrote.
    change: Mapped[Any] = mapped_column(JSON, nullable=True)
