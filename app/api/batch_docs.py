"""How POST /v1/batch is documented: its request body (the writes, each naming its resource
and the body its POST takes), an example that "Try it out" can send over the seed, and its
problems named by the write."""

from typing import Any

from app.api.write_docs import JSON, body_schema_name
from app.curation.batch import MAX_WRITES
from app.curation.bodies import BODIES
from app.schemas.common import problem_response

# An invented wire story (its people and port are invented too), and what
# `GET /v1/sources/{id}/suggestions` proposes for it: its two new speakers, then their quotes.
# docs/curation/article.json is the same source, for the README's walk through.
TITLE = "Harbour strike ends in Springfield"
NOVAK = "“We got what we asked for,” said Peter Novak, a crane operator."
PORT = "The port operator Havenbedrijf said the first ships would berth “within hours”."
TEXT = (
    f"{TITLE}\nSPRINGFIELD — Dock workers went back to work after a two-day walkout. {NOVAK} "
    f"{PORT}\n"
)
SOURCE = "example-wire-2025-08-20"


def cites(excerpt: str) -> list[dict[str, Any]]:
    return [{"source": SOURCE, "excerpt": excerpt, "start": TEXT.index(excerpt)}]


def quote(speaker: str, words: str, excerpt: str) -> dict[str, Any]:
    said = " ".join(words.split()[:5]).lower().replace(" ", "-")
    return {
        "id": f"{speaker}-{said}",
        "text": words,
        "speaker": speaker,
        "said_on": "2025-08-20",
        "fragment": words[0].islower(),
        "topics": [],
        "citations": cites(excerpt),
    }


ARTICLE = {"id": "harbour-strike-ends", "title": TITLE, "published_on": "2025-08-20"}
EXAMPLE_RECORDS = [
    (
        "sources",
        {
            "id": SOURCE,
            "title": TITLE,
            "publisher": "Example Wire",
            "published_at": "2025-08-20",
            "language": "en",
            "text": TEXT,
            "articles": [{**ARTICLE, "start": 0, "end": len(TEXT)}],
        },
    ),
    (
        "actors",
        {"id": "peter-novak", "name": "Peter Novak", "kind": "person", "citations": cites(NOVAK)},
    ),
    (
        "actors",
        {
            "id": "havenbedrijf",
            "name": "Havenbedrijf",
            "kind": "organisation",
            "citations": cites(PORT),
        },
    ),
    ("quotes", quote("peter-novak", "We got what we asked for", NOVAK)),
    ("quotes", quote("havenbedrijf", "within hours", PORT)),
]
EXAMPLE = {"writes": [{"resource": r, "record": record} for r, record in EXAMPLE_RECORDS]}


def batch_body() -> dict[str, Any]:
    """The request body: the writes, each naming its resource and the record its POST takes."""
    kinds = [
        {
            "type": "object",
            "required": ["resource", "record"],
            "additionalProperties": False,
            "properties": {
                "resource": {"type": "string", "enum": [resource]},
                "record": {"$ref": f"#/components/schemas/{body_schema_name(resource)}"},
            },
        }
        for resource in BODIES
    ]
    writes = {
        "type": "array",
        "minItems": 1,
        "maxItems": MAX_WRITES,
        "items": {"oneOf": kinds},
        "description": "The records to write, in order: a record may name one written before "
        "it (a quote, the actor it is by).",
    }
    schema = {
        "type": "object",
        "required": ["writes"],
        "additionalProperties": False,
        "properties": {"writes": writes},
    }
    example = {"value": EXAMPLE, "summary": "An article, its new speakers and their quotes"}
    return {"required": True, "content": {JSON: {"schema": schema, "examples": {"new": example}}}}


REFUSED = "body.writes.4.record.citations.0.excerpt"
NOT_THERE = f"the excerpt does not occur verbatim in source {SOURCE!r}"
BATCH_PROBLEMS: dict[int | str, dict[str, Any]] = {
    409: problem_response(
        "A write's id is taken (by a record, or by a write before it in the batch): nothing is "
        "written.",
        409,
        "writes.3.record: id 'peter-novak-we-got-what-we-asked' is already taken by one of the "
        "quotes",
        "/v1/batch",
        id="peter-novak-we-got-what-we-asked",
    ),
    422: problem_response(
        "The body is not valid JSON, not a batch, or a write's record is not valid or fails a "
        "check of the knowledge: `errors` names each field, under its write "
        "(`body.writes.<index>.record`), and nothing is written.",
        422,
        f"{REFUSED}: {NOT_THERE}",
        "/v1/batch",
        errors=[{"location": REFUSED, "message": NOT_THERE}],
    ),
}
