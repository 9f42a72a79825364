"""Ids that merged or renamed records replace keep answering: lookups move, filters follow."""

import dataclasses
from typing import Any, TypeVar

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from app.db.models import ReplacedId
from app.errors import DomainError, Moved, NotFound

Filters = TypeVar("Filters")

# Filter fields that hold record ids, and the resource each names.
ID_FILTERS = {
    "speaker": "actors",
    "actor": "actors",
    "participant": "actors",
    "topic": "topics",
    "event": "events",
    "source": "sources",
}


def missing(session: Session, resource: str, record_id: str) -> DomainError:
    """The error for an id with no record: Moved to its successor, or NotFound."""
    successor = session.scalar(
        select(ReplacedId.new_id).where(
            ReplacedId.resource == resource, ReplacedId.old_id == record_id
        )
    )
    kind = resource.removesuffix("s")
    if successor is None:
        return NotFound(f"no {kind} with id {record_id!r}")
    return Moved(f"{kind} {record_id!r} is now {successor!r}", record_id, successor)


# Built once (every filtered list runs it): building it per request cost more than running it.
REPLACED = (
    select(ReplacedId.__table__.c.old_id, ReplacedId.__table__.c.new_id)
    .where(ReplacedId.__table__.c.resource == bindparam("resource"))
    .where(ReplacedId.__table__.c.old_id.in_(bindparam("ids", expanding=True)))
)


def with_successors(session: Session, filters: Filters) -> Filters:
    """`filters` with every replaced id in an id filter read as the id that replaced it."""
    changes: dict[str, Any] = {}
    for name, resource in ID_FILTERS.items():
        ids = getattr(filters, name, None)
        if ids:
            found = session.connection().execute(REPLACED, {"resource": resource, "ids": ids})
            moved = {old_id: new_id for old_id, new_id in found}
            if moved:
                changes[name] = list(dict.fromkeys(moved.get(i, i) for i in ids))
    return dataclasses.replace(filters, **changes) if changes else filters  # type: ignore[type-var]
