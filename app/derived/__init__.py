"""The read model: what the API reads besides the records, derived from them in the writer's
transaction. Each quote's answer as JSON (`quote_json`), the running quote counts per speaker
(`speaker_counts`), the facet counts of whole resources (`facet_counts`) and the search index
(`search_index`); their tables are in app.db.derived_tables.

Two entry points over the same statements: `rebuild` derives everything from every record (what
a load runs); `refresh` derives again only what depends on the records named in `changed` (what
a write of a few records runs), deleted records included.
"""

from sqlalchemy import Connection

from app.derived import facet_counts, quote_json, search_index, speaker_counts
from app.derived.changes import Changed

__all__ = ["Changed", "is_complete", "rebuild", "refresh"]


def rebuild(connection: Connection) -> None:
    """Derive the whole read model from the records as written."""
    search_index.store_entries(connection)
    facet_counts.store_counts(connection)
    quote_json.store_quote_json(connection)
    speaker_counts.store_speaker_counts(connection)


def refresh(connection: Connection, changed: Changed) -> None:
    """Derive again what depends on the records in `changed` (written or deleted)."""
    search_index.store_entries(connection, changed)
    facet_counts.store_counts(connection)
    quote_json.store_quote_json(connection, changed)
    speaker_counts.store_speaker_counts(connection)


def is_complete(connection: Connection) -> bool:
    """Whether the read model covers every record (not so right after a migration that adds a
    part of it)."""
    return quote_json.is_complete(connection)
