"""A load is atomic for readers: a request sees the old dataset or the new one, never a mix."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session, sessionmaker

import app.derived
import app.loader
from app.config import Settings
from app.db.models import Base, Dataset
from app.loader import load_seed
from app.main import create_app
from tests.conftest import MAX_BYTES, MINI_SEED

TABLES = ("positions", "position_evidence", "citations", "quotes", "actors")

State = tuple[str | None, dict[str, int]]


def dataset_state(session: Session) -> State:
    """The dataset's version and row counts, read by several statements as a request would."""
    version = session.scalar(select(Dataset.version))
    counts = {
        name: session.scalar(select(func.count()).select_from(Base.metadata.tables[name])) or 0
        for name in TABLES
    }
    return version, counts


def drop_a_position(seed: Path) -> None:
    """Edit the seed so that a load changes the version and several tables' counts."""
    text = (seed / "positions.yaml").read_text(encoding="utf-8")
    kept = text[: text.index("- id: russia-europe-consultations")]
    (seed / "positions.yaml").write_text(kept, encoding="utf-8")


@pytest.fixture
def api_sessions(empty_db: str) -> Iterator[sessionmaker[Session]]:
    """Sessions configured exactly as the API's requests get them."""
    api = create_app(Settings(database_url=empty_db))
    yield api.state.sessionmaker
    api.state.engine.dispose()


def test_a_request_keeps_reading_the_dataset_it_started_on(
    empty_db: str, seed_copy: Path, api_sessions: sessionmaker[Session]
) -> None:
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    drop_a_position(seed_copy)
    with api_sessions() as session:
        old = dataset_state(session)
    with api_sessions() as session:
        version_first = session.scalar(select(Dataset.version))
        load_seed(seed_copy, empty_db, MAX_BYTES)  # commits while this request is half read
        assert (version_first, dataset_state(session)[1]) == old
    with api_sessions() as session:
        new = dataset_state(session)
    assert new[0] != old[0]
    assert new[1]["positions"] == old[1]["positions"] - 1
    assert new[1]["citations"] < old[1]["citations"]


def test_a_load_in_progress_is_invisible_to_readers(
    empty_db: str,
    seed_copy: Path,
    api_sessions: sessionmaker[Session],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    drop_a_position(seed_copy)
    with api_sessions() as session:
        old = dataset_state(session)
    seen_during_load: list[State] = []

    def read_meanwhile(_connection: Connection) -> None:
        with api_sessions() as session:
            seen_during_load.append(dataset_state(session))

    rebuild = app.derived.rebuild

    def rebuild_then_read_meanwhile(connection: Connection) -> None:
        rebuild(connection)
        read_meanwhile(connection)

    monkeypatch.setattr(app.derived, "rebuild", rebuild_then_read_meanwhile)
    load_seed(seed_copy, empty_db, MAX_BYTES)
    assert seen_during_load == [old]
    with api_sessions() as session:
        assert dataset_state(session)[0] != old[0]


def test_the_api_reads_from_read_database_url_when_set(mini_db: str, empty_db: str) -> None:
    settings = Settings(database_url=empty_db, read_database_url=mini_db)
    with TestClient(create_app(settings)) as client:
        assert client.get("/v1/meta").json()["counts"]["quotes"] == 4
