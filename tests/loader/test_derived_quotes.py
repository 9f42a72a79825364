"""The stored quote documents follow every load of the seed."""

from pathlib import Path

from sqlalchemy import create_engine, delete, select
from sqlalchemy.orm import Session

from app.db.derived_tables import derived_quote_json
from app.db.models import Quote
from app.loader import load_seed
from app.queries import quotes
from tests.conftest import MAX_BYTES
from tests.loader.test_verification import replace_in


def stored_and_live(url: str) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """Each quote's stored document, and the JSON that a live read builds for it now."""
    engine = create_engine(url)
    with Session(engine) as session:
        stored = {row.id: bytes(row.body) for row in session.execute(select(derived_quote_json))}
        rows = list(session.execute(select(Quote.__table__)).mappings())
        live = {
            quote.id: quote.__pydantic_serializer__.to_json(quote)
            for quote in quotes.hydrate(session, rows)
        }
    engine.dispose()
    return stored, live


def test_documents_follow_an_edit_of_a_related_record(empty_db: str, seed_copy: Path) -> None:
    load_seed(seed_copy, empty_db, MAX_BYTES)
    stored, live = stored_and_live(empty_db)
    assert stored == live and len(stored) > 0
    # Renaming a speaker changes the documents of that speaker's quotes, not the quotes' rows.
    replace_in(seed_copy / "actors.yaml", "name: Vladimir Putin", "name: Vladimir V. Putin")
    load_seed(seed_copy, empty_db, MAX_BYTES)
    stored, live = stored_and_live(empty_db)
    assert stored == live
    assert any(b'"name":"Vladimir V. Putin"' in body for body in stored.values())


def test_a_load_completes_missing_documents(empty_db: str, seed_copy: Path) -> None:
    """A database migrated to the documents after its load gets them from the next load."""
    load_seed(seed_copy, empty_db, MAX_BYTES)
    engine = create_engine(empty_db)
    with engine.begin() as connection:
        connection.execute(delete(derived_quote_json))
    engine.dispose()
    report = load_seed(seed_copy, empty_db, MAX_BYTES)
    assert report.written
    stored, live = stored_and_live(empty_db)
    assert stored == live and len(stored) > 0
