"""SQLite: a search is one FTS5 expression over the stemmed table (app.derived.search_store),
ranked by the bm25 of the stems and, where an entry holds the words as typed, of the exact table.

A word or phrase matches a title, body or topics by its stems, or names as written: the stemmed
table also holds the names' words marked (NAME_MARK, in `name_words`), which its porter tokenizer
leaves as they are. A prefix matches the words of the index that start with it (read from its
vocabulary) and the stems that start with it, so that "negotia*" finds "negotiated" though its
stem is "negoti".
"""

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import bindparam, literal, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session

from app.derived.search_store import NAME_MARK
from app.queries.search_match import Matches
from app.queries.search_syntax import AllOf, AnyOf, Node, Terms, terms, wanted

MARK_START, MARK_END = "\ue000", "\ue001"
HTML_ESCAPED = False
# Words of the index a prefix is searched as, at most; the stems that start with it are searched
# whatever their number.
PREFIX_WORDS = 64


def phrase(words: Sequence[str], prefix: bool = False) -> str:
    """An FTS5 phrase: every word is double-quoted, so nothing is syntax."""
    return '"' + " ".join(words) + '"' + ("*" if prefix else "")


def _as_names(term: Terms) -> str:
    marked = [word + NAME_MARK for word in term.words]
    if term.prefix:  # a name's word starts with the prefix, and its mark comes after it
        marked[-1] = term.words[-1]
    return phrase(marked, term.prefix)


def expression(node: Node) -> str:
    """The FTS5 expression that finds the entries matching `node` in the stemmed table: each
    word or phrase by its stems in a title, body or topics, or as written in the names."""
    return _rendered(node, _stems_or_names)


def by_stems(node: Node) -> str:
    """The FTS5 expression that ranks a match by stems (names included, as one phrase with the
    other parts: a name counts once, weighed by where it is)."""
    return _rendered(node, lambda term: "{title body names topics} : " + _plain(term))


def exactly(node: Node) -> str:
    """The FTS5 expression of `node` over the exact table: the entries that hold its words as
    typed, whose bm25 adds to their rank."""
    return _rendered(node, _plain)


def as_written(node: Node) -> str:
    """The wanted terms as written, any of them: what a snippet of the exact table marks."""
    return " OR ".join(_plain(term) for term in wanted(node))


def _plain(term: Terms) -> str:
    return phrase(term.words, term.prefix)


def _stems_or_names(term: Terms) -> str:
    return f"({{title body topics}} : {_plain(term)} OR name_words : {_as_names(term)})"


def _rendered(node: Node, leaf: Callable[[Terms], str]) -> str:
    if isinstance(node, Terms):
        return leaf(node)
    if isinstance(node, AnyOf):
        return "(" + " OR ".join(_rendered(option, leaf) for option in node.options) + ")"
    included = "(" + " AND ".join(_rendered(part, leaf) for part in node.include) + ")"
    if not node.exclude:
        return included
    excluded = " OR ".join(_rendered(part, leaf) for part in node.exclude)
    return f"({included} NOT ({excluded}))"


VOCABULARY = text(
    "SELECT term FROM search_exact_vocab WHERE term >= :start AND term < :end "
    "ORDER BY term LIMIT :limit"
)


def prepared(session: Session, node: Node) -> Node:
    """`node` with each prefix also searched as the words of the index that start with it."""
    prefixes = {term.words[-1] for term in terms(node) if term.prefix}
    if not prefixes:
        return node
    starting: dict[str, tuple[str, ...]] = {}
    for prefix in prefixes:
        bounds = {"start": prefix, "end": prefix + "\U0010ffff", "limit": PREFIX_WORDS}
        starting[prefix] = tuple(session.scalars(VOCABULARY, bounds))
    return _with_words(node, starting)


def _with_words(node: Node, starting: dict[str, tuple[str, ...]]) -> Node:
    if isinstance(node, Terms):
        if not node.prefix:
            return node
        lead = node.words[:-1]
        words = (Terms((*lead, word)) for word in starting[node.words[-1]])
        return AnyOf((node, *words))
    if isinstance(node, AnyOf):
        return AnyOf(tuple(_with_words(option, starting) for option in node.options))
    return AllOf(
        tuple(_with_words(part, starting) for part in node.include),
        tuple(_with_words(part, starting) for part in node.exclude),
    )


