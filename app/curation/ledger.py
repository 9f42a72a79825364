"""What every change through the API leaves behind, whatever it changes: the check that it was
made against the current record (If-Match), its revision, and a new dataset version."""

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, insert, select
from sqlalchemy.orm import Session

from app.db.models import Revision
from app.domain import ChangeKind
from app.errors import PreconditionFailed
from app.etags import matches, strong_tag
from app.loader.records import RESOURCES
from app.loader.write import record_dataset, stored_version, table
from app.queries.representation import representation


@dataclass(frozen=True)
class Author:
    """Who makes a change (a key's name) and why, in their words."""

    name: str
    summary: str | None = None


def answer(connection: Connection, resource: str, record_id: str) -> bytes:
    """The record's answer as a read sends it (NotFound, Moved or Gone if there is none)."""
    with Session(connection) as session:
        return representation(session, resource, record_id)


def current_tag(connection: Connection, resource: str, record_id: str, if_match: str) -> str:
    """The strong ETag of the record's answer, if `if_match` names it (else 412)."""
    tag = strong_tag(answer(connection, resource, record_id))
    if not matches(if_match, tag):
        raise PreconditionFailed(
            f"If-Match names no current representation of {resource[:-1]} {record_id!r}: "
            f"it changed since (its ETag is now {tag}); read it again and re-apply the change",
            etag=tag,
        )
    return tag


def record_revision(
    connection: Connection,
    resource: str,
    record_id: str,
    kind: ChangeKind,
    change: Any,
    author: Author,
) -> int:
    """Add the revision of a change made by `author`'s key; its number."""
    number = connection.scalar(
        insert(Revision)
        .values(
            resource=resource,
            record_id=record_id,
            kind=kind,
            made_at=dt.datetime.now(dt.UTC),
            author=author.name,
            by_key=True,
            summary=author.summary,
            change=change,
        )
        .returning(Revision.number)
    )
    return int(number or 0)


def next_version(connection: Connection, revision: int, digest: str) -> str:
    """A version of its own for the dataset as this write leaves it: from the one before, the
    revision and what it wrote (so a write rolled back and made again names the same data)."""
    previous = stored_version(connection) or ""
    version = hashlib.sha256(f"{previous}\n{revision}\n{digest}".encode()).hexdigest()
    record_dataset(connection, version, _counts(connection))
    return version


def _counts(connection: Connection) -> dict[str, int]:
    names = [*RESOURCES, "citations"]
    return {
        name: int(connection.scalar(select(func.count()).select_from(table(name))) or 0)
        for name in names
    }
