"""The read model's tables, derived from the records by app.derived: the search index, facet
counts, running quote counts per speaker and each quote's answer as JSON.

They live outside the models' metadata because part of them is dialect-specific (an FTS5
virtual table on SQLite, a tsvector column with a GIN index on PostgreSQL); `is_derived` names
them for the schema drift check, in one place.
"""

from typing import Any

from sqlalchemy import Column, Date, Integer, LargeBinary, MetaData, String, Table, Text

DERIVED_PREFIXES = ("search_", "derived_")

derived_metadata = MetaData()

# One row per searchable record; `id` is the FTS5 rowid on SQLite. `title` and `body` are the
# record's own words; `names` the names of the people, places and publishers it involves (matched
# as written, never stemmed); `topics` the names and aliases of the topics it is about;
# `name_words` the names as SQLite's stemmed index holds them (app.derived.search_store).
search_entries = Table(
    "search_entries",
    derived_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("record_type", String(16), nullable=False),
    Column("record_id", String(200), nullable=False),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("names", Text, nullable=False),
    Column("topics", Text, nullable=False),
    Column("name_words", Text, nullable=False),
)

# Facet counts over a whole resource, computed at load time for unfiltered lists.
search_facet_counts = Table(
    "search_facet_counts",
    derived_metadata,
    Column("resource", String(16), primary_key=True),
    Column("facet", String(16), primary_key=True),
    Column("value", String(200), primary_key=True),
    Column("label", Text, nullable=False),
    Column("count", Integer, nullable=False),
)


# Each quote as the API sends it (QuoteRead's JSON), so that reads need not rebuild it from five
# tables: one primary-key lookup instead of five statements and a pydantic model per quote.
derived_quote_json = Table(
    "derived_quote_json",
    derived_metadata,
    Column("id", String(200), primary_key=True),
    Column("body", LargeBinary, nullable=False),
)

# Running counts of dated quotes per speaker, for the speaker facet of a date range: the row of
# day D holds, for each speaker slot, how many of the speaker's quotes were said on or before D
# (a packed array of 32-bit integers, one per slot). The count in [A, B] is then the row at or
# before B minus the row before A: two lookups, whatever the range.
derived_quote_speaker_slots = Table(
    "derived_quote_speaker_slots",
    derived_metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # one row, id 1
    Column("speakers", LargeBinary, nullable=False),  # JSON: [[speaker id, name], ...] by slot
)
derived_quote_speaker_totals = Table(
    "derived_quote_speaker_totals",
    derived_metadata,
    Column("said_on", Date, primary_key=True),
    Column("counts", LargeBinary, nullable=False),
)


def is_derived(name: str | None) -> bool:
    """True for the derived tables and their indexes (and FTS5's shadow tables)."""
    return bool(name) and str(name).startswith(DERIVED_PREFIXES)


def include_object(
    obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any
) -> bool:
    """Alembic's filter: compare only the models' own schema, not the derived tables."""
    if type_ == "table":
        return not is_derived(name)
    table = getattr(obj, "table", None)
    return not (table is not None and is_derived(table.name)) and not is_derived(name)