# Hits of one score come in the order of their record (not of their entry, whose number says
# when it was last written). Column weights in bm25 (title, body, names, topics; name_words only
# match), given with each query: stored as a table's configured rank instead, every load
# rewrote FTS5's configuration, and each connection that had searched before failed its next
# search ("SQL logic error").
RANKED = text(
    """
SELECT e.id, e.record_type, e.record_id, e.title,
       -coalesce(stemmed.rank, 0) - coalesce(exact.rank, 0) AS score
FROM (SELECT rowid AS id FROM search_fts WHERE search_fts MATCH :matching) AS matched
JOIN search_entries AS e ON e.id = matched.id
LEFT JOIN (SELECT rowid AS id, bm25(search_fts, 4.0, 1.0, 2.0, 0.5, 0.0) AS rank
           FROM search_fts WHERE search_fts MATCH :stemmed) AS stemmed ON stemmed.id = matched.id
LEFT JOIN (SELECT rowid AS id, bm25(search_exact_fts, 4.0, 1.0, 2.0, 0.5) AS rank
           FROM search_exact_fts WHERE search_exact_fts MATCH :exact) AS exact
       ON exact.id = matched.id
WHERE e.record_type IN :types
ORDER BY score DESC, e.record_type, e.record_id
LIMIT :limit OFFSET :offset
"""
).bindparams(bindparam("types", expanding=True))


def hits(
    session: Session, node: Node, types: Sequence[str], limit: int, offset: int
) -> list[dict[str, Any]]:
    """One page of ranked hits, best first, with highlighted snippets."""
    ranking = {"matching": expression(node), "stemmed": by_stems(node), "exact": exactly(node)}
    page = {"types": list(types), "limit": limit, "offset": offset}
    rows = session.execute(RANKED, {**page, **ranking}).mappings()
    found = {row["id"]: dict(row) for row in rows}
    marking = [(STEMMED_SNIPPETS, ranking["matching"]), (EXACT_SNIPPETS, as_written(node))]
    params = {"start": MARK_START, "end": MARK_END, "ids": list(found)}
    for statement, match in marking if found else []:
        for snippet in session.execute(statement, {**params, "match": match}).mappings():
            found[snippet["id"]].update({k: v for k, v in snippet.items() if k != "id"})
    return list(found.values())


# The snippets of each column of a page's entries; a name matches as written, so its snippet
# comes from the exact table.
STEMMED_SNIPPETS = text(
    "SELECT rowid AS id, snippet(search_fts, 0, :start, :end, '…', 32) AS stemmed_title, "
    "snippet(search_fts, 1, :start, :end, '…', 24) AS stemmed_body, "
    "snippet(search_fts, 3, :start, :end, '…', 24) AS stemmed_topics "
    "FROM search_fts WHERE search_fts MATCH :match AND rowid IN :ids"
).bindparams(bindparam("ids", expanding=True))
EXACT_SNIPPETS = text(
    "SELECT rowid AS id, snippet(search_exact_fts, 0, :start, :end, '…', 32) AS exact_title, "
    "snippet(search_exact_fts, 1, :start, :end, '…', 24) AS exact_body, "
    "snippet(search_exact_fts, 2, :start, :end, '…', 24) AS exact_names, "
    "snippet(search_exact_fts, 3, :start, :end, '…', 24) AS exact_topics "
    "FROM search_exact_fts WHERE search_exact_fts MATCH :match AND rowid IN :ids"
).bindparams(bindparam("ids", expanding=True))


@compiles(Matches, "sqlite")
def compile_matches(element: Matches, compiler: Any, **kw: Any) -> str:
    """`key IN (ids of the matching records of the type)`, with the expression bound."""
    key = compiler.process(element.key, **kw)
    record_type = compiler.process(literal(element.record_type), **kw)
    match = compiler.process(literal(expression(element.node)), **kw)
    return (
        f"{key} IN (SELECT e.record_id FROM search_entries AS e "  # noqa: S608 (binds only)
        f"WHERE e.record_type = {record_type} "
        f"AND e.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH {match}))"
    )
