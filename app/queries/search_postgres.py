"""PostgreSQL: a search is one tsquery over each entry's weighted tsvector (GIN-indexed), ranked
by ts_rank (app.derived.search_store).

A word or phrase matches the stems of a title, body or topics (weights A, C) or the words as
written: the title and names (B) and the body and topics (D), which also rank the words typed
above their other forms. A prefix matches the stems that start with it and the words as
written that do. The text is
folded (lower case, accents removed) in Python before `to_tsvector`, so no extension is needed
and matching is the same as on SQLite.
"""

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import bindparam, literal, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session

from app.queries.search_match import Binds, Matches
from app.queries.search_syntax import AnyOf, Node, Terms

MARK_START, MARK_END = "\ue000", "\ue001"
HEADLINE_OPTIONS = (
    f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=30, MinWords=12, '
    'MaxFragments=2, FragmentDelimiter=" … "'
)
# ts_rank's weights of D, C, B, A: a title's stems weigh most, then the title as written and the
# names (an actor's title, its name, is only there), then the body and topics; their words as
# written add to their stems.
WEIGHTS = "{0.2, 0.2, 0.5, 1.0}"


def lexemes(term: Terms, weights: str) -> str:
    """The tsquery text of `term`, each word kept to `weights`; words are only letters and
    digits, so nothing is syntax."""
    marks = [f":{weights}"] * len(term.words)
    if term.prefix:
        marks[-1] = f":*{weights}"
    return (
        "("
        + " <-> ".join(f"'{word}'{mark}" for word, mark in zip(term.words, marks, strict=True))
        + ")"
    )


def tsquery(node: Node, bind: Callable[[str], str]) -> str:
    """SQL whose value is the tsquery of `node`."""
    if isinstance(node, Terms):
        stems = f"to_tsquery('summitkb_english', {bind(lexemes(node, 'AC'))})"
        return f"({stems} || to_tsquery('simple', {bind(lexemes(node, 'BD'))}))"
    if isinstance(node, AnyOf):
        return "(" + " || ".join(tsquery(option, bind) for option in node.options) + ")"
    included = "(" + " && ".join(tsquery(part, bind) for part in node.include) + ")"
    if not node.exclude:
        return included
    excluded = " || ".join(tsquery(part, bind) for part in node.exclude)
    return f"({included} && !!({excluded}))"


def prepared(session: Session, node: Node) -> Node:
    """`node` as searched here: as parsed (a prefix needs no list of the words it starts)."""
    return node


# The text is HTML-escaped before ts_headline: its parser would take "<word ...>" for a tag. An
# actor's title is its name, matched as written only: it has no stemmed snippet.
HITS = """
SELECT hit.record_type, hit.record_id, hit.title, hit.score,
       ts_headline('summitkb_english', hit.stemmed_title, q.query, :options) AS stemmed_title,
       ts_headline('simple', hit.title_html, q.query, :options) AS exact_title,
       ts_headline('summitkb_english', hit.body_html, q.query, :options) AS stemmed_body,
       ts_headline('simple', hit.body_html, q.query, :options) AS exact_body,
       ts_headline('simple', hit.names_html, q.query, :options) AS exact_names,
       ts_headline('summitkb_english', hit.topics_html, q.query, :options) AS stemmed_topics
FROM (
    SELECT e.id, e.record_type, e.record_id, e.title, h.title_html,
           CASE WHEN e.record_type = 'actor' THEN '' ELSE h.title_html END AS stemmed_title,
           replace(replace(replace(e.body, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') AS body_html,
           replace(replace(replace(e.names, '&', '&amp;'), '<', '&lt;'), '>', '&gt;') AS names_html,
           replace(replace(replace(e.topics, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')
               AS topics_html,
           ts_rank(:weights, e.vector, q.query) AS score
    FROM search_entries AS e, (SELECT {query} AS query) AS q,
         LATERAL (SELECT replace(replace(replace(e.title, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')
                  AS title_html) AS h
    WHERE e.vector @@ q.query AND e.record_type IN :types
    ORDER BY score DESC, e.id
    LIMIT :limit OFFSET :offset
) AS hit, (SELECT {query} AS query) AS q
ORDER BY hit.score DESC, hit.id
"""
# Snippets come out of the database already HTML-escaped.
HTML_ESCAPED = True


def hits(
    session: Session, node: Node, types: Sequence[str], limit: int, offset: int
) -> list[dict[str, Any]]:
    """One page of ranked hits, best first, with highlighted snippets."""
    binds = Binds()
    statement = text(HITS.format(query=tsquery(node, binds)))
    statement = statement.bindparams(bindparam("types", expanding=True))
    params = {
        **binds.values,
        "weights": WEIGHTS,
        "options": HEADLINE_OPTIONS,
        "types": list(types),
        "limit": limit,
        "offset": offset,
    }
    return [dict(row) for row in session.execute(statement, params).mappings()]


@compiles(Matches, "postgresql")
def compile_matches(element: Matches, compiler: Any, **kw: Any) -> str:
    """`key IN (ids of the matching records of the type)`, with the query bound."""
    key = compiler.process(element.key, **kw)
    record_type = compiler.process(literal(element.record_type), **kw)
    query = tsquery(element.node, lambda value: compiler.process(literal(value), **kw))
    # OFFSET 0 keeps the search a step of its own, read once: each word being two alternatives,
    # the planner takes a search to match many more entries than it does, and would rather
    # walk the whole list in its order, probing the index for each row.
    return (
        f"{key} IN (SELECT e.record_id FROM search_entries AS e "  # noqa: S608 (binds only)
        f"WHERE e.record_type = {record_type} AND e.vector @@ {query} OFFSET 0)"
    )
