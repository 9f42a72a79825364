"""The stance matrix: for each actor and topic, the latest stance and how it changed."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import RowMapping
from sqlalchemy.orm import Session

from app.db.models import Position
from app.queries import positions, related
from app.queries.positions import PositionFilters
from app.queries.successors import with_successors
from app.schemas.views import StanceCell, StanceMatrix, StanceRecord


@dataclass(frozen=True)
class StanceFilters:
    actor: list[str] | None = None
    topic: list[str] | None = None
    as_of: dt.date | None = None


def _positions(session: Session, filters: StanceFilters) -> list[RowMapping]:
    query = positions.filtered(PositionFilters(actor=filters.actor, topic=filters.topic))
    if filters.as_of:
        # Undated positions cannot be placed before a given day, so they do not count there.
        query = query.where(Position.held_on <= filters.as_of)
    # Undated first: a dated position is the better answer to "what do they hold now".
    order = (Position.actor_id, Position.topic_id, Position.held_on.asc().nulls_first())
    return list(session.execute(query.order_by(*order, Position.id)).mappings())


def _history(held: list[RowMapping]) -> tuple[RowMapping, list[RowMapping]]:
    """The latest position, and the last position of each earlier run of a different stance."""
    runs: list[list[RowMapping]] = []
    for row in held:
        if runs and runs[-1][-1]["stance"] == row["stance"]:
            runs[-1].append(row)
        else:
            runs.append([row])
    return runs[-1][-1], [run[-1] for run in reversed(runs[:-1])]


def stance_matrix(session: Session, filters: StanceFilters) -> StanceMatrix:
    """The actor × topic matrix (as of `filters.as_of` if given), ordered by actor then topic."""
    filters = with_successors(session, filters)
    cells: dict[tuple[str, str], list[RowMapping]] = defaultdict(list)
    for row in _positions(session, filters):
        cells[row["actor_id"], row["topic_id"]].append(row)
    histories = {key: _history(held) for key, held in cells.items()}
    shown = [row for current, earlier in histories.values() for row in (current, *earlier)]
    records = _records(session, shown)
    actors = related.actor_refs(session, {actor for actor, _ in cells})
    topics = related.topic_refs(session, {topic for _, topic in cells})
    return StanceMatrix(
        as_of=filters.as_of,
        cells=[
            StanceCell(
                actor=actors[actor],
                topic=topics[topic],
                current=records[current["id"]],
                earlier=[records[row["id"]] for row in earlier],
            )
            for (actor, topic), (current, earlier) in histories.items()
        ],
    )


def _records(session: Session, rows: list[RowMapping]) -> dict[str, StanceRecord]:
    ids = [row["id"] for row in rows]
    evidence = related.position_evidence(session, ids)
    citations = related.citations_for(session, "position", ids)
    return {row["id"]: _record(row, evidence, citations) for row in rows}


def _record(row: RowMapping, evidence: dict[str, Any], citations: dict[str, Any]) -> StanceRecord:
    return StanceRecord(
        position_id=row["id"],
        stance=row["stance"],
        statement=row["statement"],
        held_on=row["held_on"],
        held_precision=row["held_precision"],
        evidence=evidence.get(row["id"], []),
        citations=citations.get(row["id"], []),
    )
