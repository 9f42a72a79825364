"""SQLite: the search index is an FTS5 table over `search_entries`, ranked by bm25."""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import RowMapping, bindparam, literal, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session

from app.queries.search_match import Matches
from app.queries.search_syntax import AnyOf, Node, Terms

# Weights of the title, body and names columns in bm25, given with each query (`rank MATCH`).
# Stored as the table's configured rank instead, every load rewrote FTS5's configuration, and
# each connection that had searched before failed its next search ("SQL logic error").
RANK = "bm25(4.0, 1.0, 2.0)"
MARK_START, MARK_END = "\ue000", "\ue001"
HTML_ESCAPED = False


def render(node: Node) -> str:
    """The FTS5 expression of `node`: every word is double-quoted, so nothing is syntax."""
    if isinstance(node, Terms):
        return '"' + " ".join(node.words) + '"' + ("*" if node.prefix else "")
    if isinstance(node, AnyOf):
        return "(" + " OR ".join(render(option) for option in node.options) + ")"
    included = "(" + " AND ".join(render(part) for part in node.include) + ")"
    if not node.exclude:
        return included
    return f"({included} NOT ({' OR '.join(render(part) for part in node.exclude)}))"


HITS = text(
    """
SELECT e.record_type, e.record_id, e.title, -search_fts.rank AS score,
       snippet(search_fts, 0, :start, :end, '…', 32) AS snippet_title,
       snippet(search_fts, 1, :start, :end, '…', 24) AS snippet_body,
       snippet(search_fts, 2, :start, :end, '…', 24) AS snippet_names
FROM search_fts JOIN search_entries AS e ON e.id = search_fts.rowid
WHERE search_fts MATCH :expression AND search_fts.rank MATCH :rank AND e.record_type IN :types
ORDER BY search_fts.rank, e.id
LIMIT :limit OFFSET :offset
"""
).bindparams(bindparam("types", expanding=True))


def hits(
    session: Session, node: Node, types: Sequence[str], limit: int, offset: int
) -> list[RowMapping]:
    """One page of ranked hits, best first, with highlighted snippets."""
    params = {
        "expression": render(node),
        "rank": RANK,
        "start": MARK_START,
        "end": MARK_END,
        "types": list(types),
        "limit": limit,
        "offset": offset,
    }
    return list(session.execute(HITS, params).mappings())


@compiles(Matches, "sqlite")
def compile_matches(element: Matches, compiler: Any, **kw: Any) -> str:
    """`key IN (ids of the matching records of the type)`, with the expression bound."""
    key = compiler.process(element.key, **kw)
    record_type = compiler.process(literal(element.record_type), **kw)
    expression = compiler.process(literal(render(element.node)), **kw)
    return (
        f"{key} IN (SELECT e.record_id FROM search_entries AS e "  # noqa: S608 (binds only)
        f"WHERE e.record_type = {record_type} "
        f"AND e.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH {expression}))"
    )
