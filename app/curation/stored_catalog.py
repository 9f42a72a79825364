"""Stored sources, topics, events and variants in the form a seed writes them (app.curation.stored
reads actors, quotes and positions): their rows read back, with what only `curated` keeps."""

from typing import Any

from sqlalchemy import Connection, select

from app.curation.seed_form import citations_of, date_of, tidy
from app.db.models import (
    Article,
    Event,
    EventParticipant,
    EventTopic,
    Source,
    Topic,
    TopicAlias,
    Variant,
    VariantWord,
)


def source(connection: Connection, source_id: str) -> dict[str, Any] | None:
    row = connection.execute(select(Source, Source.curated).where(Source.id == source_id)).first()
    if row is None:
        return None
    curated = dict(row.curated or {})
    notes: dict[str, str] = curated.pop("article_notes", {})
    articles = connection.execute(
        select(Article).where(Article.source_id == source_id).order_by(Article.ordinal)
    ).all()
    return tidy(
        {
            "id": source_id,
            "file": row.file,
            "title": row.title,
            "publisher": row.publisher,
            "byline": row.byline,
            # A date or a moment, as the seed wrote it (YAML keeps which).
            "published_at": row.published_at or row.published_on,
            "url": row.url,
            "language": row.language,
            "time_zone": row.time_zone,
            "rights": row.rights,
            "text_access": row.text_access,
            "articles": [_article(article, notes.get(article.id)) for article in articles],
            **curated,
        }
    )


def _article(row: Any, note: str | None) -> dict[str, Any]:
    return tidy(
        {
            "id": row.id,
            "title": row.title,
            "published_on": row.published_on,
            "published_at": row.published_at,
            "time_zone": row.time_zone,
            "start": row.start_offset,
            "end": row.end_offset,
            "note": note,
        }
    )


def topic(connection: Connection, topic_id: str) -> dict[str, Any] | None:
    row = connection.execute(select(Topic, Topic.curated).where(Topic.id == topic_id)).first()
    if row is None:
        return None
    aliases = select(TopicAlias.alias).where(TopicAlias.topic_id == topic_id)
    return tidy(
        {
            "id": topic_id,
            "name": row.name,
            "aliases": list(connection.scalars(aliases.order_by(TopicAlias.ordinal))),
            "description": row.description,
            **(row.curated or {}),
        }
    )


def event(connection: Connection, event_id: str) -> dict[str, Any] | None:
    row = connection.execute(select(Event, Event.curated).where(Event.id == event_id)).first()
    if row is None:
        return None
    participants = connection.execute(
        select(EventParticipant.actor_id, EventParticipant.role)
        .where(EventParticipant.event_id == event_id)
        .order_by(EventParticipant.ordinal)
    ).all()
    topics = select(EventTopic.topic_id).where(EventTopic.event_id == event_id)
    record = {
        "id": event_id,
        "title": row.title,
        "kind": row.kind,
        "status": row.status,
        "start": date_of(row.start_on, row.start_precision),
        "end": date_of(row.end_on, row.end_precision),
        "place": row.place,
        "participants": [tidy({"actor": actor, "role": role}) for actor, role in participants],
        "topics": sorted(connection.scalars(topics)),
        "description": row.description,
        "citations": citations_of(connection, "event", event_id),
        **(row.curated or {}),
    }
    return {**tidy(record), "start": record["start"]}


def variant(connection: Connection, variant_id: str) -> dict[str, Any] | None:
    row = connection.execute(
        select(Variant, Variant.curated).where(Variant.id == variant_id)
    ).first()
    if row is None:
        return None
    words = select(VariantWord.word).where(VariantWord.variant_id == variant_id)
    return tidy(
        {
            "id": variant_id,
            "kind": row.kind,
            "words": list(connection.scalars(words.order_by(VariantWord.ordinal))),
            **(row.curated or {}),
        }
    )
