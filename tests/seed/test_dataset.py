"""The real seed loads, and its knowledge keeps the invariants a citing user relies on."""

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, func, select
from sqlalchemy.engine import Connection

from app.config import Settings
from app.db.models import Citation, Event, Position, PositionEvidence, Quote
from app.derived.search_store import folded_text
from app.domain import Precision
from app.loader import load_seed
from app.main import create_app
from tests.api.helpers import walk
from tests.conftest import MAX_BYTES, REAL_SEED
from tests.databases import sqlite_copy


@pytest.fixture(scope="module")
def seed_db(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    url = sqlite_copy(sqlite_template, tmp_path_factory.mktemp("real"))
    load_seed(REAL_SEED, url, MAX_BYTES)
    return url


@pytest.fixture(scope="module")
def connection(seed_db: str) -> Iterator[Connection]:
    engine = create_engine(seed_db)
    with engine.connect() as connection:
        yield connection
    engine.dispose()


def test_the_seed_has_every_resource(connection: Connection) -> None:
    for model in (Quote, Event, Position):
        assert (connection.scalar(select(func.count()).select_from(model)) or 0) > 0


def test_every_quote_has_a_speaker_and_a_citation(connection: Connection) -> None:
    uncited = select(Quote.id).where(
        ~Quote.id.in_(select(Citation.quote_id).where(Citation.quote_id.is_not(None)))
    )
    assert connection.scalars(uncited).all() == []
    assert connection.scalars(select(Quote.id).where(Quote.speaker_id.is_(None))).all() == []


def test_no_speaker_has_the_same_words_twice(connection: Connection) -> None:
    pairs = Counter(connection.execute(select(Quote.speaker_id, Quote.text)).all())
    assert [pair for pair, count in pairs.items() if count > 1] == []


def test_every_event_has_a_date_precision(connection: Connection) -> None:
    rows = connection.execute(select(Event.id, Event.start_on, Event.start_precision)).all()
    assert rows
    for event_id, start_on, precision in rows:
        assert precision in set(Precision), event_id
        assert (start_on is None) == (precision == Precision.UNKNOWN), event_id


def test_every_position_has_evidence(connection: Connection) -> None:
    cited = select(Citation.position_id).where(Citation.position_id.is_not(None))
    quoted = select(PositionEvidence.position_id)
    bare = select(Position.id).where(~Position.id.in_(cited), ~Position.id.in_(quoted))
    assert connection.scalars(bare).all() == []


def test_every_citation_the_api_returns_checks_out(seed_db: str) -> None:
    with TestClient(create_app(Settings(database_url=seed_db))) as client:
        texts = {
            s["id"]: client.get(f"/v1/sources/{s['id']}/text").text
            for s in walk(client, "/v1/sources")
        }
        checked = in_part = 0
        for resource in ("quotes", "events", "positions", "actors"):
            for record in walk(client, f"/v1/{resource}", limit=500):
                for holder in [record, *record.get("affiliations", [])]:
                    for citation in holder["citations"]:
                        text = texts[citation["source_id"]]
                        assert text[citation["start"] : citation["end"]] == citation["excerpt"]
                        if resource == "quotes":
                            words = citation["words"] or record["text"]
                            assert words in record["text"]
                            assert words in citation["excerpt"]
                            in_part += citation["words"] is not None
                        checked += 1
    assert checked > 0
    assert in_part > 0, "the seed has quotes reported in part"


def test_reported_stances_partial_citations_and_translations_reach_the_api(seed_db: str) -> None:
    with TestClient(create_app(Settings(database_url=seed_db))) as client:
        reported = client.get("/v1/positions/ukraine-territory-2025-08-13").json()
        fadeev = client.get("/v1/quotes/fadeev-consultations-insignificant").json()
    assert (reported["actor"]["id"], reported["reported_by"]["id"]) == ("ukraine", "friedrich-merz")
    assert reported["evidence"] == ["merz-ukraine-open-on-territory"]
    assert fadeev["translated_from"] == "ru"
    assert [c["words"] for c in fadeev["citations"]] == [
        None,
        "insignificant",
        "politically and practically insignificant",
    ]


def test_a_merged_or_renamed_id_keeps_answering(seed_db: str) -> None:
    with TestClient(create_app(Settings(database_url=seed_db)), follow_redirects=False) as client:
        merged = client.get("/v1/quotes/putin-understanding")
        renamed = client.get("/v1/positions/ukraine-role-in-talks")
        topic = client.get("/v1/topics/ukraine-role-in-talks")
        unknown = client.get("/v1/quotes/never-was")
        by_old = client.get("/v1/quotes", params={"actor": "european-leaders-joint-statement"})
        by_new = client.get("/v1/quotes", params={"actor": "european-leaders"})
        moved_text = client.get("/v1/events/istanbul-talks")
    assert merged.status_code == 308
    assert merged.headers["location"].endswith("/v1/quotes/putin-pave-the-way-for-peace")
    assert merged.json()["successor"] == "putin-pave-the-way-for-peace"
    assert renamed.status_code == 308
    assert renamed.headers["location"].endswith("/v1/positions/ukraine-direct-role-in-talks")
    assert topic.status_code == 200
    assert unknown.status_code == 404
    assert moved_text.headers["location"].endswith("/v1/events/russia-ukraine-direct-talks")
    assert by_old.status_code == by_new.status_code == 200
    assert by_old.json()["items"] == by_new.json()["items"] != []


def test_every_topic_alias_is_words_of_a_text() -> None:
    documents = (REAL_SEED / "documents").glob("*.txt")
    texts = [f" {folded_text(path.read_text(encoding='utf-8'))} " for path in documents]
    for topic in yaml.safe_load((REAL_SEED / "topics.yaml").read_text(encoding="utf-8")):
        for alias in topic.get("aliases", []):
            assert any(f" {folded_text(alias)} " in text for text in texts), (topic["id"], alias)
