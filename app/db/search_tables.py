"""Derived tables that the loader rebuilds from the records: the search index, facet counts,
per-day quote counts and the quotes' JSON documents.

They live outside the models' metadata because part of them is dialect-specific (an FTS5
virtual table on SQLite, a tsvector column with a GIN index on PostgreSQL); `is_derived` names
them for the schema drift check, in one place.
"""

from typing import Any

from sqlalchemy import Column, Date, Integer, LargeBinary, MetaData, String, Table, Text

DERIVED_PREFIXES = ("search_", "derived_")

derived_metadata = MetaData()

# One row per searchable record; `id` is the FTS5 rowid on SQLite.
search_entries = Table(
    "search_entries",
    derived_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("record_type", String(16), nullable=False),
    Column("record_id", String(200), nullable=False),
    Column("title", Text, nullable=False),
    Column("body", Text, nullable=False),
    Column("names", Text, nullable=False),
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
derived_quote_documents = Table(
    "derived_quote_documents",
    derived_metadata,
    Column("id", String(200), primary_key=True),
    Column("body", LargeBinary, nullable=False),
)

# How many dated quotes each speaker has on each day: a speaker facet over a date range sums
# these instead of grouping every quote in the range.
derived_quote_day_counts = Table(
    "derived_quote_day_counts",
    derived_metadata,
    Column("said_on", Date, primary_key=True),
    Column("speaker_id", String(200), primary_key=True),
    Column("quotes", Integer, nullable=False),
    sqlite_with_rowid=False,  # the key holds the rows: a date range is one covering scan
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
