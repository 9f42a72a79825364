"""The ids a filter may name: an id that names no record is an error that suggests the nearest
ids by name and alias, not an empty page that reads as "no data".

The ids of a resource and the names people call its records by are read once per dataset
version (they change only with the dataset) and matched with RapidFuzz; a request whose ids are
known costs a set lookup each. An id a record replaced names that record (app.queries.successors).
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process, utils
from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from app.db.models import Actor, ActorAlias, Event, Source, Topic
from app.errors import InvalidParameter
from app.queries.dataset_version import PerVersion
from app.queries.successors import replacements

SUGGESTIONS = 3
SCORE_CUTOFF = 70  # out of 100: below it a spelling is too far from what was typed to suggest
CLOSE_TO_BEST = 10  # suggestions scoring this much below the best one are left out
SINGULAR = {"actors": "actor", "topics": "topic", "events": "event", "sources": "source"}
# The spellings of each resource a filter names: (id, name or alias) pairs.
SPELLINGS = {
    "actors": [select(Actor.id, Actor.name), select(ActorAlias.actor_id, ActorAlias.alias)],
    "topics": [select(Topic.id, Topic.name)],
    "events": [select(Event.id, Event.title)],
    "sources": [select(Source.id, Source.title)],
}


@dataclass(frozen=True)
class Vocabulary:
    """The ids of one resource, and every spelling of them (ids, names, aliases) with its id."""

    ids: frozenset[str]
    spellings: tuple[str, ...]
    owners: tuple[str, ...]  # the id each spelling spells

    def nearest(self, given: str) -> list[str]:
        """The ids whose spellings are closest to `given`, best first."""
        matches = process.extract(
            given,
            self.spellings,
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            limit=SUGGESTIONS * 4,
            score_cutoff=SCORE_CUTOFF,
        )
        best = matches[0][1] if matches else 0
        close = (index for _, score, index in matches if score >= best - CLOSE_TO_BEST)
        return list(dict.fromkeys(self.owners[index] for index in close))[:SUGGESTIONS]


def vocabulary(pairs: Iterable[tuple[str, str]]) -> Vocabulary:
    """From (id, spelling) pairs; every id is also a spelling of itself."""
    spelled = list(pairs)
    ids = frozenset(record_id for record_id, _ in spelled)
    spelled += [(record_id, record_id) for record_id in sorted(ids)]
    return Vocabulary(ids, tuple(s for _, s in spelled), tuple(i for i, _ in spelled))


def read_vocabularies(connection: Connection) -> dict[str, Vocabulary]:
    return {
        resource: vocabulary(
            (row[0], row[1]) for query in queries for row in connection.execute(query)
        )
        for resource, queries in SPELLINGS.items()
    }


# Every filtered resource's vocabulary in the dataset a session reads.
vocabularies: PerVersion[dict[str, Vocabulary]] = PerVersion(read_vocabularies)


def check_ids(session: Session, filters: Mapping[str, tuple[str, Sequence[str] | None]]) -> None:
    """Raise a 422 naming each filter whose id names no record of its resource (an id a record
    replaced names its successor): `filters` maps a parameter to (resource, the ids given)."""
    known, replaced = vocabularies(session), replacements(session)
    errors = [
        unknown(parameter, resource, record_id, known[resource])
        for parameter, (resource, given) in filters.items()
        for record_id in given or ()
        if replaced.get((resource, record_id), record_id) not in known[resource].ids
    ]
    if errors:
        detail = "; ".join(f"{error['location']}: {error['message']}" for error in errors)
        raise InvalidParameter(detail, errors=errors)


def unknown(parameter: str, resource: str, given: str, known: Vocabulary) -> dict[str, str]:
    message = f"no {SINGULAR[resource]} has the id {given!r}"
    nearest = known.nearest(given)
    if nearest:
        message += "; did you mean " + " or ".join(f"{id_!r}" for id_ in nearest) + "?"
    return {"location": f"query.{parameter}", "message": message}
