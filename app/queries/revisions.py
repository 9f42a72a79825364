"""The revisions of one record: every change made to it, oldest first."""

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import Revision
from app.queries.pagination import Keyset, PageRequest, fingerprint, paginate
from app.queries.representation import READERS
from app.schemas.common import Page
from app.schemas.revisions import RevisionRead

REVISED = tuple(READERS)  # the resources whose records list their revisions


def list_revisions(
    session: Session, resource: str, record_id: str, page: PageRequest
) -> Page[RevisionRead]:
    """One page of a record's revisions, by number (404 if no revision names the record and
    no record has the id)."""
    query = select(Revision.__table__).where(
        Revision.resource == resource, Revision.record_id == record_id
    )
    query_print = fingerprint("revisions", {"resource": resource, "id": record_id})
    rows, next_cursor = paginate(session, query, Keyset(key=Revision.number), page, query_print)
    if not rows and page.cursor is None:
        READERS[resource](session, record_id)  # NotFound (or Moved) if there is no such record
    items = [RevisionRead.model_validate({**row, "made_at": _utc(row["made_at"])}) for row in rows]
    return Page[RevisionRead](items=items, next=next_cursor)


def _utc(moment: dt.datetime) -> dt.datetime:
    """SQLite keeps no zone; revisions are written in UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
