"""Batched loading of the rows that hang off a page of records: one query per relation."""

from collections import defaultdict
from collections.abc import Collection
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import (
    Actor,
    ActorAlias,
    Affiliation,
    Citation,
    Event,
    EventParticipant,
    EventTopic,
    PositionEvidence,
    QuoteTopic,
    Source,
    Topic,
)
from app.schemas.common import CitationRead, Ref
from app.schemas.records import AffiliationRead, EventRef, ParticipantRead


def _published(source: Any) -> str:
    stamp = source.published_at or source.published_on
    return str(stamp.isoformat())


def citations_for(
    session: Session, owner: str, ids: Collection[str]
) -> dict[str, list[CitationRead]]:
    """The citations of each record of kind `owner` (actor, event, quote...) among `ids`."""
    if not ids:
        return {}
    owner_column = Citation.__table__.c[f"{owner}_id"]
    query = (
        select(
            owner_column.label("owner"),
            Citation.excerpt,
            Citation.start_offset,
            Citation.end_offset,
            Source.id.label("source_id"),
            Source.title,
            Source.publisher,
            Source.published_on,
            Source.published_at,
        )
        .join(Source, Source.id == Citation.source_id)
        .where(owner_column.in_(ids))
        .order_by(owner_column, Citation.ordinal, Citation.id)
    )
    found: dict[str, list[CitationRead]] = defaultdict(list)
    for row in session.execute(query):
        found[row.owner].append(
            CitationRead(
                source_id=row.source_id,
                source_title=row.title,
                publisher=row.publisher,
                published_at=_published(row),
                excerpt=row.excerpt,
                start=row.start_offset,
                end=row.end_offset,
            )
        )
    return found


def actor_refs(session: Session, ids: Collection[str]) -> dict[str, Ref]:
    if not ids:
        return {}
    rows = session.execute(select(Actor.id, Actor.name).where(Actor.id.in_(set(ids))))
    return {row.id: Ref(id=row.id, name=row.name) for row in rows}


def topic_refs(session: Session, ids: Collection[str]) -> dict[str, Ref]:
    if not ids:
        return {}
    rows = session.execute(select(Topic.id, Topic.name).where(Topic.id.in_(set(ids))))
    return {row.id: Ref(id=row.id, name=row.name) for row in rows}


def event_refs(session: Session, ids: Collection[str]) -> dict[str, EventRef]:
    if not ids:
        return {}
    rows = session.execute(select(Event.id, Event.title).where(Event.id.in_(set(ids))))
    return {row.id: EventRef(id=row.id, title=row.title) for row in rows}


def _grouped(
    session: Session, owner: Any, value: Any, ids: Collection[str], *order: Any
) -> dict[str, list[Any]]:
    found: dict[str, list[Any]] = defaultdict(list)
    if ids:
        for row in session.execute(
            select(owner, value).where(owner.in_(ids)).order_by(owner, *order)
        ):
            found[row[0]].append(row[1])
    return found


def quote_topics(session: Session, ids: Collection[str]) -> dict[str, list[str]]:
    return _grouped(session, QuoteTopic.quote_id, QuoteTopic.topic_id, ids, QuoteTopic.topic_id)


def event_topics(session: Session, ids: Collection[str]) -> dict[str, list[str]]:
    return _grouped(session, EventTopic.event_id, EventTopic.topic_id, ids, EventTopic.topic_id)


def position_evidence(session: Session, ids: Collection[str]) -> dict[str, list[str]]:
    return _grouped(
        session,
        PositionEvidence.position_id,
        PositionEvidence.quote_id,
        ids,
        PositionEvidence.ordinal,
    )


def actor_aliases(session: Session, ids: Collection[str]) -> dict[str, list[str]]:
    return _grouped(session, ActorAlias.actor_id, ActorAlias.alias, ids, ActorAlias.ordinal)


def event_participants(session: Session, ids: Collection[str]) -> dict[str, list[ParticipantRead]]:
    found: dict[str, list[ParticipantRead]] = defaultdict(list)
    if not ids:
        return found
    query = (
        select(EventParticipant.event_id, Actor.id, Actor.name, EventParticipant.role)
        .join(Actor, Actor.id == EventParticipant.actor_id)
        .where(EventParticipant.event_id.in_(ids))
        .order_by(EventParticipant.event_id, EventParticipant.ordinal)
    )
    for row in session.execute(query):
        found[row.event_id].append(ParticipantRead(id=row.id, name=row.name, role=row.role))
    return found


def actor_affiliations(session: Session, ids: Collection[str]) -> dict[str, list[AffiliationRead]]:
    found: dict[str, list[AffiliationRead]] = defaultdict(list)
    if not ids:
        return found
    query = (
        select(Affiliation)
        .where(Affiliation.actor_id.in_(ids))
        .order_by(Affiliation.actor_id, Affiliation.ordinal)
    )
    affiliations = list(session.scalars(query))
    organisations = actor_refs(
        session, {a.organisation_id for a in affiliations if a.organisation_id}
    )
    citations = citations_for(session, "affiliation", [a.id for a in affiliations])
    for affiliation in affiliations:
        found[affiliation.actor_id].append(
            AffiliationRead(
                organisation=organisations.get(affiliation.organisation_id or ""),
                role=affiliation.role,
                started_on=affiliation.started_on,
                started_precision=affiliation.started_precision,
                ended_on=affiliation.ended_on,
                ended_precision=affiliation.ended_precision,
                citations=citations.get(affiliation.id, []),
            )
        )
    return found


def corroboration(citations: dict[str, list[CitationRead]]) -> dict[str, int]:
    """How many distinct publishers cite each record, from its batched citations."""
    return {owner: len({cite.publisher for cite in cites}) for owner, cites in citations.items()}
