"""A stored record in the form a seed writes it (and a write's body gives it), which a merge
patch is applied to: its rows read back, with what its curator wrote (`curated`) and the ids it
replaces."""

import datetime as dt
from typing import Any

from sqlalchemy import Connection, select

from app.db.models import (
    Actor,
    ActorAlias,
    Affiliation,
    Citation,
    Event,
    EventParticipant,
    EventTopic,
    Position,
    PositionEvidence,
    Quote,
    QuoteTopic,
    ReplacedId,
    Topic,
    TopicAlias,
)
from app.domain import Precision
from app.loader.dates import PartialDate, written


def stored_record(connection: Connection, resource: str, record_id: str) -> dict[str, Any] | None:
    """The record of `resource` with `record_id`, as a seed writes it; None if there is none."""
    record = READERS[resource](connection, record_id)
    if record is None:
        return None
    replaced = select(ReplacedId.old_id).where(
        ReplacedId.resource == resource, ReplacedId.new_id == record_id
    )
    replaces = sorted(connection.scalars(replaced))
    return {**record, "replaces": replaces} if replaces else record


def _tidy(record: dict[str, Any]) -> dict[str, Any]:
    """Without the fields that hold their defaults (null, or an empty list)."""
    return {name: value for name, value in record.items() if value not in (None, [])}


def _date(on: dt.date | None, precision: Precision) -> str | None:
    return None if on is None else written(PartialDate(on, Precision(precision)))


def _citations(connection: Connection, owner: str, owner_id: str) -> list[dict[str, Any]]:
    column = Citation.__table__.c[f"{owner}_id"]
    query = select(Citation.source_id, Citation.excerpt, Citation.start_offset, Citation.words)
    rows = connection.execute(query.where(column == owner_id).order_by(Citation.ordinal))
    return [
        _tidy({"source": source, "excerpt": excerpt, "start": start, "words": words})
        for source, excerpt, start, words in rows
    ]


def _actor(connection: Connection, actor_id: str) -> dict[str, Any] | None:
    actor = connection.execute(select(Actor).where(Actor.id == actor_id)).first()
    if actor is None:
        return None
    name, kind, description = actor.name, actor.kind, actor.description
    aliases = select(ActorAlias.alias).where(ActorAlias.actor_id == actor_id)
    affiliations = connection.execute(
        select(Affiliation).where(Affiliation.actor_id == actor_id).order_by(Affiliation.ordinal)
    ).all()
    return _tidy(
        {
            "id": actor_id,
            "name": name,
            "kind": kind,
            "aliases": list(connection.scalars(aliases.order_by(ActorAlias.ordinal))),
            "description": description,
            "affiliations": [_affiliation(connection, row) for row in affiliations],
            "citations": _citations(connection, "actor", actor_id),
            **(actor.curated or {}),
        }
    )


def _affiliation(connection: Connection, row: Any) -> dict[str, Any]:
    return _tidy(
        {
            "organisation": row.organisation_id,
            "role": row.role,
            "from": _date(row.started_on, row.started_precision),
            "to": _date(row.ended_on, row.ended_precision),
            "citations": _citations(connection, "affiliation", row.id),
        }
    )


def _quote(connection: Connection, quote_id: str) -> dict[str, Any] | None:
    quote = connection.execute(select(Quote).where(Quote.id == quote_id)).first()
    if quote is None:
        return None
    topics = select(QuoteTopic.topic_id).where(QuoteTopic.quote_id == quote_id)
    record = {
        "id": quote_id,
        "text": quote.text,
        "speaker": quote.speaker_id,
        "said_on": _date(quote.said_on, quote.said_precision),
        "event": quote.event_id,
        "topics": sorted(connection.scalars(topics)),
        "translated_from": quote.translated_from,
        "translated_by": quote.translated_by,
        "citations": _citations(connection, "quote", quote_id),
        **(quote.curated or {}),
    }
    return {**_tidy(record), "said_on": record["said_on"], "fragment": quote.is_fragment}


def _position(connection: Connection, position_id: str) -> dict[str, Any] | None:
    position = connection.execute(select(Position).where(Position.id == position_id)).first()
    if position is None:
        return None
    evidence = select(PositionEvidence.quote_id).where(PositionEvidence.position_id == position_id)
    record = {
        "id": position_id,
        "actor": position.actor_id,
        "topic": position.topic_id,
        "stance": position.stance,
        "statement": position.statement,
        "held_on": _date(position.held_on, position.held_precision),
        "reported_by": position.reported_by_id,
        "evidence": list(connection.scalars(evidence.order_by(PositionEvidence.ordinal))),
        "citations": _citations(connection, "position", position_id),
        **(position.curated or {}),
    }
    return {**_tidy(record), "held_on": record["held_on"]}


def _topic(connection: Connection, topic_id: str) -> dict[str, Any] | None:
    topic = connection.execute(select(Topic).where(Topic.id == topic_id)).first()
    if topic is None:
        return None
    aliases = select(TopicAlias.alias).where(TopicAlias.topic_id == topic_id)
    record = {
        "id": topic_id,
        "name": topic.name,
        "aliases": list(connection.scalars(aliases.order_by(TopicAlias.ordinal))),
        "description": topic.description,
        **(topic.curated or {}),
    }
    return _tidy(record)


def _event(connection: Connection, event_id: str) -> dict[str, Any] | None:
    event = connection.execute(select(Event).where(Event.id == event_id)).first()
    if event is None:
        return None
    participants = connection.execute(
        select(EventParticipant.actor_id, EventParticipant.role)
        .where(EventParticipant.event_id == event_id)
        .order_by(EventParticipant.ordinal)
    )
    topics = select(EventTopic.topic_id).where(EventTopic.event_id == event_id)
    record = {
        "id": event_id,
        "title": event.title,
        "kind": event.kind,
        "status": event.status,
        "start": _date(event.start_on, event.start_precision),
        "end": _date(event.end_on, event.end_precision),
        "place": event.place,
        "participants": [_tidy({"actor": actor, "role": role}) for actor, role in participants],
        "topics": sorted(connection.scalars(topics)),
        "description": event.description,
        "citations": _citations(connection, "event", event_id),
        **(event.curated or {}),
    }
    return {**_tidy(record), "start": record["start"]}


READERS = {
    "topics": _topic,
    "actors": _actor,
    "events": _event,
    "quotes": _quote,
    "positions": _position,
}
