"""The loader rebuilds the search index and facet counts in its transaction, on every change."""

from pathlib import Path

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, select

from app.config import Settings
from app.db.derived_tables import search_entries
from app.loader import load_seed
from app.main import create_app


def search(url: str, q: str) -> set[str]:
    with TestClient(create_app(Settings(database_url=url))) as client:
        response = client.get("/v1/search", params={"q": q, "limit": 100})
        assert response.status_code == 200, response.text
        return {hit["id"] for hit in response.json()["items"]}


def speakers(url: str) -> dict[str, int]:
    with TestClient(create_app(Settings(database_url=url))) as client:
        body = client.get("/v1/quotes", params={"facet": "speaker", "limit": 1}).json()
        return {item["value"]: item["count"] for item in body["facets"]["speaker"]}


def entry_count(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as connection:
        count = connection.execute(select(func.count()).select_from(search_entries)).scalar_one()
    engine.dispose()
    return int(count)


def test_a_changed_record_is_searchable_after_the_next_load(empty_db: str, seed_copy: Path) -> None:
    load_seed(seed_copy, empty_db, 1 << 30)
    assert search(empty_db, "xylophone") == set()
    actors = seed_copy / "actors.yaml"
    actors.write_text(
        actors.read_text().replace(
            "Spokesman of the Russian Foreign Ministry.", "Spokesman and xylophone player."
        )
    )
    assert load_seed(seed_copy, empty_db, 1 << 30).written
    assert search(empty_db, "xylophone") == {"alexey-fadeev"}
    assert search(empty_db, "spokesman") >= {"alexey-fadeev"}


def test_a_removed_record_leaves_the_index_and_the_counts(empty_db: str, seed_copy: Path) -> None:
    load_seed(seed_copy, empty_db, 1 << 30)
    assert "putin-next-time-in-moscow" in search(empty_db, "moscow")
    assert speakers(empty_db)["vladimir-putin"] == 2
    entries = entry_count(empty_db)
    quotes = seed_copy / "quotes.yaml"
    text = quotes.read_text()
    quotes.write_text(text[: text.index("- id: putin-next-time-in-moscow")])
    load_seed(seed_copy, empty_db, 1 << 30)
    assert "putin-next-time-in-moscow" not in search(empty_db, "moscow")
    assert speakers(empty_db)["vladimir-putin"] == 1
    assert entry_count(empty_db) == entries - 1


def test_loading_the_same_seed_again_keeps_the_index(empty_db: str, seed_copy: Path) -> None:
    load_seed(seed_copy, empty_db, 1 << 30)
    before = search(empty_db, "putin")
    assert not load_seed(seed_copy, empty_db, 1 << 30).written
    assert search(empty_db, "putin") == before != set()


def test_an_empty_database_finds_nothing(empty_db: str) -> None:
    assert search(empty_db, "putin") == set()
    with TestClient(create_app(Settings(database_url=empty_db))) as client:
        body = client.get("/v1/quotes", params={"facet": "speaker", "q": "putin"}).json()
        assert body == {"items": [], "next": None, "facets": {"speaker": []}, "included": None}
