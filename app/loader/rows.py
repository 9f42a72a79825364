"""Turn checked seed records into the rows of each table, with a content hash per record."""

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import orjson

from app.loader.articles import article_problems, article_rows
from app.loader.read import Located
from app.loader.records import (
    ActorRecord,
    EventRecord,
    PositionRecord,
    QuoteRecord,
    SourceRecord,
    TopicRecord,
    VariantRecord,
)
from app.loader.variants import checked_words
from app.loader.verify import SeedChecker

Row = dict[str, Any]


@dataclass
class RecordRows:
    """The main row of one record and the rows of its child tables."""

    main: Row
    children: dict[str, list[Row]] = field(default_factory=dict)


# What a curator wrote of a record that no other column keeps: stored, so that the record can
# be read back whole (and edited) as it was written.
CURATED = ("note", "dated_by", "distinct_from", "named_as")


def curated(record: Any, **more: Any) -> dict[str, Any] | None:
    """What `record` says in CURATED fields, and `more` that no column keeps (when not empty)."""
    kept = {name: getattr(record, name) for name in CURATED if getattr(record, name, None)}
    kept.update({name: value for name, value in more.items() if value})
    return kept or None


def _cited(citations: list[Any]) -> list[dict[str, Any]]:
    """Citations as a seed writes them (for records whose citations no table keeps)."""
    return [citation.model_dump(exclude_none=True) for citation in citations]


def as_json(rows: Row | dict[str, list[Row]]) -> bytes:
    """Rows as the scratch file keeps them and as their content hash reads them."""
    return orjson.dumps(rows, option=orjson.OPT_SORT_KEYS)


def content_hash(main: bytes, children: bytes) -> str:
    """A hash of everything a record writes: its main row and its child rows, as `as_json`
    writes them (the JSON of the pair, written without parsing either again)."""
    return hashlib.sha256(b"[" + main + b"," + children + b"]").hexdigest()


def source_rows(check: SeedChecker, located: Located) -> RecordRows | None:
    record: SourceRecord = located.record
    document = check.document(located)
    if document is None:
        return None
    published = record.published_at
    timed = isinstance(published, dt.datetime)
    main = {
        "id": record.id,
        "file": record.file,
        "title": record.title,
        "publisher": record.publisher,
        "byline": record.byline,
        "published_on": published.date() if isinstance(published, dt.datetime) else published,
        "published_at": published if timed else None,
        "url": record.url,
        "language": record.language,
        "time_zone": record.time_zone,
        "rights": record.rights,
        "text_access": record.text_access,
        "text": document.text,
        "sha256": document.sha256,
        "length": len(document.text),
        "curated": curated(record, article_notes={a.id: a.note for a in record.articles if a.note}),
    }
    for loc, reason in article_problems(record.articles, document.text):
        check.report(located, loc, reason)
    check.stage_articles(record.id, record.articles)
    return RecordRows(main, {"articles": article_rows(record.id, record.articles)})


def topic_rows(check: SeedChecker, located: Located) -> RecordRows:
    record: TopicRecord = located.record
    main = {
        "id": record.id,
        "name": record.name,
        "description": record.description,
        "curated": curated(record),
    }
    aliases = [
        {"topic_id": record.id, "alias": alias, "ordinal": index}
        for index, alias in enumerate(dict.fromkeys(record.aliases))
    ]
    return RecordRows(main, {"topic_aliases": aliases})


def actor_rows(check: SeedChecker, located: Located) -> RecordRows:
    record: ActorRecord = located.record
    main = {
        "id": record.id,
        "name": record.name,
        "kind": record.kind,
        "description": record.description,
        "curated": curated(record),
    }
    aliases = [
        {"actor_id": record.id, "alias": alias, "ordinal": index}
        for index, alias in enumerate(dict.fromkeys(record.aliases))
    ]
    citations = check.citations(located, ("actor", record.id), record.citations)
    affiliations = []
    for index, affiliation in enumerate(record.affiliations):
        affiliation_id = f"{record.id}/{index}"
        if affiliation.organisation is not None:
            loc = ("affiliations", index, "organisation")
            check.ref(located, loc, "actors", affiliation.organisation)
        affiliations.append(
            {
                "id": affiliation_id,
                "actor_id": record.id,
                "organisation_id": affiliation.organisation,
                "role": affiliation.role,
                "started_on": affiliation.from_.on,
                "started_precision": affiliation.from_.precision,
                "ended_on": affiliation.to.on,
                "ended_precision": affiliation.to.precision,
                "ordinal": index,
            }
        )
        citations += check.citations(
            located,
            ("affiliation", affiliation_id),
            affiliation.citations,
            ("affiliations", index, "citations"),
        )
    children: dict[str, list[Row]] = {
        "actor_aliases": aliases,
        "affiliations": affiliations,
        "citations": citations,
    }
    return RecordRows(main, children)


