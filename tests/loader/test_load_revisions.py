"""Each load writes a revision per record it inserts, updates or deletes, and marks what it saw;
a load refuses to overwrite records edited through the API since then unless told to."""

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Row, create_engine, func, insert, select, update

from app.db.models import Dataset, Quote, Revision
from app.domain import ChangeKind
from app.loader import EditsWouldBeLost, load_seed
from app.loader.records import RESOURCES
from app.loader.revisions import LOAD_AUTHOR
from tests.conftest import MAX_BYTES, MINI_SEED
from tests.loader.test_verification import replace_in

EDITED = "putin-next-time-in-moscow"


def revisions(url: str) -> list[Row[Any]]:
    """Every revision's columns, in order."""
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(select(Revision.__table__).order_by(Revision.number)).all()
    engine.dispose()
    return list(rows)


def load_mark(url: str) -> int | None:
    engine = create_engine(url)
    with engine.connect() as connection:
        mark = connection.scalar(select(Dataset.last_revision))
    engine.dispose()
    return mark


def edit_through_a_key(url: str, quote_id: str = EDITED) -> None:
    """What an edit through the API leaves: a changed record and a revision by the key."""
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(update(Quote).where(Quote.id == quote_id).values(content_hash="e"))
        row = {
            "resource": "quotes",
            "record_id": quote_id,
            "kind": ChangeKind.UPDATE,
            "made_at": dt.datetime.now(dt.UTC),
            "author": "newsroom",
            "by_key": True,
            "change": {"text": "Next time in Moscow!"},
        }
        connection.execute(insert(Revision), row)
    engine.dispose()


def test_a_first_load_writes_a_creation_per_record_with_its_hash(empty_db: str) -> None:
    report = load_seed(MINI_SEED, empty_db, MAX_BYTES)
    written = revisions(empty_db)
    expected = sum(report.counts[resource] for resource in RESOURCES)
    assert len(written) == expected > 0
    assert {(r.kind, r.author, r.by_key) for r in written} == {
        (ChangeKind.CREATE, LOAD_AUTHOR, False)
    }
    engine = create_engine(empty_db)
    with engine.connect() as connection:
        stored = dict(connection.execute(select(Quote.id, Quote.content_hash)).all())
    engine.dispose()
    quotes = {r.record_id: r.change["content_hash"] for r in written if r.resource == "quotes"}
    assert quotes == stored
    assert load_mark(empty_db) == written[-1].number


def test_a_load_writes_revisions_for_what_it_changes_only(empty_db: str, seed_copy: Path) -> None:
    load_seed(seed_copy, empty_db, MAX_BYTES)
    before = len(revisions(empty_db))
    load_seed(seed_copy, empty_db, MAX_BYTES)
    assert len(revisions(empty_db)) == before  # unchanged: nothing written
    quotes = (seed_copy / "quotes.yaml").read_text(encoding="utf-8")
    kept = quotes[: quotes.index("- id: putin-next-time-in-moscow")]
    (seed_copy / "quotes.yaml").write_text(kept, encoding="utf-8")
    replace_in(seed_copy / "topics.yaml", "name: Ceasefire", "name: Cease-fire")
    load_seed(seed_copy, empty_db, MAX_BYTES)
    new = [(r.resource, r.record_id, r.kind) for r in revisions(empty_db)[before:]]
    assert new == [("topics", "ceasefire", ChangeKind.UPDATE), ("quotes", EDITED, "delete")]
    assert load_mark(empty_db) == len(revisions(empty_db))


def test_a_load_refuses_to_overwrite_edits_unless_told(empty_db: str) -> None:
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    edit_through_a_key(empty_db)
    count = len(revisions(empty_db))
    with pytest.raises(EditsWouldBeLost) as refused:
        load_seed(MINI_SEED, empty_db, MAX_BYTES)
    [edit] = refused.value.edits
    assert (edit.resource, edit.record_id, edit.revisions, edit.last_author) == (
        "quotes",
        EDITED,
        1,
        "newsroom",
    )
    assert len(revisions(empty_db)) == count  # nothing written
    load_seed(MINI_SEED, empty_db, MAX_BYTES, discard_edits=True)
    restored = revisions(empty_db)[-1]
    assert (restored.record_id, restored.kind, restored.author) == (
        EDITED,
        ChangeKind.UPDATE,
        LOAD_AUTHOR,
    )
    assert load_mark(empty_db) == restored.number
    assert not load_seed(MINI_SEED, empty_db, MAX_BYTES).written  # the edit was seen


def test_edits_into_a_database_never_loaded_are_kept_too(empty_db: str) -> None:
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    engine = create_engine(empty_db)
    with engine.begin() as connection:
        connection.execute(update(Dataset).values(last_revision=None))
        connection.execute(update(Revision).values(by_key=True))
        total = connection.scalar(select(func.count()).select_from(Revision))
    engine.dispose()
    with pytest.raises(EditsWouldBeLost) as refused:
        load_seed(MINI_SEED, empty_db, MAX_BYTES)
    assert len(refused.value.edits) == total


def test_an_edit_made_and_undone_is_seen_by_the_next_load_without_writing(
    empty_db: str,
) -> None:
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    engine = create_engine(empty_db)
    with engine.connect() as connection:
        digest = connection.scalar(select(Quote.content_hash).where(Quote.id == EDITED))
    edit_through_a_key(empty_db)
    with engine.begin() as connection:
        connection.execute(update(Quote).where(Quote.id == EDITED).values(content_hash=digest))
    engine.dispose()
    report = load_seed(MINI_SEED, empty_db, MAX_BYTES, discard_edits=True)
    assert not report.written
    assert load_mark(empty_db) == revisions(empty_db)[-1].number
    load_seed(MINI_SEED, empty_db, MAX_BYTES)  # no longer refused
