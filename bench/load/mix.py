"""A request mix over every GET operation of the OpenAPI schema, with real ids filled in."""

import itertools
import random

import httpx

# Path parameter name -> the list whose ids fill it.
ID_SOURCES = {
    "quote_id": "/v1/quotes",
    "event_id": "/v1/events",
    "position_id": "/v1/positions",
    "actor_id": "/v1/actors",
    "topic_id": "/v1/topics",
    "source_id": "/v1/sources",
}
# Parameters the schema cannot fill sensibly by itself.
FIXED = {"resource": ["quotes", "events", "actors"]}
QUERIES = {
    "/v1/search": "?q=ceasefire",
    "/v1/sources/{source_id}/text": "?start=0&end=200",
}
SKIP = {"/v1/export", "/metrics"}  # the bulk export is measured by bench/run.py, not here


def ids_of(base: str) -> dict[str, list[str]]:
    found = {}
    for name, path in ID_SOURCES.items():
        items = httpx.get(f"{base}{path}", params={"limit": 50}).json()["items"]
        found[name] = [item["id"] for item in items]
    return {**found, **FIXED}


def fill(template: str, ids: dict[str, list[str]], chooser: random.Random) -> str:
    parts = []
    for part in template.split("/"):
        name = part.strip("{}")
        parts.append(chooser.choice(ids[name]) if part.startswith("{") else part)
    return "/".join(parts) + QUERIES.get(template, "")


def request_mix(base: str, count: int = 2000, seed: int = 7) -> list[str]:
    """`count` request paths, cycling through every operation with random real ids."""
    schema = httpx.get(f"{base}/openapi.json").json()
    templates = [path for path in schema["paths"] if path not in SKIP]
    ids = ids_of(base)
    chooser = random.Random(seed)
    cycle = itertools.cycle(sorted(templates))
    return [fill(next(cycle), ids, chooser) for _ in range(count)]
