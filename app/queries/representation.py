"""A record's answer as `GET /v1/{resource}/{id}` sends it in JSON, and its strong ETag: the
tag a write's `If-Match` must name."""

import hashlib
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from app.queries.catalog import get_actor, get_source
from app.queries.positions import get_position
from app.queries.quotes import quote_document


def _json(get: Callable[[Session, str], Any]) -> Callable[[Session, str], bytes]:
    def read(session: Session, record_id: str) -> bytes:
        model = get(session, record_id)
        body: bytes = model.__pydantic_serializer__.to_json(model)
        return body

    return read


READERS: dict[str, Callable[[Session, str], bytes]] = {
    "quotes": quote_document,  # stored as it is answered (app.derived.quote_json)
    "actors": _json(get_actor),
    "positions": _json(get_position),
    "sources": _json(get_source),
}


def representation(session: Session, resource: str, record_id: str) -> bytes:
    """The JSON answer for one record (NotFound, or Moved for a replaced id, if none)."""
    return READERS[resource](session, record_id)


def strong_tag(body: bytes) -> str:
    """The strong ETag of an answer: a digest of its very bytes."""
    return f'"{hashlib.sha256(body).hexdigest()}"'


def matches(if_match: str, tag: str) -> bool:
    """Whether an If-Match header names `tag` (strong comparison: a weak tag never matches);
    `*` matches any current representation."""
    candidates = [candidate.strip() for candidate in if_match.split(",")]
    return "*" in candidates or tag in candidates
