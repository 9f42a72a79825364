"""A stored record in the form a seed writes it (and a write's body gives it), which a merge
patch is applied to and an export of the seed writes: its rows read back, with what its curator
wrote (`curated`) and the ids it replaces. Actors, quotes and positions are read here; sources,
topics, events and variants in app.curation.stored_catalog."""

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, select

from app.curation import stored_catalog
from app.curation.seed_form import citations_of, date_of, tidy
from app.db.models import (
    Actor,
    ActorAlias,
    Affiliation,
    Position,
    PositionEvidence,
    Quote,
    QuoteTopic,
    ReplacedId,
)


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


def _actor(connection: Connection, actor_id: str) -> dict[str, Any] | None:
    actor = connection.execute(select(Actor, Actor.curated).where(Actor.id == actor_id)).first()
    if actor is None:
        return None
    name, kind, description = actor.name, actor.kind, actor.description
    aliases = select(ActorAlias.alias).where(ActorAlias.actor_id == actor_id)
    affiliations = connection.execute(
        select(Affiliation).where(Affiliation.actor_id == actor_id).order_by(Affiliation.ordinal)
    ).all()
    return tidy(
        {
            "id": actor_id,
            "name": name,
            "kind": kind,
            "aliases": list(connection.scalars(aliases.order_by(ActorAlias.ordinal))),
            "description": description,
            "affiliations": [_affiliation(connection, row) for row in affiliations],
            "citations": citations_of(connection, "actor", actor_id),
            **(actor.curated or {}),
        }
    )


def _affiliation(connection: Connection, row: Any) -> dict[str, Any]:
    return tidy(
        {
            "organisation": row.organisation_id,
            "role": row.role,
            "from": date_of(row.started_on, row.started_precision),
            "to": date_of(row.ended_on, row.ended_precision),
            "citations": citations_of(connection, "affiliation", row.id),
        }
    )


def _quote(connection: Connection, quote_id: str) -> dict[str, Any] | None:
    quote = connection.execute(select(Quote, Quote.curated).where(Quote.id == quote_id)).first()
    if quote is None:
        return None
    topics = select(QuoteTopic.topic_id).where(QuoteTopic.quote_id == quote_id)
    record = {
        "id": quote_id,
        "text": quote.text,
        "speaker": quote.speaker_id,
        "said_on": date_of(quote.said_on, quote.said_precision),
        "event": quote.event_id,
        "topics": sorted(connection.scalars(topics)),
        "translated_from": quote.translated_from,
        "translated_by": quote.translated_by,
        "citations": citations_of(connection, "quote", quote_id),
        **(quote.curated or {}),
    }
    return {**tidy(record), "said_on": record["said_on"], "fragment": quote.is_fragment}


def _position(connection: Connection, position_id: str) -> dict[str, Any] | None:
    position = connection.execute(
        select(Position, Position.curated).where(Position.id == position_id)
    ).first()
    if position is None:
        return None
    evidence = select(PositionEvidence.quote_id).where(PositionEvidence.position_id == position_id)
    record = {
        "id": position_id,
        "actor": position.actor_id,
        "topic": position.topic_id,
        "stance": position.stance,
        "statement": position.statement,
        "held_on": date_of(position.held_on, position.held_precision),
        "reported_by": position.reported_by_id,
        "evidence": list(connection.scalars(evidence.order_by(PositionEvidence.ordinal))),
        "citations": citations_of(connection, "position", position_id),
        **(position.curated or {}),
    }
    return {**tidy(record), "held_on": record["held_on"]}


READERS: dict[str, Callable[[Connection, str], dict[str, Any] | None]] = {
    "sources": stored_catalog.source,
    "topics": stored_catalog.topic,
    "actors": _actor,
    "events": stored_catalog.event,
    "quotes": _quote,
    "positions": _position,
    "variants": stored_catalog.variant,
}
