"""What a search hit tells of its record besides its words: who and when, so that a client needs
no request per hit. One query per kind of record on the page."""

from collections.abc import Iterable
from typing import Any

from sqlalchemy import BindParameter, Select, bindparam, select
from sqlalchemy.orm import Session, aliased

from app.db.models import Actor, Event, Position, Quote, Source, Topic
from app.domain import Precision
from app.schemas.common import Ref

Details = dict[str, Any]
NONE: Details = {
    "date": None,
    "precision": None,
    "speaker": None,
    "actor": None,
    "topic": None,
    "stance": None,
    "status": None,
}
IDS: BindParameter[Any] = bindparam("ids", expanding=True)
_speaker, _holder = aliased(Actor), aliased(Actor)
QUERIES: dict[str, Select[*tuple[Any, ...]]] = {
    "quote": select(Quote.id, Quote.said_on, Quote.said_precision, _speaker.id, _speaker.name)
    .join(_speaker, _speaker.id == Quote.speaker_id)
    .where(Quote.id.in_(IDS)),
    "position": select(
        Position.id,
        Position.held_on,
        Position.held_precision,
        Position.stance,
        _holder.id,
        _holder.name,
        Topic.id,
        Topic.name,
    )
    .join(_holder, _holder.id == Position.actor_id)
    .join(Topic, Topic.id == Position.topic_id)
    .where(Position.id.in_(IDS)),
    "event": select(Event.id, Event.start_on, Event.start_precision, Event.status).where(
        Event.id.in_(IDS)
    ),
    "source": select(Source.id, Source.published_on).where(Source.id.in_(IDS)),
}


def _details(record_type: str, row: Any) -> Details:
    if record_type == "quote":
        _, on, precision, speaker_id, speaker_name = row
        speaker = Ref(id=speaker_id, name=speaker_name)
        return {"date": on, "precision": precision, "speaker": speaker}
    if record_type == "position":
        _, on, precision, stance, actor_id, actor_name, topic_id, topic_name = row
        return {
            "date": on,
            "precision": precision,
            "stance": stance,
            "actor": Ref(id=actor_id, name=actor_name),
            "topic": Ref(id=topic_id, name=topic_name),
        }
    if record_type == "event":
        _, on, precision, status = row
        return {"date": on, "precision": precision, "status": status}
    return {"date": row[1], "precision": Precision.DAY}  # a source: the day it was published


def details(session: Session, hits: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Details]:
    """The details of each (record type, id) hit; every field null where its kind has none."""
    wanted: dict[str, list[str]] = {}
    for record_type, record_id in hits:
        wanted.setdefault(record_type, []).append(record_id)
    found: dict[tuple[str, str], Details] = {}
    for record_type, ids in wanted.items():
        if record_type in QUERIES:
            for row in session.execute(QUERIES[record_type], {"ids": ids}):
                found[record_type, row[0]] = {**NONE, **_details(record_type, row)}
    return found
