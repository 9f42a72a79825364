"""Ids that merged or renamed records replace keep answering: lookups move, filters follow."""

import dataclasses
from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from app.db.models import ReplacedId, Revision
from app.domain import ChangeKind
from app.errors import DomainError, Gone, Moved, NotFound
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
    """The error for an id with no record: Moved to its successor, Gone if its last revision
    deleted it (or merged it into a record deleted since), or NotFound."""
    successor = session.scalar(
        select(ReplacedId.new_id).where(
            ReplacedId.resource == resource, ReplacedId.old_id == record_id
        )
    )
    kind = resource.removesuffix("s")
    if successor is None:
        return _deleted(session, kind, resource, record_id) or NotFound(
            f"no {kind} with id {record_id!r}"
        )
    return Moved(f"{kind} {record_id!r} is now {successor!r}", record_id, successor)


def _deleted(session: Session, kind: str, resource: str, record_id: str) -> Gone | None:
    last = session.execute(
        select(Revision.number, Revision.kind)
        .where(Revision.resource == resource, Revision.record_id == record_id)
        .order_by(Revision.number.desc())
        .limit(1)
    ).first()
    if last is None or last.kind not in (ChangeKind.DELETE, ChangeKind.MERGE):
        return None
    # A merged record with no successor left: the record it was merged into was deleted since.
    how = "deleted" if last.kind == ChangeKind.DELETE else "merged into a record since deleted"
    return Gone(
        f"{kind} {record_id!r} was {how} (revision {last.number}); its revisions stay listed",
        revision=last.number,
    )


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
