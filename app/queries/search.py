"""Full-text search over every kind of record, on whichever database is in use."""

import html
from collections.abc import Sequence
from types import ModuleType
from typing import Any

from sqlalchemy import Connection, RowMapping
from sqlalchemy.orm import Session

from app.errors import InvalidParameter
from app.queries import search_postgres, search_sqlite
from app.queries.pagination import (
    PageRequest,
    decode_position,
    encode_cursor,
    fingerprint,
    integer_position,
)
from app.queries.search_match import Matches
from app.queries.search_syntax import parse
from app.schemas.views import SearchHit, SearchPage

# Ranked results are paged by offset (scores are not stable keys); this bounds how deep.
MAX_DEPTH = 1000
URL_PATHS = {
    "quote": "quotes",
    "event": "events",
    "position": "positions",
    "actor": "actors",
    "topic": "topics",
    "source": "sources",
}


def dialect(bind: Session | Connection) -> ModuleType:
    """The module that speaks the search dialect of the database behind `bind`."""
    name = bind.get_bind().dialect.name if isinstance(bind, Session) else bind.dialect.name
    return search_postgres if name == "postgresql" else search_sqlite


def matches(key: Any, record_type: str, q: str) -> Matches:
    """A filter: `key` names a record of `record_type` that matches the search `q`."""
    return Matches(key, record_type, parse(q))


def highlight(row: RowMapping, module: ModuleType) -> str:
    """The first column's snippet that has a match, HTML-escaped, matches in <mark> tags."""
    snippets = [row["snippet_title"], row["snippet_body"], row["snippet_names"]]
    marked = [snippet for snippet in snippets if snippet and module.MARK_START in snippet]
    snippet = (marked or snippets)[0] or ""
    escaped = snippet if module.HTML_ESCAPED else html.escape(snippet, quote=False)
    return escaped.replace(module.MARK_START, "<mark>").replace(module.MARK_END, "</mark>")


def _hit(row: RowMapping, module: ModuleType) -> SearchHit:
    return SearchHit(
        type=row["record_type"],
        id=row["record_id"],
        url=f"/v1/{URL_PATHS[row['record_type']]}/{row['record_id']}",
        title=row["title"],
        snippet=highlight(row, module),
        score=round(float(row["score"]), 6),
    )


def search(session: Session, q: str, types: Sequence[str], page: PageRequest) -> SearchPage:
    """One page of hits for `q`, best first."""
    node = parse(q)
    query_print = fingerprint("search", {"q": q, "types": sorted(types)})
    offset = decode_position(page.cursor, query_print, [integer_position])[0] if page.cursor else 0
    if not 0 <= offset < MAX_DEPTH:
        raise InvalidParameter("cursor: not a cursor this API issued")
    limit = min(page.limit, MAX_DEPTH - offset)
    module = dialect(session)
    rows = module.hits(session, node, types or list(URL_PATHS), limit + 1, offset)
    more = len(rows) > limit and offset + limit < MAX_DEPTH
    next_cursor = encode_cursor(query_print, [offset + limit]) if more else None
    return SearchPage(items=[_hit(row, module) for row in rows[:limit]], next=next_cursor)
