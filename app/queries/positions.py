"""Positions: filters, one page, one record."""

from dataclasses import asdict, dataclass

from sqlalchemy import RowMapping
from sqlalchemy.orm import Session

from app.db.models import Position
from app.domain import Stance
from app.queries import related
from app.queries.pagination import AnySelect, Keyset, PageRequest, fingerprint, paginate
from app.queries.served import served
from app.queries.successors import missing, with_successors
from app.schemas.common import Page
from app.schemas.records import PositionRead

KEYSET = Keyset(key=Position.id, lead=Position.held_on)


@dataclass(frozen=True)
class PositionFilters:
    actor: list[str] | None = None
    topic: list[str] | None = None
    stance: list[Stance] | None = None


def filtered(filters: PositionFilters) -> AnySelect:
    query = served(Position)
    if filters.actor:
        query = query.where(Position.actor_id.in_(filters.actor))
    if filters.topic:
        query = query.where(Position.topic_id.in_(filters.topic))
    if filters.stance:
        query = query.where(Position.stance.in_(filters.stance))
    return query


def list_positions(
    session: Session, filters: PositionFilters, page: PageRequest
) -> Page[PositionRead]:
    """One page of the positions that match `filters`, oldest first, undated last."""
    filters = with_successors(session, filters)
    query_print = fingerprint("positions", asdict(filters))
    rows, next_cursor = paginate(session, filtered(filters), KEYSET, page, query_print)
    return Page[PositionRead](items=hydrate(session, rows), next=next_cursor)


def get_position(session: Session, position_id: str) -> PositionRead:
    query = served(Position).where(Position.id == position_id)
    row = session.execute(query).mappings().first()
    if row is None:
        raise missing(session, "positions", position_id)
    return hydrate(session, [row])[0]


def hydrate(session: Session, rows: list[RowMapping]) -> list[PositionRead]:
    ids = [row["id"] for row in rows]
    reporters = {row["reported_by_id"] for row in rows if row["reported_by_id"]}
    actors = related.actor_refs(session, {row["actor_id"] for row in rows} | reporters)
    topics = related.topic_refs(session, {row["topic_id"] for row in rows})
    evidence = related.position_evidence(session, ids)
    citations = related.citations_for(session, "position", ids)
    return [
        PositionRead(
            id=row["id"],
            actor=actors[row["actor_id"]],
            topic=topics[row["topic_id"]],
            stance=row["stance"],
            statement=row["statement"],
            held_on=row["held_on"],
            held_precision=row["held_precision"],
            reported_by=actors[row["reported_by_id"]] if row["reported_by_id"] else None,
            evidence=evidence.get(row["id"], []),
            citations=citations.get(row["id"], []),
        )
        for row in rows
    ]
