"""Where the search entries go: `search_entries`, and each database's index over it.

Both databases index an entry's words by their stems (FTS5's porter tokenizer; PostgreSQL's
english configuration without stop words, `summitkb_english`) and as written. A search matches
the words of a title, body or topics by their stems and names only as written, and ranks by
both, so that the very words typed rank above other forms of them. An actor's title is its name:
it has no stems. SQLite holds the two in two FTS5 tables, PostgreSQL in one weighted tsvector.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, bindparam, insert, text

from app.db.derived_tables import search_entries
from app.derived.changes import Changed, ids
from app.queries.search_syntax import words

CHUNK = 2000
Entry = dict[str, Any]
# Follows each word of `name_words`, the names as SQLite's stemmed table holds them: FTS5's
# porter tokenizer leaves a word that ends in it as it is (it is a private-use character, which
# its unicode61 tokenizer counts as part of a word), so names match there only as written.
NAME_MARK = "\ue002"
RECORD_TYPES = {
    "actors": "actor",
    "topics": "topic",
    "events": "event",
    "quotes": "quote",
    "positions": "position",
    "sources": "source",
}


def store(connection: Connection, entries: Iterator[Entry], changed: Changed | None) -> None:
    """Replace the index (or, given `changed`, the entries of the records it names) with
    `entries`."""
    index = SqliteIndex if connection.dialect.name == "sqlite" else PostgresIndex
    entries = (_with_name_words(entry) for entry in entries)
    if changed is None:
        index.replace_all(connection, _chunks(entries))
        return
    fresh = list(entries)
    keys = {(entry["record_type"], entry["record_id"]) for entry in fresh}
    keys |= {(RECORD_TYPES[name], id_) for name in RECORD_TYPES for id_ in ids(changed, name)}
    index.replace(connection, sorted(keys), fresh)


def _with_name_words(entry: Entry) -> Entry:
    return {**entry, "name_words": " ".join(word + NAME_MARK for word in words(entry["names"]))}


def _chunks(entries: Iterator[Entry]) -> Iterator[list[Entry]]:
    chunk: list[Entry] = []
    for entry in entries:
        chunk.append(entry)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _by_type(keys: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for record_type, record_id in keys:
        grouped[record_type].append(record_id)
    return grouped


ENTRIES_DELETE = text(
    "DELETE FROM search_entries WHERE record_type = :record_type AND record_id IN :record_ids"
).bindparams(bindparam("record_ids", expanding=True))
# Each FTS5 table is told of the rows of the entries of a type and ids (external content);
# search_stemmed is a view of search_entries with an actor's title left out (migration 0007).
FTS_DELETES = [
    text(
        "INSERT INTO search_fts(search_fts, rowid, title, body, names, topics, name_words) "
        "SELECT 'delete', id, title, body, names, topics, name_words FROM search_stemmed "
        "WHERE id IN (SELECT id FROM search_entries "
        "WHERE record_type = :record_type AND record_id IN :record_ids)"
    ).bindparams(bindparam("record_ids", expanding=True)),
    text(
        "INSERT INTO search_exact_fts(search_exact_fts, rowid, title, body, names, topics) "
        "SELECT 'delete', id, title, body, names, topics FROM search_entries "
        "WHERE id IN (SELECT id FROM search_entries "
        "WHERE record_type = :record_type AND record_id IN :record_ids)"
    ).bindparams(bindparam("record_ids", expanding=True)),
]
FTS_INSERTS = [
    text(
        "INSERT INTO search_fts(rowid, title, body, names, topics, name_words) "
        "SELECT id, title, body, names, topics, name_words FROM search_stemmed "
        "WHERE id IN (SELECT id FROM search_entries "
        "WHERE record_type = :record_type AND record_id IN :record_ids)"
    ).bindparams(bindparam("record_ids", expanding=True)),
    text(
        "INSERT INTO search_exact_fts(rowid, title, body, names, topics) "
        "SELECT id, title, body, names, topics FROM search_entries "
        "WHERE id IN (SELECT id FROM search_entries "
        "WHERE record_type = :record_type AND record_id IN :record_ids)"
    ).bindparams(bindparam("record_ids", expanding=True)),
]
# No configuration is written (the ranking is given per query, in search_sqlite): a write to it
# failed the next search of every connection that had searched before.
FTS_REBUILDS = [
    text("INSERT INTO search_fts(search_fts) VALUES ('rebuild')"),
    text("INSERT INTO search_fts(search_fts) VALUES ('optimize')"),
    text("INSERT INTO search_exact_fts(search_exact_fts) VALUES ('rebuild')"),
    text("INSERT INTO search_exact_fts(search_exact_fts) VALUES ('optimize')"),
]


class SqliteIndex:
    """FTS5 over `search_entries` as external content: each index is told of each row change."""

    @staticmethod
    def replace_all(connection: Connection, chunks: Iterator[list[Entry]]) -> None:
        connection.execute(search_entries.delete())
        for chunk in chunks:
            connection.execute(insert(search_entries), chunk)
        for statement in FTS_REBUILDS:
            connection.execute(statement)

    @staticmethod
    def replace(connection: Connection, keys: list[tuple[str, str]], entries: list[Entry]) -> None:
        for record_type, record_ids in _by_type(keys).items():
            where = {"record_type": record_type, "record_ids": record_ids}
            for statement in FTS_DELETES:
                connection.execute(statement, where)
            connection.execute(ENTRIES_DELETE, where)
        if entries:
            connection.execute(insert(search_entries), entries)
        for record_type, record_ids in _by_type(keys).items():
            where = {"record_type": record_type, "record_ids": record_ids}
            for statement in FTS_INSERTS:
                connection.execute(statement, where)


class PostgresIndex:
    """One weighted tsvector per entry, from text folded here (lower case, no accents), so that
    matching is the same as on SQLite: A the title's stems (none for an actor, whose title is
    its name), B the title and names as written, C the stems of the body and topics, D the body
    and topics as written."""

    @staticmethod
    def replace_all(connection: Connection, chunks: Iterator[list[Entry]]) -> None:
        connection.execute(search_entries.delete())
        for chunk in chunks:
            connection.execute(POSTGRES_INSERT, [_folded(row) for row in chunk])

    @staticmethod
    def replace(connection: Connection, keys: list[tuple[str, str]], entries: list[Entry]) -> None:
        for record_type, record_ids in _by_type(keys).items():
            where = {"record_type": record_type, "record_ids": record_ids}
            connection.execute(ENTRIES_DELETE, where)
        if entries:
            connection.execute(POSTGRES_INSERT, [_folded(row) for row in entries])


POSTGRES_INSERT = text(
    "INSERT INTO search_entries "
    "(record_type, record_id, title, body, names, topics, name_words, vector) "
    "VALUES (:record_type, :record_id, :title, :body, :names, :topics, :name_words, "
    "setweight(to_tsvector('summitkb_english', :stemmed_title), 'A') || "
    "setweight(to_tsvector('simple', :as_named), 'B') || "
    "setweight(to_tsvector('summitkb_english', :folded_body), 'C') || "
    "setweight(to_tsvector('summitkb_english', :folded_topics), 'C') || "
    "setweight(to_tsvector('simple', :as_written), 'D'))"
)


def folded_text(text: str) -> str:
    """`text` as its searchable words, folded (lower case, no accents), joined by spaces."""
    return " ".join(words(text))


def _folded(row: Entry) -> Entry:
    title, names, body, topics = (
        folded_text(row[key]) for key in ("title", "names", "body", "topics")
    )
    return {
        **row,
        "stemmed_title": "" if row["record_type"] == "actor" else title,  # a name: no stems
        "as_named": f"{title} {names}",
        "folded_body": body,
        "folded_topics": topics,
        "as_written": f"{body} {topics}",
    }
