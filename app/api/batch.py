"""POST /v1/batch: several new records in one transaction, all of them or none (app.curation.
batch), each created as its own POST creates it, with a revision of its own."""

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response

from app.api.auth import WriteKey
from app.api.routing import ReadRoute
from app.api.write_docs import JSON, body_schema_name, write_problems
from app.api.write_request import (
    Summary,
    batch_answer,
    json_body,
    refuse_cross_origin,
    run_writes,
)
from app.curation import Author
from app.curation.batch import MAX_WRITES, create_all, planned
from app.curation.bodies import BODIES
from app.schemas.writes import BatchWritten

router = APIRouter(dependencies=[Depends(refuse_cross_origin)], route_class=ReadRoute)

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


@router.post(
    "/v1/batch",
    tags=["batch"],
    status_code=201,
    response_model=BatchWritten,
    responses={
        201: {"description": "Written, every record: where each is served and its `ETag`."},
        **write_problems(409, 413, 415, 422, 503),
    },
    openapi_extra={"requestBody": batch_body()},
)
async def write_batch(request: Request, holder: WriteKey, query: Summary) -> Response:
    """Add up to 100 records (sources, actors, quotes, positions) in one transaction: each is
    checked and written as its own POST would, in order, or none is (a 409 or 422 names the
    write, `body.writes.3.record...`). Accept an article's suggestions with one batch."""
    records = planned(await json_body(request, JSON))
    author = Author(holder.name, query.summary)
    return batch_answer(request, await run_writes(request, create_all(records, author)))
