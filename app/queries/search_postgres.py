"""PostgreSQL: the search index is a weighted tsvector (GIN-indexed), ranked by ts_rank.

The text is folded (lower case, accents removed) in Python before `to_tsvector('simple', ...)`,
so no extension is needed and matching is the same as on SQLite.
"""

from collections.abc import Sequence
from typing import Any

from sqlalchemy import RowMapping, bindparam, literal, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session

from app.queries.search_match import Matches
from app.queries.search_syntax import AllOf, AnyOf, Node, Terms

MARK_START, MARK_END = "\ue000", "\ue001"
HEADLINE_OPTIONS = (
    f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=30, MinWords=12, '
    'MaxFragments=2, FragmentDelimiter=" … "'
)


def render(node: Node) -> str:
    """The tsquery of `node`; words are only letters and digits, so nothing is syntax."""
    if isinstance(node, Terms):
        lexemes = [f"'{word}'" for word in node.words]
        if node.prefix:
            lexemes[-1] += ":*"
        return "(" + " <-> ".join(lexemes) + ")"
    if isinstance(node, AnyOf):
        return "(" + " | ".join(render(option) for option in node.options) + ")"
    included = "(" + " & ".join(render(part) for part in node.include) + ")"
    if not isinstance(node, AllOf) or not node.exclude:
        return included
    return f"({included} & !({' | '.join(render(part) for part in node.exclude)}))"


# The text is HTML-escaped before ts_headline: its parser would take "<word ...>" for a tag.
HITS = text(
    """
SELECT hit.record_type, hit.record_id, hit.title, hit.score,
       ts_headline('simple', hit.title_html, query, :options) AS snippet_title,
       ts_headline('simple', hit.body_html, query, :options) AS snippet_body,
       ts_headline('simple', hit.names_html, query, :options) AS snippet_names
FROM (
    SELECT e.id, e.record_type, e.record_id, e.title,
           replace(replace(replace(e.title, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') AS title_html,
           replace(replace(replace(e.body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') AS body_html,
           replace(replace(replace(e.names, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') AS names_html,
           ts_rank(e.vector, query) AS score
    FROM search_entries AS e, to_tsquery('simple', :expression) AS query
    WHERE e.vector @@ query AND e.record_type IN :types
    ORDER BY score DESC, e.id
    LIMIT :limit OFFSET :offset
) AS hit, to_tsquery('simple', :expression) AS query
ORDER BY hit.score DESC, hit.id
"""
).bindparams(bindparam("types", expanding=True))
# Snippets come out of the database already HTML-escaped.
HTML_ESCAPED = True


def hits(
    session: Session, node: Node, types: Sequence[str], limit: int, offset: int
) -> list[RowMapping]:
    """One page of ranked hits, best first, with highlighted snippets."""
    params = {
        "expression": render(node),
        "options": HEADLINE_OPTIONS,
        "types": list(types),
        "limit": limit,
        "offset": offset,
    }
    return list(session.execute(HITS, params).mappings())


@compiles(Matches, "postgresql")
def compile_matches(element: Matches, compiler: Any, **kw: Any) -> str:
    """`key IN (ids of the matching records of the type)`, with the expression bound."""
    key = compiler.process(element.key, **kw)
    record_type = compiler.process(literal(element.record_type), **kw)
    expression = compiler.process(literal(render(element.node)), **kw)
    return (
        f"{key} IN (SELECT e.record_id FROM search_entries AS e "  # noqa: S608 (binds only)
        f"WHERE e.record_type = {record_type} "
        f"AND e.vector @@ to_tsquery('simple', {expression}))"
    )
