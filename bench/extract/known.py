"""What the extractor knows, read from a seed folder: every actor and topic, or (leave one
out) only those that the records citing the other documents name, with only the aliases
that those documents' texts use."""

from collections import defaultdict
from pathlib import Path
from typing import Any

import yaml

from app.extraction.knowledge import Knowledge, KnownActor, KnownTopic


def _records(seed: Path, resource: str) -> list[dict[str, Any]]:
    path = seed / f"{resource}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or [] if path.exists() else []


def _cited(record: dict[str, Any]) -> set[str]:
    citations = list(record.get("citations", []))
    for affiliation in record.get("affiliations", []):
        citations += affiliation.get("citations", [])
    return {c["source"] for c in citations}


def _named_by(seed: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """For each actor and each topic: the sources whose records name it."""
    actors: dict[str, set[str]] = defaultdict(set)
    topics: dict[str, set[str]] = defaultdict(set)
    for actor in _records(seed, "actors"):
        actors[actor["id"]] |= _cited(actor)
        for affiliation in actor.get("affiliations", []):
            if affiliation.get("organisation"):
                actors[affiliation["organisation"]] |= {
                    c["source"] for c in affiliation["citations"]
                }
    for resource, fields in (
        ("quotes", ("speaker",)),
        ("positions", ("actor", "reported_by")),
        ("events", ()),
    ):
        for record in _records(seed, resource):
            sources = _cited(record)
            named = [record.get(f) for f in fields] + [
                p["actor"] for p in record.get("participants", [])
            ]
            for actor_id in filter(None, named):
                actors[actor_id] |= sources
            for topic in record.get("topics", []) + (
                [record["topic"]] if "topic" in record else []
            ):
                topics[topic] |= sources
    return actors, topics


def knowledge(seed: Path, leave_out: str | None = None) -> Knowledge:
    """All the seed's actors and topics, or those known without source `leave_out`."""
    sources = {s["id"]: s for s in _records(seed, "sources")}
    others = [s for i, s in sources.items() if i != leave_out]
    texts = [(seed / s["file"]).read_text(encoding="utf-8") for s in others]
    actors_named, topics_named = _named_by(seed)

    def known(named: dict[str, set[str]], record_id: str) -> bool:
        return leave_out is None or bool(named.get(record_id, set()) - {leave_out})

    def used(alias: str) -> bool:
        return leave_out is None or any(alias in text for text in texts)

    records = _records(seed, "actors")
    names = {a["id"]: a["name"] for a in records}
    actors = tuple(
        KnownActor(
            id=a["id"],
            name=a["name"],
            kind=a["kind"],
            aliases=tuple(x for x in a.get("aliases", []) if used(x)),
            titles=tuple(
                ([a["description"]] if a.get("description") else [])
                + [
                    f"{f['role']}, {names.get(f.get('organisation'), '')}"
                    for f in a.get("affiliations", [])
                ]
            ),
        )
        for a in records
        if known(actors_named, a["id"])
    )
    topics = tuple(
        KnownTopic(
            id=t["id"], name=t["name"], aliases=tuple(x for x in t.get("aliases", []) if used(x))
        )
        for t in _records(seed, "topics")
        if known(topics_named, t["id"])
    )
    return Knowledge(actors, topics)
