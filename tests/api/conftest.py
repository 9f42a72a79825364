"""An API over the mini seed with keys, one of whose sources serves its full text to keys only."""

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, update

from app import derived
from app.config import Settings
from app.db.models import Source
from app.domain import KeyScope, TextAccess
from app.keys import revoke_key
from app.loader import load_seed
from app.main import create_app
from tests.api.auth_probe import make_key, probe_router
from tests.conftest import MAX_BYTES, MINI_SEED, fresh_database
from tests.databases import backends

KEYS_ONLY_SOURCE = "afp-2025-08-15"


@dataclass(frozen=True)
class Keyed:
    client: TestClient
    url: str
    write: str  # the tokens of a write key, an admin key and a revoked key
    admin: str
    revoked: str


def keys_only(url: str, source_id: str) -> None:
    """Make the source's full text readable by keys only, and its derived data follow."""
    engine = create_engine(url)
    with engine.begin() as connection:
        statement = update(Source).where(Source.id == source_id)
        connection.execute(statement.values(text_access=TextAccess.KEYS))
        derived.refresh(connection, {"sources": [source_id]})
    engine.dispose()


@pytest.fixture(scope="session", params=backends())
def keyed(
    request: pytest.FixtureRequest, sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Keyed]:
    """Shared and read-only: the mini seed, KEYS_ONLY_SOURCE keys-only, and three keys."""
    folder = tmp_path_factory.mktemp("keyed")
    for url in fresh_database(request.param, sqlite_template, folder):
        load_seed(MINI_SEED, url, MAX_BYTES)
        keys_only(url, KEYS_ONLY_SOURCE)
        write = make_key(url, "newsroom", KeyScope.WRITE)
        admin = make_key(url, "desk", KeyScope.ADMIN)
        revoked = make_key(url, "former", KeyScope.WRITE)
        engine = create_engine(url)
        with engine.begin() as connection:
            revoke_key(connection, "former")
        engine.dispose()
        app = create_app(Settings(database_url=url))
        app.include_router(probe_router())
        with TestClient(app) as client:
            yield Keyed(client, url, write, admin, revoked)
