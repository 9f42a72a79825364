"""Merge an actor into another, in the caller's one transaction: every record that names it is
rewritten to name its successor (checked by the loader's rules, as any write), the successor
takes its names, affiliations and citations, the actor goes and its id answers as the
successor's. One revision, of kind `merge`, on the merged actor lists what moved."""

from typing import Any

from sqlalchemy import Connection, delete, insert, select, update

from app import derived
from app.curation.check import BODY, Rejected, check_record
from app.curation.edits import Written, validated, write_staged
from app.curation.ledger import Author, answer, current_tag, next_version, record_revision
from app.curation.referrers import referrers
from app.curation.stored import stored_record
from app.db.models import Actor, ReplacedId
from app.domain import ChangeKind
from app.etags import strong_tag
from app.loader.problems import Problem
from app.loader.read import Located
from app.loader.records import RESOURCES

# The fields of a record's seed form that name an actor.
ACTOR_FIELDS = ("speaker", "actor", "reported_by", "organisation")


def merge_into(
    connection: Connection, actor_id: str, into: str, if_match: str, author: Author
) -> Written:
    """Merge the actor whose answer `if_match` names into the actor `into`; `into` as the
    merge left it."""
    tag = current_tag(connection, "actors", actor_id, if_match)
    _check_successor(connection, actor_id, into)
    merged = stored_record(connection, "actors", actor_id) or {}
    _rewrite(connection, "actors", into, lambda form: _taking(form, merged))
    moved = referrers(connection, "actors", actor_id)
    for resource, ids in moved.items():
        for record_id in ids:
            _rewrite(connection, resource, record_id, lambda form: _renamed(form, actor_id, into))
    connection.execute(delete(Actor).where(Actor.id == actor_id))
    _replace(connection, actor_id, into)
    change = {"into": into, "moved": moved}
    number = record_revision(connection, "actors", actor_id, ChangeKind.MERGE, change, author)
    derived.refresh(connection, _touched(actor_id, into, moved))
    version = next_version(connection, number, f"merged actors {actor_id} {tag} into {into}")
    body = answer(connection, "actors", into)
    return Written("actors", into, body, strong_tag(body), number, version)


def _check_successor(connection: Connection, actor_id: str, into: str) -> None:
    if into == actor_id:
        raise Rejected([Problem(BODY, 0, "into", "an actor is not merged into itself")])
    if connection.scalar(select(Actor.id).where(Actor.id == into)) is None:
        raise Rejected([Problem(BODY, 0, "into", f"no actor with id {into!r}")])


def _rewrite(connection: Connection, resource: str, record_id: str, change: Any) -> None:
    """Write the record again, its seed form changed by `change`, checked as an edit is."""
    form = change(stored_record(connection, resource, record_id) or {})
    record = validated(RESOURCES[resource], form)
    try:
        staged = check_record(connection, resource, Located(record, BODY, 0, form))
    except Rejected as error:
        # The body names only `into`: each problem says which record the merge would break.
        raise Rejected(
            [_broken(resource, record_id, problem) for problem in error.problems]
        ) from None
    write_staged(connection, resource, record_id, staged, stored=True)


def _broken(resource: str, record_id: str, problem: Problem) -> Problem:
    where = f" ({problem.field})" if problem.field else ""
    reason = f"{resource[:-1]} {record_id!r} would fail{where}: {problem.reason}"
    return Problem(BODY, 0, "into", reason)


def _taking(form: dict[str, Any], merged: dict[str, Any]) -> dict[str, Any]:
    """The successor's seed form with the merged actor's names (so that every excerpt that
    named the merged actor still names its successor), affiliations and citations; an
    affiliation of one of the two to the other would make it a member of itself, and goes."""
    names = [merged.get("name"), *merged.get("aliases", [])]
    own = {form["name"], *form.get("aliases", [])}
    aliases = [*form.get("aliases", []), *(n for n in dict.fromkeys(names) if n and n not in own)]
    affiliations = [
        *(a for a in form.get("affiliations", []) if a.get("organisation") != merged.get("id")),
        *(a for a in merged.get("affiliations", []) if a.get("organisation") != form["id"]),
    ]
    citations = [*form.get("citations", [])]
    citations += [c for c in merged.get("citations", []) if c not in citations]
    taken = {"aliases": aliases, "affiliations": affiliations, "citations": citations}
    kept = {name: value for name, value in form.items() if name not in taken}
    return {**kept, **{name: value for name, value in taken.items() if value}}


def _renamed(value: Any, old: str, new: str) -> Any:
    """A seed form with every actor field that names `old` naming `new`; a list of
    participants keeps one entry per actor."""
    if isinstance(value, list):
        items = [_renamed(item, old, new) for item in value]
        return _one_per_actor(items)
    if isinstance(value, dict):
        return {
            key: new if key in ACTOR_FIELDS and item == old else _renamed(item, old, new)
            for key, item in value.items()
        }
    return value


def _one_per_actor(items: list[Any]) -> list[Any]:
    seen: set[str] = set()
    kept = []
    for item in items:
        actor = item.get("actor") if isinstance(item, dict) else None
        if isinstance(actor, str):
            if actor in seen:
                continue
            seen.add(actor)
        kept.append(item)
    return kept


def _replace(connection: Connection, actor_id: str, into: str) -> None:
    """The merged actor's id, and the ids it replaced, now name its successor."""
    replaced = (ReplacedId.resource == "actors") & (ReplacedId.new_id == actor_id)
    connection.execute(update(ReplacedId).where(replaced).values(new_id=into))
    connection.execute(insert(ReplacedId).values(resource="actors", old_id=actor_id, new_id=into))


def _touched(actor_id: str, into: str, moved: dict[str, list[str]]) -> dict[str, list[str]]:
    touched = {resource: list(ids) for resource, ids in moved.items()}
    touched.setdefault("actors", []).extend([actor_id, into])
    return touched
