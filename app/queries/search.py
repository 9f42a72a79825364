"""Full-text search over every kind of record, on whichever database is in use."""

import html
from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from app.errors import InvalidParameter
from app.queries import search_details, search_postgres, search_sqlite
from app.queries.pagination import (
    PageRequest,
    decode_position,
    encode_cursor,
    fingerprint,
    integer_position,
)
from app.queries.search_match import Matches
from app.queries.search_syntax import Node, parse
from app.queries.search_variants import with_variants
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


def query(session: Session, q: str) -> Node:
    """The tree of the search `q`, each variant word the dataset declares searched in each of
    its spellings, as the database in use searches it; a 422 problem if `q` is malformed."""
    node: Node = dialect(session).prepared(session, with_variants(session, parse(q)))
    return node


def matches(session: Session, key: Any, record_type: str, q: str) -> Matches:
    """A filter: `key` names a record of `record_type` that matches the search `q`."""
    return Matches(key, record_type, query(session, q))


# The snippets of a hit, best first: the words matched by their stems, then as written.
SNIPPETS = (
    "stemmed_title",
    "exact_title",
    "stemmed_body",
    "exact_body",
    "exact_names",
    "stemmed_topics",
    "exact_topics",
)


def highlight(row: Mapping[str, Any], module: ModuleType) -> str:
    """The first snippet that has a match, HTML-escaped, matches in <mark> tags (the title if
    none has)."""
    snippets = [row.get(name) for name in SNIPPETS]
    marked = [snippet for snippet in snippets if snippet and module.MARK_START in snippet]
    if not marked:
        return html.escape(row["title"], quote=False)
    snippet = marked[0]
    escaped = snippet if module.HTML_ESCAPED else html.escape(snippet, quote=False)
    return escaped.replace(module.MARK_START, "<mark>").replace(module.MARK_END, "</mark>")


def _hit(row: Mapping[str, Any], module: ModuleType, details: dict[str, Any]) -> SearchHit:
    return SearchHit(
        type=row["record_type"],
        id=row["record_id"],
        url=f"/v1/{URL_PATHS[row['record_type']]}/{row['record_id']}",
        title=row["title"],
        snippet=highlight(row, module),
        score=round(float(row["score"]), 6),
        **details,
    )


def search(session: Session, q: str, types: Sequence[str], page: PageRequest) -> SearchPage:
    """One page of hits for `q`, best first."""
    node = query(session, q)
    query_print = fingerprint("search", {"q": q, "types": sorted(types)})
    offset = decode_position(page.cursor, query_print, [integer_position])[0] if page.cursor else 0
    if not 0 <= offset < MAX_DEPTH:
        raise InvalidParameter("cursor: not a cursor this API issued")
    limit = min(page.limit, MAX_DEPTH - offset)
    module = dialect(session)
    rows = module.hits(session, node, types or list(URL_PATHS), limit + 1, offset)
    more = len(rows) > limit and offset + limit < MAX_DEPTH
    next_cursor = encode_cursor(query_print, [offset + limit]) if more else None
    keys = [(row["record_type"], row["record_id"]) for row in rows[:limit]]
    found = search_details.details(session, keys)
    items = [
        _hit(row, module, found.get(key, search_details.NONE))
        for row, key in zip(rows, keys, strict=False)
    ]
    return SearchPage(items=items, next=next_cursor)