def event_rows(check: SeedChecker, located: Located) -> RecordRows:
    record: EventRecord = located.record
    main = {
        "id": record.id,
        "title": record.title,
        "kind": record.kind,
        "status": record.status,
        "start_on": record.start.on,
        "start_precision": record.start.precision,
        "end_on": record.end.on,
        "end_precision": record.end.precision,
        "place": record.place,
        "description": record.description,
        "curated": curated(record),
    }
    for index, participant in enumerate(record.participants):
        check.ref(located, ("participants", index, "actor"), "actors", participant.actor)
    check.refs(located, "topics", "topics", record.topics)
    participants = [
        {"event_id": record.id, "actor_id": p.actor, "role": p.role, "ordinal": index}
        for index, p in enumerate(record.participants)
    ]
    children: dict[str, list[Row]] = {
        "event_participants": participants,
        "event_topics": [{"event_id": record.id, "topic_id": t} for t in record.topics],
        "citations": check.citations(located, ("event", record.id), record.citations),
    }
    return RecordRows(main, children)


def quote_rows(check: SeedChecker, located: Located) -> RecordRows:
    record: QuoteRecord = located.record
    main = {
        "id": record.id,
        "text": record.text,
        "speaker_id": record.speaker,
        "said_on": record.said_on.on,
        "said_precision": record.said_on.precision,
        "is_fragment": record.fragment,
        "event_id": record.event,
        "translated_from": record.translated_from,
        "translated_by": record.translated_by,
        "curated": curated(record),
    }
    check.ref(located, ("speaker",), "actors", record.speaker)
    if record.event is not None:
        check.ref(located, ("event",), "events", record.event)
    check.refs(located, "topics", "topics", record.topics)
    found = check.citations(
        located, ("quote", record.id), record.citations, must_contain=record.text
    )
    children: dict[str, list[Row]] = {
        "quote_topics": [{"quote_id": record.id, "topic_id": t} for t in record.topics],
        "citations": found,
    }
    return RecordRows(main, children)


def position_rows(check: SeedChecker, located: Located) -> RecordRows:
    record: PositionRecord = located.record
    main = {
        "id": record.id,
        "actor_id": record.actor,
        "topic_id": record.topic,
        "stance": record.stance,
        "statement": record.statement,
        "held_on": record.held_on.on,
        "held_precision": record.held_on.precision,
        "reported_by_id": record.reported_by,
        "curated": curated(record),
    }
    check.ref(located, ("actor",), "actors", record.actor)
    check.ref(located, ("topic",), "topics", record.topic)
    if record.reported_by is not None:
        check.ref(located, ("reported_by",), "actors", record.reported_by)
    check.refs(located, "evidence", "quotes", record.evidence)
    evidence = [
        {"position_id": record.id, "quote_id": quote_id, "ordinal": index}
        for index, quote_id in enumerate(dict.fromkeys(record.evidence))
    ]
    citations = check.citations(located, ("position", record.id), record.citations)
    return RecordRows(main, {"position_evidence": evidence, "citations": citations})


def variant_rows(check: SeedChecker, located: Located) -> RecordRows:
    record: VariantRecord = located.record
    main = {
        "id": record.id,
        "kind": record.kind,
        "curated": curated(record, citations=_cited(record.citations)),
    }
    return RecordRows(main, {"variant_words": checked_words(check, located)})


RowBuilder = Callable[[SeedChecker, Located], RecordRows | None]

BUILDERS: dict[str, RowBuilder] = {
    "sources": source_rows,
    "topics": topic_rows,
    "actors": actor_rows,
    "events": event_rows,
    "quotes": quote_rows,
    "positions": position_rows,
    "variants": variant_rows,
}
