"""PostgreSQL: two GIN-indexed tsvectors per entry, one stemmed (`summitkb_english`) and one
exact ('simple'), ranked by the sum of their ts_rank (app.derived.search_store).

The text is folded (lower case, accents removed) in Python before `to_tsvector`, so no extension
is needed and matching is the same as on SQLite.
"""

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import bindparam, literal, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session

from app.queries.search_match import Binds, Matches
from app.queries.search_syntax import AnyOf, Node, Terms, wanted

MARK_START, MARK_END = "\ue000", "\ue001"
HEADLINE_OPTIONS = (
    f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=30, MinWords=12, '
    'MaxFragments=2, FragmentDelimiter=" … "'
)


def tsquery(term: Terms, weight: str = "") -> str:
    """The tsquery text of `term`, each word kept to the `weight` if one is given; words are
    only letters and digits, so nothing is syntax."""
    marks = f":{weight}" if weight else ""
    lexemes = [f"'{word}'{marks}" for word in term.words]
    if term.prefix:
        lexemes[-1] = f"'{term.words[-1]}':*{weight}"
    return "(" + " <-> ".join(lexemes) + ")"


def predicate(node: Node, bind: Callable[[str], str]) -> str:
    """SQL that holds for the entries `e` matching `node`: a word or phrase by its stems in the
    title, body or topics (weights A, C, D) or as a name (weight B), a prefix as written. The
    stemmed names (B) only rank."""
    if isinstance(node, Terms):
        if node.prefix:
            return f"e.exact @@ to_tsquery('simple', {bind(tsquery(node))})"
        stemmed = f"e.stemmed @@ to_tsquery('summitkb_english', {bind(tsquery(node, 'ACD'))})"
        return f"({stemmed} OR e.exact @@ to_tsquery('simple', {bind(tsquery(node, 'B'))}))"
    if isinstance(node, AnyOf):
        return "(" + " OR ".join(predicate(option, bind) for option in node.options) + ")"
    included = " AND ".join(predicate(part, bind) for part in node.include)
    if not node.exclude:
        return f"({included})"
    excluded = " OR ".join(predicate(part, bind) for part in node.exclude)
    return f"({included} AND NOT ({excluded}))"


def ranked_queries(node: Node) -> tuple[str | None, str]:
    """The tsqueries that rank a match (and mark its snippets): every wanted word and phrase,
    stemmed (None if there is none), and every wanted term as written."""
    terms = wanted(node)
    stemmed = " | ".join(tsquery(term) for term in terms if not term.prefix)
    return stemmed or None, " | ".join(tsquery(term) for term in terms)


# The text is HTML-escaped before ts_headline: its parser would take "<word ...>" for a tag. An
# actor's title is its name, matched as written only: it has no stemmed snippet.
HITS = """
WITH q AS (
    SELECT to_tsquery('summitkb_english', :stemmed) AS stemmed,
           to_tsquery('simple', :exact) AS exact
)
SELECT hit.record_type, hit.record_id, hit.title, hit.score,
       ts_headline('summitkb_english', hit.stemmed_title, q.stemmed, :options) AS stemmed_title,
       ts_headline('simple', hit.title_html, q.exact, :options) AS exact_title,
       ts_headline('summitkb_english', hit.body_html, q.stemmed, :options) AS stemmed_body,
       ts_headline('simple', hit.body_html, q.exact, :options) AS exact_body,
       ts_headline('simple', hit.names_html, q.exact, :options) AS exact_names,
       ts_headline('summitkb_english', hit.topics_html, q.stemmed, :options) AS stemmed_topics
FROM (
    SELECT e.id, e.record_type, e.record_id, e.title, h.title_html,
           CASE WHEN e.record_type = 'actor' THEN '' ELSE h.title_html END AS stemmed_title,
           replace(replace(replace(e.body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') AS body_html,
           replace(replace(replace(e.names, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') AS names_html,
           replace(replace(replace(e.topics, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')
               AS topics_html,
           coalesce(ts_rank(e.stemmed, q.stemmed), 0) + ts_rank(e.exact, q.exact) AS score
    FROM search_entries AS e, q,
         LATERAL (SELECT replace(replace(replace(e.title, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')
                  AS title_html) AS h
    WHERE {predicate} AND e.record_type IN :types
    ORDER BY score DESC, e.id
    LIMIT :limit OFFSET :offset
) AS hit, q
ORDER BY hit.score DESC, hit.id
"""
# Snippets come out of the database already HTML-escaped.
HTML_ESCAPED = True


def hits(
    session: Session, node: Node, types: Sequence[str], limit: int, offset: int
) -> list[dict[str, Any]]:
    """One page of ranked hits, best first, with highlighted snippets."""
    stemmed, exact = ranked_queries(node)
    binds = Binds()
    statement = text(HITS.format(predicate=predicate(node, binds)))
    statement = statement.bindparams(bindparam("types", expanding=True))
    params = {
        **binds.values,
        "stemmed": stemmed,
        "exact": exact,
        "options": HEADLINE_OPTIONS,
        "types": list(types),
        "limit": limit,
        "offset": offset,
    }
    return [dict(row) for row in session.execute(statement, params).mappings()]


@compiles(Matches, "postgresql")
def compile_matches(element: Matches, compiler: Any, **kw: Any) -> str:
    """`key IN (ids of the matching records of the type)`, with the queries bound."""
    key = compiler.process(element.key, **kw)
    record_type = compiler.process(literal(element.record_type), **kw)
    where = predicate(element.node, lambda value: compiler.process(literal(value), **kw))
    return (
        f"{key} IN (SELECT e.record_id FROM search_entries AS e "  # noqa: S608 (binds only)
        f"WHERE e.record_type = {record_type} AND {where})"
    )
