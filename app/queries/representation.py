"""A record's answer as `GET /v1/{resource}/{id}` sends it in JSON (its strong ETag, the tag
a write's `If-Match` must name, is app.etags.strong_tag of it)."""

from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from app.queries.catalog import get_actor, get_source, get_topic
from app.queries.events import get_event
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
    "topics": _json(get_topic),
    "events": _json(get_event),
    "positions": _json(get_position),
    "sources": _json(get_source),
}


def representation(session: Session, resource: str, record_id: str) -> bytes:
    """The JSON answer for one record (NotFound, or Moved for a replaced id, if none)."""
    return READERS[resource](session, record_id)
