"""Ids that merged or renamed records replace keep answering: lookups move, filters follow."""

import dataclasses
from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from app.db.models import ReplacedId
from app.errors import DomainError, Moved, NotFound
from app.queries.dataset_version import PerVersion

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


def with_successors(session: Session, filters: Filters) -> Filters:
    """`filters` with every replaced id in an id filter read as the id that replaced it."""
    changes: dict[str, Any] = {}
    replaced: Mapping[tuple[str, str], str] | None = None
    for name, resource in ID_FILTERS.items():
        ids = getattr(filters, name, None)
        if ids:
            replaced = replacements(session) if replaced is None else replaced
            moved = {i: replaced[resource, i] for i in ids if (resource, i) in replaced}
            if moved:
                changes[name] = list(dict.fromkeys(moved.get(i, i) for i in ids))
    return dataclasses.replace(filters, **changes) if changes else filters  # type: ignore[type-var]


def read_replacements(connection: Connection) -> dict[tuple[str, str], str]:
    """Every replaced id, (resource, old id) -> new id."""
    table = ReplacedId.__table__
    rows = connection.execute(select(table.c.resource, table.c.old_id, table.c.new_id))
    return {(resource, old_id): new_id for resource, old_id, new_id in rows}


# Every replaced id of the dataset a session reads. Read once per dataset version: they change
# only with the dataset, and are few (records merged or renamed by their curators), where a
# lookup per filtered request cost more than the page's own statement.
replacements: PerVersion[Mapping[tuple[str, str], str]] = PerVersion(read_replacements)
