"""PostgreSQL: a search is one tsquery over each entry's weighted tsvector (GIN-indexed), ranked
by ts_rank (app.derived.search_store).

A word or phrase matches the stems of a title, body or topics (weights A, C) or the words as
written: the title and names (B) and the body and topics (D), which also rank the words typed
above their other forms. A prefix matches the stems that start with it and the words as
written that do. The text is folded (lower case, accents removed) in Python before
`to_tsvector`, so no extension is needed and matching is the same as on SQLite; the query is
built here, from the words' stems read first, and bound as one value.
"""

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import bindparam, literal, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session

from app.queries.search_match import Matches
from app.queries.search_syntax import AllOf, AnyOf, Node, Terms, terms

MARK_START, MARK_END = "\ue000", "\ue001"
HEADLINE_OPTIONS = (
    f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords=30, MinWords=12, '
    'MaxFragments=2, FragmentDelimiter=" … "'
)
# ts_rank's weights of D, C, B, A: a title's stems weigh most, then the title as written and the
# names (an actor's title, its name, is only there), then the body and topics; their words as
# written add to their stems.
WEIGHTS = "{0.2, 0.2, 0.5, 1.0}"
STEMS = text(
    "SELECT word, CAST(to_tsquery('summitkb_english', quote_literal(word)) AS text) "
    "FROM unnest(CAST(:words AS text[])) AS word"
)
LEXEME = re.compile(r"'([^']+)'")


def prepared(session: Session, node: Node) -> Node:
    """`node` with the stems of its words, as `summitkb_english` makes them (one statement)."""
    words = sorted({word for term in terms(node) for word in term.words})
    stems: dict[str, str] = {word: stem for word, stem in session.execute(STEMS, {"words": words})}
    return with_stems(node, stems)


def with_stems(node: Node, stems: dict[str, str]) -> Node:
    """`node` with each word's stems taken from `stems` (a tsquery of its lexemes, by word)."""
    if isinstance(node, Terms):
        return Terms(node.words, node.prefix, tuple(stems[word] for word in node.words))
    if isinstance(node, AnyOf):
        return AnyOf(tuple(with_stems(option, stems) for option in node.options))
    return AllOf(
        tuple(with_stems(part, stems) for part in node.include),
        tuple(with_stems(part, stems) for part in node.exclude),
    )


def tsquery(node: Node) -> str:
    """The tsquery of `node` (prepared): each word or phrase by its stems in a title, body or
    topics (A, C) or as written (B, D); words are only letters and digits, so nothing but the
    operators written here is syntax."""
    if isinstance(node, Terms):
        stems = _phrase([LEXEME.findall(stem) for stem in node.stems], node.prefix, "AC")
        written = _phrase([[word] for word in node.words], node.prefix, "BD")
        return f"({stems} | {written})" if stems else written
    if isinstance(node, AnyOf):
        return "(" + " | ".join(tsquery(option) for option in node.options) + ")"
    included = "(" + " & ".join(tsquery(part) for part in node.include) + ")"
    if not node.exclude:
        return included
    return f"({included} & !({' | '.join(tsquery(part) for part in node.exclude)}))"


def _phrase(words: list[list[str]], prefix: bool, weights: str) -> str:
    """Lexemes that follow each other (a word may be several), the last a prefix if `prefix`."""
    lexemes = [lexeme for word in words for lexeme in word]
    if not lexemes:
        return ""
    marks = [f":{weights}"] * len(lexemes)
    if prefix:
        marks[-1] = f":*{weights}"
    return (
        "("
        + " <-> ".join(f"'{lexeme}'{mark}" for lexeme, mark in zip(lexemes, marks, strict=True))
        + ")"
    )


# The text is HTML-escaped before ts_headline: its parser would take "<word ...>" for a tag. An
# actor's title is its name, matched as written only: it has no stemmed snippet.
HITS = text(
    """
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
    FROM search_entries AS e, (SELECT CAST(:query AS tsquery) AS query) AS q,
         LATERAL (SELECT replace(replace(replace(e.title, '&', '&amp;'), '<', '&lt;'), '>', '&gt;')
                  AS title_html) AS h
    WHERE e.vector @@ q.query AND e.record_type IN :types
    ORDER BY score DESC, e.record_type, e.record_id
    LIMIT :limit OFFSET :offset
) AS hit, (SELECT CAST(:query AS tsquery) AS query) AS q
ORDER BY hit.score DESC, hit.record_type, hit.record_id
"""
).bindparams(bindparam("types", expanding=True))
# Snippets come out of the database already HTML-escaped.
HTML_ESCAPED = True


def hits(
    session: Session, node: Node, types: Sequence[str], limit: int, offset: int
) -> list[dict[str, Any]]:
    """One page of ranked hits, best first, with highlighted snippets."""
    params = {
        "query": tsquery(node),
        "weights": WEIGHTS,
        "options": HEADLINE_OPTIONS,
        "types": list(types),
        "limit": limit,
        "offset": offset,
    }
    return [dict(row) for row in session.execute(HITS, params).mappings()]


@compiles(Matches, "postgresql")
def compile_matches(element: Matches, compiler: Any, **kw: Any) -> str:
    """`key IN (ids of the matching records of the type)`, with the query bound."""
    key = compiler.process(element.key, **kw)
    record_type = compiler.process(literal(element.record_type), **kw)
    query = compiler.process(literal(tsquery(element.node)), **kw)
    # OFFSET 0 keeps the search a step of its own, read once: each word being two alternatives,
    # the planner takes a search to match many more entries than it does, and would rather
    # walk the whole list in its order, probing the index for each row.
    return (
        f"{key} IN (SELECT e.record_id FROM search_entries AS e "  # noqa: S608 (binds only)
        f"WHERE e.record_type = {record_type} AND e.vector @@ CAST({query} AS tsquery) OFFSET 0)"
    )
