"""Several new records written in one transaction: all of them, or none.

Each record is checked and written as its own POST would (app.curation.edits.add), in the
order given, so a record may name one written before it in the batch (a quote its new speaker);
then what reads depend on is derived once for them all (`finish`), and the dataset gets one new
version. A refusal names the write by its index: `body.writes.3.record.citations.0.excerpt`.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Connection

from app.curation.bodies import BODIES
from app.curation.check import Rejected
from app.curation.edits import Added, Written, add, finish, validated
from app.curation.ledger import Author
from app.errors import Conflict
from app.loader.records import Record

MAX_WRITES = 100
Creatable = Literal["sources", "actors", "quotes", "positions"]


class BatchWrite(BaseModel):
    model_config = ConfigDict(extra="forbid")

    resource: Creatable
    record: dict[str, Any]


class Batch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    writes: list[BatchWrite] = Field(min_length=1, max_length=MAX_WRITES)


@dataclass(frozen=True)
class NewRecord:
    """One write of a batch: the record as its POST would validate it, and its body."""

    resource: str
    record: Record
    raw: dict[str, Any]


def planned(data: Any) -> list[NewRecord]:
    """The batch's records, each validated as its own POST validates it; Rejected naming every
    field of every write that is not valid."""
    batch = validated(Batch, data)
    records: list[NewRecord] = []
    problems = []
    for index, write in enumerate(batch.writes):
        try:
            record = validated(BODIES[write.resource], write.record)
        except Rejected as error:
            problems.extend(error.under(record_field(index)).problems)
            continue
        records.append(NewRecord(write.resource, record, write.record))
    if problems:
        raise Rejected(problems)
    return records


def record_field(index: int) -> str:
    return f"writes.{index}.record"


def create_all(records: list[NewRecord], author: Author) -> Callable[[Connection], list[Written]]:
    """The work of one write transaction that creates `records` in order (see `in_write`): each
    checked and written as `create` does, then what reads depend on derived once for them all."""

    def work(connection: Connection) -> list[Written]:
        added = [_add(connection, index, new, author) for index, new in enumerate(records)]
        return finish(connection, added)

    return work


def _add(connection: Connection, index: int, new: NewRecord, author: Author) -> Added:
    try:
        return add(connection, new.resource, new.record, new.raw, author)
    except Rejected as error:
        raise error.under(record_field(index)) from None
    except Conflict as error:
        raise Conflict(f"{record_field(index)}: {error.detail}", **error.extra) from None
