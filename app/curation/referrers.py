"""The records that refer to a record, by resource: what a delete of it would leave pointing at
nothing, and so what refuses it."""

from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, Select, String, cast, select

from app.db.models import (
    Affiliation,
    Citation,
    EventParticipant,
    EventTopic,
    Position,
    PositionEvidence,
    Quote,
    QuoteTopic,
)

# The ids of the records of one resource that refer to a record (given its id).
Finder = Callable[[Connection, str], set[str]]


def _ids(statement: Callable[[str], Select[Any]]) -> Finder:
    return lambda connection, record_id: set(connection.scalars(statement(record_id)))


def _naming(owner: Any, reference: Any) -> Finder:
    """The ids in `owner` of the rows whose `reference` is the record."""
    return _ids(lambda record_id: select(owner).where(reference == record_id))


def _cited_by(owner: Any) -> Finder:
    """The records of an owner column of the citations that quote the source."""
    return _ids(
        lambda source_id: select(owner).where(Citation.source_id == source_id, owner.is_not(None))
    )


def _affiliations_citing(source_id: str) -> Select[Any]:
    return (
        select(Affiliation.actor_id)
        .join(Citation, Citation.affiliation_id == Affiliation.id)
        .where(Citation.source_id == source_id)
    )


def _distinct_from(connection: Connection, quote_id: str) -> set[str]:
    """The quotes whose curator listed the quote in their `distinct_from` (kept in `curated`,
    JSON that both databases can search as text before it is read)."""
    mentioning = select(Quote.id, Quote.curated).where(
        cast(Quote.curated, String).contains(f'"{quote_id}"')
    )
    return {
        other
        for other, curated in connection.execute(mentioning)
        if quote_id in (curated or {}).get("distinct_from", [])
    }


# For each resource: (the resource that refers, the statement of the ids of its records that do).
REFERENCES: dict[str, list[tuple[str, Finder]]] = {
    "sources": [
        ("actors", _cited_by(Citation.actor_id)),
        ("actors", _ids(_affiliations_citing)),
        ("events", _cited_by(Citation.event_id)),
        ("quotes", _cited_by(Citation.quote_id)),
        ("positions", _cited_by(Citation.position_id)),
    ],
    "topics": [
        ("events", _naming(EventTopic.event_id, EventTopic.topic_id)),
        ("quotes", _naming(QuoteTopic.quote_id, QuoteTopic.topic_id)),
        ("positions", _naming(Position.id, Position.topic_id)),
    ],
    "actors": [
        ("actors", _naming(Affiliation.actor_id, Affiliation.organisation_id)),
        ("events", _naming(EventParticipant.event_id, EventParticipant.actor_id)),
        ("quotes", _naming(Quote.id, Quote.speaker_id)),
        ("positions", _naming(Position.id, Position.actor_id)),
        ("positions", _naming(Position.id, Position.reported_by_id)),
    ],
    "events": [("quotes", _naming(Quote.id, Quote.event_id))],
    "quotes": [
        ("positions", _naming(PositionEvidence.position_id, PositionEvidence.quote_id)),
        ("quotes", _distinct_from),
    ],
    "positions": [],
}


def referrers(connection: Connection, resource: str, record_id: str) -> dict[str, list[str]]:
    """The ids of the other records that refer to the record, by resource, each list sorted."""
    found: dict[str, set[str]] = {}
    for referring, find in REFERENCES[resource]:
        ids = find(connection, record_id) - {record_id}
        if ids:
            found.setdefault(referring, set()).update(ids)
    return {name: sorted(ids) for name, ids in found.items()}
