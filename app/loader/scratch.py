"""The loader's working space: a private SQLite file that holds a seed's rows while it is checked.

A seed's records (their rows as JSON, with their content hash), the references between them and
what else needs the whole seed to be checked are staged here one record at a time and checked
with SQL; the write reads its batches from here. So the loader's memory does not grow with the
seed. The file is SQLite's own private
temporary database: it is unlinked as soon as it is opened, so nothing is left behind even when
the loader is killed, and it is never the database being loaded.
"""

import sqlite3
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

SCHEMA = """
CREATE TABLE records (
    seq INTEGER PRIMARY KEY, resource TEXT NOT NULL, id TEXT NOT NULL, line INTEGER NOT NULL,
    main BLOB, children BLOB, hash TEXT
);
CREATE UNIQUE INDEX records_by_id ON records (resource, id);
CREATE TABLE invalid (resource TEXT NOT NULL, id TEXT NOT NULL);
CREATE INDEX invalid_by_id ON invalid (resource, id);
CREATE TABLE refs (
    resource TEXT NOT NULL, id TEXT NOT NULL, file TEXT NOT NULL, line INTEGER NOT NULL,
    field TEXT NOT NULL
);
CREATE TABLE quote_words (
    key BLOB NOT NULL, seq INTEGER NOT NULL, id TEXT NOT NULL, file TEXT NOT NULL,
    line INTEGER NOT NULL
);
CREATE TABLE files (name TEXT NOT NULL, digest TEXT NOT NULL);
CREATE INDEX records_by_bare_id ON records (id, seq);
CREATE TABLE checked (seq INTEGER PRIMARY KEY, resource TEXT NOT NULL, located BLOB NOT NULL);
CREATE TABLE speakers (id TEXT NOT NULL, speaker TEXT NOT NULL);
CREATE INDEX speakers_by_id ON speakers (id);
CREATE TABLE names (actor TEXT NOT NULL, name TEXT NOT NULL);
CREATE INDEX names_by_actor ON names (actor);
CREATE TABLE articles (
    source TEXT NOT NULL, id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    day TEXT NOT NULL
);
CREATE INDEX articles_by_source ON articles (source);
CREATE TABLE replaced (
    seq INTEGER NOT NULL, resource TEXT NOT NULL, old_id TEXT NOT NULL, new_id TEXT NOT NULL
);
CREATE INDEX replaced_by_id ON replaced (resource, old_id, seq);
CREATE VIRTUAL TABLE spans USING rtree_i32(id, source_lo, source_hi, lo, hi, +quote);
CREATE TABLE stored (
    resource TEXT NOT NULL, id TEXT NOT NULL, hash TEXT, PRIMARY KEY (resource, id)
) WITHOUT ROWID;
"""
# No journal and no syncing: the file dies with the load. Its page cache is 16 MiB (negative:
# KiB), so the loader's memory stays flat however large the file grows.
PRAGMAS = (
    "PRAGMA journal_mode=OFF",
    "PRAGMA synchronous=OFF",
    "PRAGMA cache_size=-16384",
    "PRAGMA temp_store=FILE",
)
INSERTS = {
    "records": "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?)",
    "invalid": "INSERT INTO invalid VALUES (?, ?)",
    "refs": "INSERT INTO refs VALUES (?, ?, ?, ?, ?)",
    "quote_words": "INSERT INTO quote_words VALUES (?, ?, ?, ?, ?)",
    "files": "INSERT INTO files VALUES (?, ?)",
    "checked": "INSERT INTO checked VALUES (?, ?, ?)",
    "speakers": "INSERT INTO speakers VALUES (?, ?)",
    "names": "INSERT INTO names VALUES (?, ?)",
    "articles": "INSERT INTO articles VALUES (?, ?, ?, ?, ?)",
    "replaced": "INSERT INTO replaced VALUES (?, ?, ?, ?)",
    "spans": "INSERT INTO spans (source_lo, source_hi, lo, hi, quote) VALUES (?, ?, ?, ?, ?)",
}
# Rows staged in Python before they are written in one executemany: so many, or so many bytes
# (as told by `append`: a source's row carries its whole document).
PENDING_ROWS = 2000
PENDING_BYTES = 1 << 20


class Scratch:
    """A private scratch database with buffered appends to its tables."""

    def __init__(self) -> None:
        self.db = sqlite3.connect("", isolation_level=None)
        for pragma in PRAGMAS:
            self.db.execute(pragma)
        self.db.executescript(SCHEMA)
        self.db.execute("BEGIN")
        self._pending: dict[str, list[tuple[Any, ...]]] = {}
        self._bytes: dict[str, int] = {}

    def close(self) -> None:
        self.db.close()

    def append(self, table: str, row: tuple[Any, ...], size: int = 0) -> bool:
        """Add a row to `table`, written with the next flush; whether that flush was now."""
        pending = self._pending.setdefault(table, [])
        pending.append(row)
        self._bytes[table] = self._bytes.get(table, 0) + size
        if len(pending) < PENDING_ROWS and self._bytes[table] < PENDING_BYTES:
            return False
        self.flush(table)
        return True

    def flush(self, table: str | None = None) -> None:
        for name in [table] if table else list(self._pending):
            rows = self._pending.pop(name, [])
            self._bytes.pop(name, None)
            if rows:
                self.db.executemany(INSERTS[name], rows)

    def one(self, sql: str, *params: Any) -> Any:
        row = self.db.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def rows(self, sql: str, *params: Any) -> Iterator[Any]:
        """The rows of a query, read lazily (other statements may run between them)."""
        return iter(self.db.execute(sql, params))

    def run(self, sql: str, rows: Iterable[tuple[Any, ...]]) -> None:
        self.db.executemany(sql, rows)


class Lookup(Mapping[Any, Any]):
    """A read-only mapping over the scratch file: `find` reads the value of a key (None when
    there is none), `keys` is the query that lists the keys (a tuple where it has columns)."""

    def __init__(self, scratch: Scratch, keys: str, find: Callable[[Any], Any]) -> None:
        self.scratch = scratch
        self.keys_query = keys
        self.find = find

    def key_rows(self) -> Iterable[Sequence[Any]]:
        return self.scratch.rows(self.keys_query)

    def __getitem__(self, key: Any) -> Any:
        value = self.find(key)
        if value is None:
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[Any]:
        for row in self.key_rows():
            yield row[0] if len(row) == 1 else tuple(row)

    def __len__(self) -> int:
        return sum(1 for _ in self.key_rows())
