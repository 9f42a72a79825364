"""Loading writes all or nothing, changes nothing the second time, and follows the seed's edits."""

import hashlib
import shutil
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, select

from app.config import Settings
from app.db.models import Base
from app.loader import SeedRejected, load_seed
from app.main import create_app
from tests.conftest import MAX_BYTES, MINI_SEED
from tests.databases import sqlite_copy
from tests.loader.test_verification import replace_in


def snapshot(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order."""
    engine = create_engine(url)
    with engine.connect() as connection:
        tables = {
            name: sorted(map(tuple, connection.execute(select(table))), key=repr)
            for name, table in Base.metadata.tables.items()
        }
    engine.dispose()
    return tables


def file_digest(url: str) -> str:
    path = Path(url.removeprefix("sqlite:///"))
    return hashlib.sha256(path.read_bytes()).hexdigest()


def changes(report: Any) -> dict[str, tuple[int, int, int, int]]:
    return {
        resource: (c.inserted, c.updated, c.deleted, c.unchanged)
        for resource, c in report.changes.items()
    }


def test_a_first_load_inserts_everything(empty_db: str) -> None:
    report = load_seed(MINI_SEED, empty_db, MAX_BYTES)
    assert report.written
    assert changes(report)["quotes"] == (4, 0, 0, 0)
    assert report.counts == {
        "sources": 2,
        "topics": 3,
        "actors": 6,
        "events": 3,
        "quotes": 4,
        "positions": 3,
        "variants": 0,
        "citations": 11,
    }
    assert len(snapshot(empty_db)["citations"]) == 11


def test_a_second_load_of_the_same_seed_changes_nothing(empty_db: str) -> None:
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    before = snapshot(empty_db)
    report = load_seed(MINI_SEED, empty_db, MAX_BYTES)
    assert not report.written
    assert all(counts[:3] == (0, 0, 0) for counts in changes(report).values())
    assert snapshot(empty_db) == before


def test_a_bad_seed_leaves_the_database_as_it_was(empty_db: str, seed_copy: Path) -> None:
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    before = snapshot(empty_db)
    digest = file_digest(empty_db) if empty_db.startswith("sqlite") else None
    replace_in(seed_copy / "quotes.yaml", "speaker: vladimir-putin", "speaker: nobody")
    replace_in(seed_copy / "topics.yaml", "name: Ceasefire", "name: Truce")
    with pytest.raises(SeedRejected):
        load_seed(seed_copy, empty_db, MAX_BYTES)
    assert snapshot(empty_db) == before
    if digest is not None:
        assert file_digest(empty_db) == digest


def test_edits_update_and_removals_delete(empty_db: str, seed_copy: Path) -> None:
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    replace_in(seed_copy / "topics.yaml", "name: Ceasefire", "name: Truce")
    text = (seed_copy / "positions.yaml").read_text(encoding="utf-8")
    kept = text[: text.index("- id: russia-europe-consultations")]
    (seed_copy / "positions.yaml").write_text(kept, encoding="utf-8")
    report = load_seed(seed_copy, empty_db, MAX_BYTES)
    assert changes(report)["topics"] == (0, 1, 0, 2)
    assert changes(report)["positions"] == (0, 0, 1, 2)
    rows = snapshot(empty_db)
    assert ("ceasefire", "Truce") in [row[:2] for row in rows["topics"]]
    assert {row[0] for row in rows["positions"]} == {"zelensky-ceasefire", "russia-ceasefire"}
    assert not [row for row in rows["position_evidence"] if row[0] == "russia-europe-consultations"]


def test_a_changed_citation_replaces_the_old_one(empty_db: str, seed_copy: Path) -> None:
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    replace_in(
        seed_copy / "quotes.yaml",
        "excerpt: “Next time in Moscow,” Putin told Trump in English",
        "excerpt: “Next time in Moscow,” Putin told Trump",
    )
    report = load_seed(seed_copy, empty_db, MAX_BYTES)
    assert changes(report)["quotes"] == (0, 1, 0, 3)
    excerpts = [
        row[2] for row in snapshot(empty_db)["citations"] if row[9] == "putin-next-time-in-moscow"
    ]
    assert excerpts == ["“Next time in Moscow,” Putin told Trump"]


def test_removing_a_whole_resource_file_is_refused_not_a_mass_delete(
    empty_db: str, seed_copy: Path
) -> None:
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    (seed_copy / "quotes.yaml").unlink()
    with pytest.raises(SeedRejected, match="problem"):
        load_seed(seed_copy, empty_db, MAX_BYTES)


def test_the_dataset_version_follows_the_seed(empty_db: str, tmp_path: Path) -> None:
    first = load_seed(MINI_SEED, empty_db, MAX_BYTES).version
    edited = tmp_path / "edited"
    shutil.copytree(MINI_SEED, edited)
    replace_in(edited / "topics.yaml", "name: Ceasefire", "name: Truce")
    second = load_seed(edited, empty_db, MAX_BYTES).version
    assert first != second
    assert snapshot(empty_db)["dataset"][0][1] == second


def test_a_load_leaves_no_write_ahead_log_behind(
    sqlite_template: Path, tmp_path: Path, seed_copy: Path
) -> None:
    """A load is one transaction: its log would otherwise stay as large as the load."""
    url = sqlite_copy(sqlite_template, tmp_path)
    wal = Path(url.removeprefix("sqlite:///") + "-wal")
    with TestClient(create_app(Settings(database_url=url))) as client:  # readers, as serving
        load_seed(MINI_SEED, url, MAX_BYTES)
        assert client.get("/v1/quotes").status_code == 200
        assert wal.stat().st_size == 0
        replace_in(seed_copy / "topics.yaml", "name: Ceasefire", "name: Truce")
        load_seed(seed_copy, url, MAX_BYTES)
        assert client.get("/v1/topics/ceasefire").json()["name"] == "Truce"
        assert wal.stat().st_size == 0


def test_a_source_whose_articles_change_keeps_the_citations_of_unchanged_records(
    empty_db: str, seed_copy: Path
) -> None:
    # The source's articles are written again before the records that cite them, in the same
    # transaction: the citations' reference to their article holds when it commits.
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    replace_in(
        seed_copy / "sources.yaml",
        "      title: Putin and Trump leave Alaska summit with no deal on war in Ukraine",
        "      title: Putin and Trump leave Alaska summit",
    )
    report = load_seed(seed_copy, empty_db, MAX_BYTES)
    assert changes(report)["sources"] == (0, 1, 0, 1)
    assert changes(report)["quotes"] == (0, 0, 0, 4)
    with TestClient(create_app(Settings(database_url=empty_db))) as client:
        quote = client.get("/v1/quotes/putin-next-time-in-moscow").json()
    assert quote["citations"][0]["article"]["title"] == "Putin and Trump leave Alaska summit"
    replace_in(seed_copy / "sources.yaml", "- id: no-deal-in-alaska", "- id: no-deal")
    report = load_seed(seed_copy, empty_db, MAX_BYTES)
    assert changes(report)["quotes"] == (0, 2, 0, 2)
    cited = {row[-1] for row in snapshot(empty_db)["citations"] if row[1] == "afp-2025-08-15"}
    assert cited == {"no-deal"}


def test_an_articles_time_and_time_zone_are_stored(empty_db: str, seed_copy: Path) -> None:
    replace_in(
        seed_copy / "sources.yaml",
        "      published_at: 2025-08-14T09:42\n      start: 61",
        "      published_at: 2025-08-14T09:42\n      time_zone: Asia/Shanghai\n      start: 61",
    )
    load_seed(seed_copy, empty_db, MAX_BYTES)
    with TestClient(create_app(Settings(database_url=empty_db))) as client:
        [article] = client.get("/v1/sources/chinadaily-2025-08-14").json()["articles"]
    assert (article["published_at"], article["time_zone"]) == (
        "2025-08-14T09:42:00",
        "Asia/Shanghai",
    )
