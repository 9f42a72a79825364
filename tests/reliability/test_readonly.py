"""The API's connections refuse writes; the loader's engine still writes."""

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from app.config import Settings
from app.db.models import Topic
from app.loader import load_seed
from app.main import create_app
from tests.conftest import MAX_BYTES, MINI_SEED

WRITES = (
    "DELETE FROM topics",
    "UPDATE topics SET name = 'x'",
    "INSERT INTO topics (id, name, description, content_hash) VALUES ('t', 't', 't', 't')",
    "CREATE TABLE sneaky (id INTEGER)",
)


def api_app(client: TestClient) -> FastAPI:
    assert isinstance(client.app, FastAPI)
    return client.app


@pytest.mark.parametrize("statement", WRITES)
def test_a_write_through_an_api_connection_fails(client: TestClient, statement: str) -> None:
    sessions = api_app(client).state.sessionmaker
    with sessions() as session:
        before = session.scalar(select(func.count()).select_from(Topic))
        with pytest.raises(DBAPIError, match=r"(?i)read.?only"):
            session.execute(text(statement))
            session.commit()
    with sessions() as session:
        assert session.scalar(select(func.count()).select_from(Topic)) == before


def test_the_loader_writes_while_the_api_reads_only(empty_db: str) -> None:
    with TestClient(create_app(Settings(database_url=empty_db))) as client:
        assert client.get("/v1/topics").json()["items"] == []
        report = load_seed(MINI_SEED, empty_db, MAX_BYTES)
        assert report.written
        assert len(client.get("/v1/topics").json()["items"]) == report.counts["topics"]
