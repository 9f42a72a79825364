"""SQLite: two FTS5 tables over `search_entries`, one stemmed and one exact
(app.derived.search_store), ranked by the sum of their bm25 scores."""

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import bindparam, literal, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session

from app.queries.search_match import Binds, Matches
from app.queries.search_syntax import AnyOf, Node, Terms, wanted

# Column weights in bm25, given with each query: stored as a table's configured rank instead,
# every load rewrote FTS5's configuration, and each connection that had searched before failed
# its next search ("SQL logic error").
STEMMED_RANK = "bm25(search_fts, 4.0, 1.0, 2.0, 0.5)"  # title, body, names, topics
EXACT_RANK = "bm25(search_exact_fts, 4.0, 1.0, 2.0, 0.5)"
MARK_START, MARK_END = "\ue000", "\ue001"
HTML_ESCAPED = False


def phrase(term: Terms) -> str:
    """The FTS5 phrase of `term`: every word is double-quoted, so nothing is syntax."""
    return '"' + " ".join(term.words) + '"' + ("*" if term.prefix else "")


def _in(table: str, expression: str) -> str:
    return f"e.id IN (SELECT rowid FROM {table} WHERE {table} MATCH {expression})"  # noqa: S608


def predicate(node: Node, bind: Callable[[str], str]) -> str:
    """SQL that holds for the entries `e` matching `node`: a word or phrase by its stems or as a
    name, a prefix as written."""
    if isinstance(node, Terms):
        if node.prefix:
            return _in("search_exact_fts", bind(phrase(node)))
        stemmed = _in("search_fts", bind("{title body topics} : " + phrase(node)))
        return f"({stemmed} OR {_in('search_exact_fts', bind('names : ' + phrase(node)))})"
    if isinstance(node, AnyOf):
        return "(" + " OR ".join(predicate(option, bind) for option in node.options) + ")"
    included = " AND ".join(predicate(part, bind) for part in node.include)
    if not node.exclude:
        return f"({included})"
    excluded = " OR ".join(predicate(part, bind) for part in node.exclude)
    return f"({included} AND NOT ({excluded}))"


def ranked_expressions(node: Node) -> tuple[str | None, str]:
    """The FTS5 expressions that rank a match (and mark its snippets): every wanted word and
    phrase in the stemmed table (None if there is none), every wanted term in the exact one."""
    terms = wanted(node)
    stemmed = " OR ".join(phrase(term) for term in terms if not term.prefix)
    return stemmed or None, " OR ".join(phrase(term) for term in terms)


RANKED = """
SELECT e.id, e.record_type, e.record_id, e.title, {score} AS score
FROM search_entries AS e {joins}
WHERE {predicate} AND e.record_type IN :types
ORDER BY score DESC, e.id
LIMIT :limit OFFSET :offset
"""
RANK_JOIN = (
    "LEFT JOIN (SELECT rowid AS id, {rank} AS rank FROM {table} WHERE {table} MATCH :{name}) "
    "AS {name} ON {name}.id = e.id"
)
RANKS = {"exact": ("search_exact_fts", EXACT_RANK), "stemmed": ("search_fts", STEMMED_RANK)}


def hits(
    session: Session, node: Node, types: Sequence[str], limit: int, offset: int
) -> list[dict[str, Any]]:
    """One page of ranked hits, best first, with highlighted snippets."""
    stemmed, exact = ranked_expressions(node)
    expressions = {"exact": exact} if stemmed is None else {"exact": exact, "stemmed": stemmed}
    binds = Binds()
    joins = [RANK_JOIN.format(table=RANKS[n][0], rank=RANKS[n][1], name=n) for n in expressions]
    score = " ".join(f"- coalesce({name}.rank, 0)" for name in expressions)
    where = predicate(node, binds)
    statement = text(RANKED.format(score=score, joins=" ".join(joins), predicate=where))
    statement = statement.bindparams(bindparam("types", expanding=True))
    page = {"types": list(types), "limit": limit, "offset": offset}
    rows = session.execute(statement, {**page, **expressions, **binds.values}).mappings()
    found = {row["id"]: dict(row) for row in rows}
    for name, expression in expressions.items():
        for snippet in _snippets(session, name, expression, list(found)):
            found[snippet.pop("id")].update(snippet)
    return list(found.values())


# The columns of both tables, in order, and the words a snippet of each shows at most. The
# stemmed names only rank: they have no snippet (a name matches as written).
SNIPPET_WORDS = {"title": 32, "body": 24, "names": 24, "topics": 24}


def _snippets(session: Session, name: str, expression: str, ids: list[int]) -> list[dict[str, Any]]:
    """The snippet of each column of the `name` table ("exact_body"...) for each entry of `ids`."""
    if not ids:
        return []
    table = RANKS[name][0]
    columns = ", ".join(
        f"snippet({table}, {index}, :start, :end, '…', {words}) AS {name}_{column}"
        for index, (column, words) in enumerate(SNIPPET_WORDS.items())
        if not (name == "stemmed" and column == "names")
    )
    statement = text(
        f"SELECT rowid AS id, {columns} FROM {table} "  # noqa: S608 (constants)
        f"WHERE {table} MATCH :expression AND rowid IN :ids"
    ).bindparams(bindparam("ids", expanding=True))
    params = {"expression": expression, "start": MARK_START, "end": MARK_END, "ids": ids}
    return [dict(row) for row in session.execute(statement, params).mappings()]


@compiles(Matches, "sqlite")
def compile_matches(element: Matches, compiler: Any, **kw: Any) -> str:
    """`key IN (ids of the matching records of the type)`, with the expressions bound."""
    key = compiler.process(element.key, **kw)
    record_type = compiler.process(literal(element.record_type), **kw)
    where = predicate(element.node, lambda value: compiler.process(literal(value), **kw))
    return (
        f"{key} IN (SELECT e.record_id FROM search_entries AS e "  # noqa: S608 (binds only)
        f"WHERE e.record_type = {record_type} AND {where})"
    )
