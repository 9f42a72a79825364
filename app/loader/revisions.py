"""A load's revisions: one per record it inserts, updates or deletes (author `summitkb load`),
and the mark that says which revisions it saw, so that an edit made through the API after it is
never overwritten by the next load without being asked."""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from app.db.models import Dataset, Revision
from app.domain import ChangeKind
from app.loader.plan import Plan
from app.loader.records import RESOURCES
from app.loader.write import GONE

LOAD_AUTHOR = "summitkb load"
BATCH = 5000  # revisions per INSERT

# What a load writes, read from the scratch file after `diff` copied the stored hashes into it
# (GONE: what it deletes).
WRITTEN = """
    SELECT r.id, r.hash, s.id IS NULL FROM records AS r
    LEFT JOIN stored AS s ON s.resource = r.resource AND s.id = r.id
    WHERE r.resource = ? AND s.hash IS NOT r.hash ORDER BY r.seq
"""


@dataclass(frozen=True)
class Edit:
    """A record changed through the API since the last load."""

    resource: str
    record_id: str
    revisions: int
    last_author: str


class EditsWouldBeLost(Exception):
    """Records edited through the API since the last load, which loading the seed would
    overwrite or delete."""

    def __init__(self, edits: list[Edit]) -> None:
        super().__init__(f"{len(edits)} record(s) edited through the API since the last load")
        self.edits = edits


def edits_since_load(connection: Connection) -> list[Edit]:
    """The records with revisions by a key after the last load's mark (all of them, if the
    database was never loaded)."""
    mark = connection.scalar(select(Dataset.last_revision)) or 0
    last = func.max(Revision.number)
    query = (
        select(Revision.resource, Revision.record_id, func.count(), last)
        .where(Revision.by_key, Revision.number > mark)
        .group_by(Revision.resource, Revision.record_id)
        .order_by(last)
    )
    rows = connection.execute(query).all()
    authors = dict(
        connection.execute(
            select(Revision.number, Revision.author).where(
                Revision.number.in_([r[3] for r in rows])
            )
        ).all()
    )
    return [Edit(row[0], row[1], row[2], authors[row[3]]) for row in rows]


def load_revisions(plan: Plan, summary: str) -> Iterator[dict[str, Any]]:
    """The revision rows of what the load writes, in the order it writes them."""
    made_at = dt.datetime.now(dt.UTC)
    common = {"made_at": made_at, "author": LOAD_AUTHOR, "by_key": False, "summary": summary}
    for resource in RESOURCES:
        for record_id, digest, new in plan.scratch.rows(WRITTEN, resource):
            kind = ChangeKind.CREATE if new else ChangeKind.UPDATE
            change = {"content_hash": digest}
            yield {
                **common,
                "resource": resource,
                "record_id": record_id,
                "kind": kind,
                "change": change,
            }
    for resource in reversed(RESOURCES):
        for (record_id,) in plan.scratch.rows(GONE, resource):
            change = {"content_hash": None}
            yield {
                **common,
                "resource": resource,
                "record_id": record_id,
                "kind": ChangeKind.DELETE,
                "change": change,
            }


def write_load_revisions(connection: Connection, plan: Plan, version: str) -> None:
    """Insert the load's revisions, BATCH rows per statement."""
    rows = load_revisions(plan, f"the seed loaded as dataset {version[:12]}")
    while batch := list(islice(rows, BATCH)):
        connection.execute(insert(Revision), batch)


def mark_load(connection: Connection) -> None:
    """Note on the dataset row the last revision there is now: the load has seen it."""
    last = connection.scalar(select(func.max(Revision.number)))
    connection.execute(update(Dataset).values(last_revision=last))
