"""`derived.refresh(changed)` leaves the read model exactly as `derived.rebuild` would, after
records are edited and deleted in place: the entry point that writes of a few records use."""

from typing import Any

import pytest
from sqlalchemy import Connection, create_engine, delete, select, text, update

from app import derived
from app.db.derived_tables import (
    derived_quote_json,
    derived_quote_speaker_slots,
    derived_quote_speaker_totals,
    search_entries,
    search_facet_counts,
)
from app.db.models import (
    Actor,
    Article,
    Citation,
    Event,
    PositionEvidence,
    Quote,
    QuoteTopic,
    Topic,
)
from app.loader import load_seed
from tests.conftest import MAX_BYTES, MINI_SEED

SEARCHES = ["truce", "ceasefire", "hochstapler", "anchorage", "fadeev"]


def read_model(connection: Connection) -> dict[str, Any]:
    """Everything the read model holds, comparable across the two entry points (an entry's row
    id is not: the index is searched instead)."""
    entries = select(*(c for c in search_entries.c if c.name not in ("id", "vector")))
    state: dict[str, Any] = {
        "entries": sorted(tuple(row) for row in connection.execute(entries)),
        "json": sorted(tuple(row) for row in connection.execute(select(derived_quote_json))),
        "facets": sorted(tuple(row) for row in connection.execute(select(search_facet_counts))),
        "slots": [tuple(row) for row in connection.execute(select(derived_quote_speaker_slots))],
        "totals": [tuple(row) for row in connection.execute(select(derived_quote_speaker_totals))],
    }
    state["found"] = {word: found(connection, word) for word in SEARCHES}
    return state


def found(connection: Connection, word: str) -> list[str]:
    """The entries that either index holds `word` in (checking FTS5's indexes first)."""
    if connection.dialect.name == "sqlite":
        for table in ("search_fts", "search_exact_fts"):
            connection.execute(text(f"INSERT INTO {table}({table}) VALUES ('integrity-check')"))
        query = text(
            "SELECT e.record_id FROM search_entries AS e WHERE e.id IN "
            "(SELECT rowid FROM search_fts WHERE search_fts MATCH :word UNION "
            "SELECT rowid FROM search_exact_fts WHERE search_exact_fts MATCH :word) "
            "ORDER BY e.record_id"
        )
    else:
        query = text(
            "SELECT record_id FROM search_entries WHERE vector @@ to_tsquery('simple', :word)"
            " ORDER BY record_id"
        )
    return list(connection.scalars(query, {"word": word}))


def edit(connection: Connection) -> dict[str, list[str]]:
    """Rename an actor, a topic, an event and an article, reword a quote and delete another;
    return what changed."""
    connection.execute(update(Actor).where(Actor.id == "alexey-fadeev").values(name="Hochstapler"))
    connection.execute(update(Topic).where(Topic.id == "ceasefire").values(name="Truce"))
    connection.execute(
        update(Event).where(Event.id == "anchorage-summit-2025").values(title="Anchorage talks")
    )
    connection.execute(
        update(Article).where(Article.source_id == "afp-2025-08-15").values(title="No deal")
    )
    connection.execute(
        update(Quote).where(Quote.id == "zelensky-pressure-on-russia").values(said_on=None)
    )
    gone = "putin-next-time-in-moscow"
    connection.execute(delete(Citation).where(Citation.quote_id == gone))
    connection.execute(delete(QuoteTopic).where(QuoteTopic.quote_id == gone))
    connection.execute(delete(PositionEvidence).where(PositionEvidence.quote_id == gone))
    connection.execute(delete(Quote).where(Quote.id == gone))
    return {
        "actors": ["alexey-fadeev"],
        "topics": ["ceasefire"],
        "events": ["anchorage-summit-2025"],
        "sources": ["afp-2025-08-15"],
        "quotes": ["zelensky-pressure-on-russia", gone],
    }


def test_a_refresh_derives_what_a_rebuild_derives(empty_db: str) -> None:
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    engine = create_engine(empty_db)
    try:
        with engine.connect() as connection, connection.begin():
            before = read_model(connection)
            derived.refresh(connection, edit(connection))
            refreshed = read_model(connection)
            derived.rebuild(connection)
            rebuilt = read_model(connection)
    finally:
        engine.dispose()
    assert refreshed == rebuilt
    assert refreshed != before
    assert refreshed["found"]["hochstapler"]  # the renamed speaker's quotes are found by name
    assert "putin-next-time-in-moscow" not in {row[0] for row in refreshed["json"]}
    # A quote's stored answer names the article of each citation, renamed with its source.
    stored = dict(refreshed["json"])
    assert b'"title":"No deal"' in bytes(stored["putin-understanding-pave-the-way"])


@pytest.mark.parametrize("resource", ["actors", "quotes", "sources"])
def test_a_refresh_of_nothing_changed_changes_nothing(empty_db: str, resource: str) -> None:
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    engine = create_engine(empty_db)
    try:
        with engine.connect() as connection, connection.begin():
            before = read_model(connection)
            derived.refresh(connection, {resource: ["no-such-record"]})
            assert read_model(connection) == before
    finally:
        engine.dispose()
