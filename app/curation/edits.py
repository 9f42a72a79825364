"""Create and edit records, each in the caller's one transaction: the body is the loader's own
record model, checked by the loader's own checks, written by its own writers; then a revision,
the read model refreshed (app.derived.refresh) and a new dataset version."""

import copy
import hashlib
from dataclasses import dataclass
from typing import Any, TypeVar

import json_merge_patch
from pydantic import BaseModel, ValidationError
from sqlalchemy import Connection, delete, insert, select

from app import derived
from app.curation.check import BODY, Rejected, Staged, check_record
from app.curation.dependents import check_dependents
from app.curation.knowledge import resource_of
from app.curation.ledger import Author, answer, current_tag, next_version, record_revision
from app.curation.stored import stored_record
from app.db.models import ReplacedId
from app.domain import ChangeKind
from app.errors import Conflict, NotFound
from app.etags import strong_tag
from app.loader.problems import Problem
from app.loader.read import Located
from app.loader.records import RESOURCES, Record
from app.loader.write import stored_version, table, write_child_rows, write_main_rows

EDITABLE = ("topics", "actors", "events", "quotes", "positions")
Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class Written:
    """A record as a write left it: its answer, that answer's ETag, the revision made (None if
    the edit changed nothing) and the dataset version."""

    resource: str
    record_id: str
    body: bytes
    etag: str
    revision: int | None
    version: str


def validated(model: type[Model], data: Any) -> Model:
    """`data` as a record of `model`; Rejected naming each field that is not valid."""
    if not isinstance(data, dict):
        raise Rejected([Problem(BODY, 0, "", "a record is a JSON object")])
    try:
        return model.model_validate(data)
    except ValidationError as error:
        problems = [
            Problem(BODY, 0, ".".join(str(step) for step in item["loc"]), item["msg"])
            for item in error.errors(include_url=False)
        ]
        raise Rejected(problems) from None


@dataclass(frozen=True)
class Added:
    """A record written in this transaction, with its revision, that `finish` has yet to
    derive what reads depend on from."""

    resource: str
    record_id: str
    revision: int
    digest: str


def create(
    connection: Connection, resource: str, record: Record, raw: dict[str, Any], author: Author
) -> Written:
    """Add a new record (its id must be free in every resource): 409 if taken."""
    (written,) = finish(connection, [add(connection, resource, record, raw, author)])
    return written


def add(
    connection: Connection, resource: str, record: Record, raw: dict[str, Any], author: Author
) -> Added:
    """What `create` does before `finish`: the record checked against the dataset as this
    transaction has it so far, written, and its revision. A batch adds each of its records in
    turn, then finishes them all at once."""
    record_id: str = getattr(record, "id")  # noqa: B009 - every written record has one
    holder = resource_of(connection, record_id)
    if holder is not None:
        raise Conflict(f"id {record_id!r} is already taken by one of the {holder}", id=record_id)
    staged = check_record(connection, resource, Located(record, BODY, 0, raw))
    write_staged(connection, resource, record_id, staged, stored=False)
    number = record_revision(connection, resource, record_id, ChangeKind.CREATE, raw, author)
    return Added(resource, record_id, number, staged.digest)


def update(
    connection: Connection,
    resource: str,
    record_id: str,
    patch: Any,
    if_match: str,
    author: Author,
) -> Written:
    """Apply a JSON merge patch (RFC 7386) to a record whose answer `if_match` names."""
    tag = current_tag(connection, resource, record_id, if_match)
    current = stored_record(connection, resource, record_id)
    if current is None:  # the answer was read in this very transaction
        raise NotFound(f"no {resource[:-1]} with id {record_id!r}")
    if not isinstance(patch, dict):
        raise Rejected([Problem(BODY, 0, "", "a merge patch of a record is a JSON object")])
    patched = json_merge_patch.merge(copy.deepcopy(current), patch)
    if patched.get("id") != record_id:
        raise Rejected([Problem(BODY, 0, "id", "a record's id does not change")])
    record = validated(RESOURCES[resource], patched)
    staged = check_record(connection, resource, Located(record, BODY, 0, patched))
    if staged.digest == _stored_hash(connection, resource, record_id):
        return _unchanged(connection, resource, record_id, tag)
    write_staged(connection, resource, record_id, staged, stored=True)
    check_dependents(connection, resource, record_id)
    number = record_revision(connection, resource, record_id, ChangeKind.UPDATE, patch, author)
    (written,) = finish(connection, [Added(resource, record_id, number, staged.digest)])
    return written


def _stored_hash(connection: Connection, resource: str, record_id: str) -> str | None:
    main = table(resource)
    hashed: str | None = connection.scalar(
        select(main.c.content_hash).where(main.c.id == record_id)
    )
    return hashed


def _unchanged(connection: Connection, resource: str, record_id: str, tag: str) -> Written:
    body = answer(connection, resource, record_id)
    return Written(resource, record_id, body, tag, None, stored_version(connection) or "")


def write_staged(
    connection: Connection, resource: str, record_id: str, staged: Staged, stored: bool
) -> None:
    """The record's rows, by the loader's writers, and the ids it replaces."""
    write_main_rows(connection, resource, [(staged.main, staged.digest, stored)])
    write_child_rows(connection, resource, [staged.children])
    connection.execute(
        delete(ReplacedId).where(ReplacedId.resource == resource, ReplacedId.new_id == record_id)
    )
    replaced = staged.children_of("replaced_ids")
    if replaced:
        connection.execute(insert(ReplacedId), replaced)


def finish(connection: Connection, added: list[Added]) -> list[Written]:
    """Derive again what reads depend on, for every record `added`, and give the dataset one new
    version; each record's answer as the next read will send it."""
    changed: dict[str, list[str]] = {}
    for record in added:
        changed.setdefault(record.resource, []).append(record.record_id)
    derived.refresh(connection, changed)
    digests = [record.digest for record in added]
    digest = digests[0] if len(digests) == 1 else _digest("\n".join(digests))
    version = next_version(connection, added[-1].revision, digest)
    return [_written(connection, record, version) for record in added]


def _written(connection: Connection, added: Added, version: str) -> Written:
    body = answer(connection, added.resource, added.record_id)
    return Written(added.resource, added.record_id, body, strong_tag(body), added.revision, version)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
