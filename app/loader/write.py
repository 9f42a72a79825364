"""Write a plan to the database in one transaction: insert, update, delete what changed."""

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from sqlalchemy import Connection, Table, bindparam, delete, insert, select, update

from app.db.models import Base
from app.loader.plan import Plan
from app.loader.rows import RecordRows, Row

CHUNK = 500

# Child tables of each resource, keyed by the column that names their owner.
CHILDREN: dict[str, dict[str, str]] = {
    "sources": {},
    "topics": {},
    "actors": {"actor_aliases": "actor_id", "affiliations": "actor_id", "citations": "actor_id"},
    "events": {
        "event_participants": "event_id",
        "event_topics": "event_id",
        "citations": "event_id",
    },
    "quotes": {"quote_topics": "quote_id", "citations": "quote_id"},
    "positions": {"position_evidence": "position_id", "citations": "position_id"},
}


@dataclass
class Change:
    inserted: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    unchanged: int = 0

    @property
    def touched(self) -> bool:
        return bool(self.inserted or self.updated or self.deleted)


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


def diff(connection: Connection, resource: str, wanted: dict[str, RecordRows]) -> Change:
    main = table(resource)
    stored: dict[str, str] = dict(connection.execute(select(main.c.id, main.c.content_hash)).all())
    change = Change()
    for record_id, rows in wanted.items():
        digest = stored.get(record_id)
        if digest is None:
            change.inserted.append(record_id)
        elif digest != rows.main["content_hash"]:
            change.updated.append(record_id)
        else:
            change.unchanged += 1
    change.deleted = [record_id for record_id in stored if record_id not in wanted]
    return change


def insert_rows(connection: Connection, name: str, rows: list[Row]) -> None:
    if rows:
        connection.execute(insert(table(name)), rows)


def upsert(connection: Connection, resource: str, plan: Plan, change: Change) -> None:
    records = plan[resource]
    main = table(resource)
    if change.updated:
        rows = [{**records[record_id].main, "record_id": record_id} for record_id in change.updated]
        connection.execute(update(main).where(main.c.id == bindparam("record_id")), rows)
        delete_children(connection, resource, change.updated)
    insert_rows(connection, resource, [records[record_id].main for record_id in change.inserted])
    fresh = [records[record_id] for record_id in (*change.updated, *change.inserted)]
    for child in dict.fromkeys(CHILDREN[resource]):
        insert_rows(connection, child, [row for rows in fresh for row in rows.children[child]])


def delete_children(connection: Connection, resource: str, ids: list[str]) -> None:
    for child, owner_column in CHILDREN[resource].items():
        column = table(child).c[owner_column]
        for batch in chunks(ids):
            connection.execute(delete(table(child)).where(column.in_(batch)))


def delete_records(connection: Connection, resource: str, ids: Iterable[str]) -> None:
    main = table(resource)
    for batch in chunks(list(ids)):
        connection.execute(delete(main).where(main.c.id.in_(batch)))


def record_dataset(connection: Connection, version: str, counts: dict[str, int]) -> None:
    dataset = table("dataset")
    values = {"version": version, "loaded_at": dt.datetime.now(dt.UTC), "counts": counts}
    if connection.execute(select(dataset.c.id)).first() is None:
        connection.execute(insert(dataset).values(id=1, **values))
    else:
        connection.execute(update(dataset).values(**values))


def stored_version(connection: Connection) -> str | None:
    return connection.execute(select(table("dataset").c.version)).scalar()
