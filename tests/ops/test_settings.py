"""The operations settings: log level and format, the read database."""

import pytest
from pydantic import ValidationError

from app.config import Settings


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
