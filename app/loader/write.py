"""Write a plan to the database in one transaction: insert, update, delete what changed."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from itertools import islice
from typing import Any

import orjson
from sqlalchemy import Connection, Date, DateTime, Table, bindparam, delete, insert, select, update

from app.db.models import Base
from app.loader.plan import Plan
from app.loader.rows import Row

CHUNK = 500

# Child tables of each resource, keyed by the column that names their owner.
CHILDREN: dict[str, dict[str, str]] = {
    "sources": {"articles": "source_id"},
    "topics": {"topic_aliases": "topic_id"},
    "actors": {"actor_aliases": "actor_id", "affiliations": "actor_id", "citations": "actor_id"},
    "events": {
        "event_participants": "event_id",
        "event_topics": "event_id",
        "citations": "event_id",
    },
    "quotes": {"quote_topics": "quote_id", "citations": "quote_id"},
    "positions": {"position_evidence": "position_id", "citations": "position_id"},
    "variants": {"variant_words": "variant_id"},
}


@dataclass
class Change:
    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    unchanged: int = 0

    @property
    def touched(self) -> bool:
        return bool(self.inserted or self.updated or self.deleted)


def table(name: str) -> Table:
    return Base.metadata.tables[name]


STORED_BATCH = 5000
COUNTS = """
    SELECT sum(s.id IS NULL), sum(s.hash IS NOT r.hash), sum(s.hash IS r.hash),
           (SELECT count(*) FROM stored AS t WHERE t.resource = :resource
            AND NOT EXISTS (SELECT 1 FROM records AS k WHERE k.resource = t.resource
                            AND k.id = t.id))
    FROM records AS r LEFT JOIN stored AS s ON s.resource = r.resource AND s.id = r.id
    WHERE r.resource = :resource
"""


def diff(connection: Connection, resource: str, plan: Plan) -> Change:
    """Compare the plan's content hashes with the stored ones (copied into the scratch file)."""
    main = table(resource)
    query = select(main.c.id, main.c.content_hash).execution_options(yield_per=STORED_BATCH)
    for rows in connection.execute(query).partitions():
        plan.scratch.run("INSERT INTO stored VALUES (?, ?, ?)", ((resource, *row) for row in rows))
    counts = plan.scratch.db.execute(COUNTS, {"resource": resource}).fetchone()
    inserted, fresh, unchanged, deleted = (count or 0 for count in counts)
    return Change(inserted, fresh - inserted, deleted, unchanged)


# The records that are new or changed: their main rows, then their child rows.
FRESH_MAIN = """
    SELECT r.main, r.hash, s.id IS NOT NULL FROM records AS r
    LEFT JOIN stored AS s ON s.resource = r.resource AND s.id = r.id
    WHERE r.resource = ? AND s.hash IS NOT r.hash ORDER BY r.seq
"""
FRESH_CHILDREN = """
    SELECT r.children FROM records AS r
    LEFT JOIN stored AS s ON s.resource = r.resource AND s.id = r.id
    WHERE r.resource = ? AND s.hash IS NOT r.hash ORDER BY r.seq
"""
GONE = """
    SELECT id FROM stored AS s WHERE resource = ?
    AND NOT EXISTS (SELECT 1 FROM records AS k WHERE k.resource = s.resource AND k.id = s.id)
"""


def upsert(connection: Connection, resource: str, plan: Plan) -> None:
    """Write the records that are new or changed: main rows first, then their children (an
    actor's affiliation may name an actor of a later batch)."""
    for batch in plan.batches(FRESH_MAIN, resource):
        write_main_rows(connection, resource, batch)
    for batch in plan.batches(FRESH_CHILDREN, resource):
        write_child_rows(connection, resource, [blob for (blob,) in batch])


def write_main_rows(
    connection: Connection, resource: str, batch: list[tuple[bytes, str, bool]]
) -> None:
    """Write main rows, each (its JSON as staged, its content hash, whether it is stored
    already): the stored ones are updated and lose their child rows, the others inserted."""
    main = table(resource)
    updated: list[Row] = []
    inserted: list[Row] = []
    for blob, digest, stored in batch:
        row = typed(resource, orjson.loads(blob))
        row["content_hash"] = digest
        (updated if stored else inserted).append(row)
    if updated:
        rows = [{**row, "record_id": row["id"]} for row in updated]
        connection.execute(update(main).where(main.c.id == bindparam("record_id")), rows)
        delete_children(connection, resource, [row["id"] for row in updated])
    insert_rows(connection, resource, inserted)


def write_child_rows(connection: Connection, resource: str, blobs: list[bytes]) -> None:
    """Insert the child rows of records (each record's children as staged, in JSON)."""
    children = [orjson.loads(blob) for blob in blobs]
    for child in dict.fromkeys(CHILDREN[resource]):
        rows = [typed(child, row) for owned in children for row in owned[child]]
        insert_rows(connection, child, rows)


@cache
def _parsers(name: str) -> list[tuple[str, Callable[[str], Any]]]:
    parsers: list[tuple[str, Callable[[str], Any]]] = []
    for column in table(name).columns:
        if isinstance(column.type, DateTime):
            parsers.append((column.name, dt.datetime.fromisoformat))
        elif isinstance(column.type, Date):
            parsers.append((column.name, dt.date.fromisoformat))
    return parsers


def typed(name: str, row: Row) -> Row:
    """A row read back from its JSON with its dates and times as Python objects again (enums
    may stay strings: the enum columns take their values)."""
    for column, parse in _parsers(name):
        value = row.get(column)
        if value is not None:
            row[column] = parse(value)
    return row


def insert_rows(connection: Connection, name: str, rows: list[Row]) -> None:
    if rows:
        connection.execute(insert(table(name)), rows)


def delete_children(connection: Connection, resource: str, ids: list[str]) -> None:
    for child, owner_column in CHILDREN[resource].items():
        column = table(child).c[owner_column]
        for start in range(0, len(ids), CHUNK):
            batch = ids[start : start + CHUNK]
            connection.execute(delete(table(child)).where(column.in_(batch)))


def delete_records(connection: Connection, resource: str, plan: Plan) -> None:
    """Delete the stored records the seed no longer has."""
    main = table(resource)
    gone = (row[0] for row in plan.scratch.rows(GONE, resource))
    while batch := list(islice(gone, CHUNK)):
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
