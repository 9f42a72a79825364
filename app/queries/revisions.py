"""Revisions: those of one record, oldest first, and the change feed of every record's."""

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, RowMapping, and_, or_, select
from sqlalchemy.orm import Session

from app.db.models import Revision, Source
from app.domain import ChangeKind, TextAccess
from app.queries.pagination import Keyset, PageRequest, fingerprint, paginate
from app.queries.representation import READERS
from app.schemas.common import Page
from app.schemas.revisions import ChangeRead, RevisionRead

REVISED = tuple(READERS)  # the resources whose records list their revisions
# The resources a record of which has an address (spelling variants have none).
SERVED = ("sources", "topics", "actors", "events", "quotes", "positions")
BY_NUMBER = Keyset(key=Revision.number)
MERGED = frozenset({"actors"})  # the resources whose records may be merged into another


def list_revisions(
    session: Session, resource: str, record_id: str, page: PageRequest, keyed: bool = False
) -> Page[RevisionRead]:
    """One page of a record's revisions, by number (404 if no revision names the record and
    no record has the id). A source's text in a revision (the body of its creation) is shown as
    its `/text` is: to a request without a key (`keyed`) only where its text is public."""
    query = select(Revision.__table__).where(of_record(resource, record_id))
    query_print = fingerprint("revisions", {"resource": resource, "id": record_id})
    rows, next_cursor = paginate(session, query, BY_NUMBER, page, query_print)
    if not rows and page.cursor is None:
        READERS[resource](session, record_id)  # NotFound (or Moved) if there is no such record
    items = [RevisionRead.model_validate(_dated(row)) for row in rows]
    if resource == "sources" and not keyed and not _public_text(session, record_id):
        items = [_without_text(item) for item in items]
    return Page[RevisionRead](items=items, next=next_cursor)


def of_record(resource: str, record_id: str) -> ColumnElement[bool]:
    """The revisions that changed the record: its own, and for an actor the merges of other
    actors into it (a merge is a revision of the merged actor, and it gave the successor names
    and citations). Only actors merge: other records keep to their index's one range."""
    own = and_(Revision.resource == resource, Revision.record_id == record_id)
    if resource not in MERGED:
        return own
    merged_in = and_(
        Revision.resource == resource,
        Revision.kind == ChangeKind.MERGE,
        Revision.change["into"].as_string() == record_id,
    )
    return or_(own, merged_in)


def _public_text(session: Session, source_id: str) -> bool:
    """Whether anyone may read the source's text (not so for a deleted one: unknown)."""
    access = session.scalar(select(Source.text_access).where(Source.id == source_id))
    return access == TextAccess.PUBLIC


def _without_text(revision: RevisionRead) -> RevisionRead:
    change = revision.change
    if not (isinstance(change, dict) and change.get("text") is not None):
        return revision
    return revision.model_copy(update={"change": {**change, "text": None}})


def list_changes(session: Session, since: int, page: PageRequest) -> Page[ChangeRead]:
    """One page of every revision numbered after `since`, by number: loads' and writes'."""
    revisions = Revision.__table__.c
    query = select(
        revisions.number,
        revisions.resource,
        revisions.record_id,
        revisions.kind,
        revisions.made_at,
        revisions.author,
        revisions.summary,
    ).where(revisions.number > since)
    query_print = fingerprint("changes", {"since": since})
    rows, next_cursor = paginate(session, query, BY_NUMBER, page, query_print)
    items = [ChangeRead.model_validate({**_dated(row), "url": _url(row)}) for row in rows]
    return Page[ChangeRead](items=items, next=next_cursor)


def _url(row: RowMapping) -> str | None:
    resource = row["resource"]
    return f"/v1/{resource}/{row['record_id']}" if resource in SERVED else None


def _dated(row: RowMapping) -> dict[str, Any]:
    """The row, its time in UTC: SQLite keeps no zone, and revisions are written in UTC."""
    moment: dt.datetime = row["made_at"]
    made_at = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
    return {**row, "made_at": made_at}
