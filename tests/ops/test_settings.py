"""The operations settings: log level and format, the read database, the read threads."""

import anyio.to_thread
import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from app.config import Settings
from app.main import create_app


def test_the_log_level_is_read_in_any_case(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOG_LEVEL", "warning")
    assert Settings().log_level == "WARNING"


@pytest.mark.parametrize(("name", "value"), [("LOG_LEVEL", "LOUD"), ("LOG_FORMAT", "xml")])
def test_unknown_log_settings_are_refused(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ValidationError, match=name.lower()):
        Settings()


def test_the_api_reads_the_primary_unless_a_replica_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://primary/summitkb")
    monkeypatch.delenv("READ_DATABASE_URL", raising=False)
    assert Settings().api_database_url == "postgresql+psycopg://primary/summitkb"
    monkeypatch.setenv("READ_DATABASE_URL", "postgresql+psycopg://replica/summitkb")
    assert Settings().api_database_url == "postgresql+psycopg://replica/summitkb"
    assert Settings().database_url == "postgresql+psycopg://primary/summitkb"


def test_reads_run_in_at_most_read_threads_threads(mini_db: str) -> None:
    with TestClient(create_app(Settings(database_url=mini_db, read_threads=3))) as client:
        assert client.portal is not None
        limiter = client.portal.call(anyio.to_thread.current_default_thread_limiter)
        assert limiter.total_tokens == 3
        assert client.get("/v1/quotes").status_code == 200
