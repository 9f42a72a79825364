"""What the OpenAPI document says of the formats: media types, validators, 304 and 406 answers.

Routes declare these (`format_responses`) beside their parameters (`app.api.answer`), so the
document describes what each route does, not what a later pass added to it.
"""

from typing import Any

from app.formats.columns import columns_of
from app.formats.jsonld import CONTEXT
from app.formats.negotiation import CSV, JSONLD, NDJSON
from app.formats.shape import shape_of
from app.schemas.common import problem_response

VALIDATOR_HEADERS = {
    "ETag": {"description": "Weak tag of this answer.", "schema": {"type": "string"}},
    "Last-Modified": {"description": "When the dataset was loaded.", "schema": {"type": "string"}},
    "X-Dataset-Version": {"description": "Version of the dataset.", "schema": {"type": "string"}},
}
NOT_MODIFIED = {"description": "The copy named by If-None-Match / If-Modified-Since is current."}
NOT_ACCEPTABLE = problem_response(
    "No media type in `Accept` is offered.",
    406,
    "cannot answer with any of 'image/png'; available: application/json, text/csv, "
    "application/x-ndjson, application/ld+json (or ?format=json|csv|ndjson|jsonld)",
    "/v1/quotes",
)


def alternative_content(model: Any) -> dict[str, Any]:
    """The CSV, NDJSON and JSON-LD entries of an answer of `model`, with examples."""
    header = ",".join(column.name for column in columns_of(list(shape_of(model).models)))
    return {
        CSV: {"schema": {"type": "string"}, "example": header + "\r\n"},
        NDJSON: {"schema": {"type": "string"}, "example": '{"id": "..."}\n{"id": "..."}\n'},
        JSONLD: {"schema": {"type": "object"}, "example": {"@context": CONTEXT, "@type": "..."}},
    }


def format_responses(model: Any, ok: dict[str, Any] | None = None) -> dict[int | str, Any]:
    """The answers of a route rendered from `model`: its 200 (the entry `ok`, if any) in every
    format with its validators, a 304 and a 406."""
    content = alternative_content(model)
    return {
        200: {**(ok or {}), "content": content, "headers": VALIDATOR_HEADERS},
        304: NOT_MODIFIED,
        406: NOT_ACCEPTABLE,
    }
