"""Delete a record, in the caller's one transaction: only if no other record refers to it (409
naming those that do), and only the representation `If-Match` names. The deletion is a revision;
the read model is refreshed and the dataset given a new version, as for any write."""

from dataclasses import dataclass

from sqlalchemy import Connection, delete

from app import derived
from app.curation.ledger import Author, current_tag, next_version, record_revision
from app.curation.referrers import referrers
from app.db.models import ReplacedId
from app.domain import ChangeKind
from app.errors import Conflict
from app.loader.write import table

DELETABLE = ("sources", "topics", "actors", "events", "quotes", "positions")


@dataclass(frozen=True)
class Deleted:
    """A record a write deleted: the revision that did, and the dataset version it left."""

    resource: str
    record_id: str
    revision: int
    version: str


def remove(
    connection: Connection, resource: str, record_id: str, if_match: str, author: Author
) -> Deleted:
    """Delete the record whose answer `if_match` names, with its own rows (aliases, citations,
    articles...) and the ids it replaced; refused while another record refers to it."""
    tag = current_tag(connection, resource, record_id, if_match)
    referring = referrers(connection, resource, record_id)
    if referring:
        named = "; ".join(f"{name}: {', '.join(ids)}" for name, ids in referring.items())
        raise Conflict(
            f"{resource[:-1]} {record_id!r} is referred to by other records ({named}): change "
            "or delete them first",
            referrers=referring,
        )
    main = table(resource)
    # Its child rows go with it (ON DELETE CASCADE), as when a load deletes a record.
    connection.execute(delete(main).where(main.c.id == record_id))
    connection.execute(
        delete(ReplacedId).where(ReplacedId.resource == resource, ReplacedId.new_id == record_id)
    )
    change = {"content_hash": None}
    number = record_revision(connection, resource, record_id, ChangeKind.DELETE, change, author)
    derived.refresh(connection, {resource: [record_id]})
    version = next_version(connection, number, f"deleted {resource} {record_id} {tag}")
    return Deleted(resource, record_id, number, version)
