"""Settings read from the environment (and an optional `.env` file)."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Runtime configuration; every field can be set as an environment variable."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = Field(
        default=f"sqlite:///{PROJECT_ROOT / 'var' / 'summitkb.db'}",
        description="SQLAlchemy URL of the database.",
    )
    seed_dir: Path = Field(default=PROJECT_ROOT / "seed", description="Default seed folder.")
    seed_max_file_bytes: int = Field(
        default=1 << 30, ge=1, description="Largest seed file or document the loader reads."
    )
    query_time_budget_ms: int = Field(
        default=2000, ge=1, description="Longest an API query may run before it is cancelled (503)."
    )
    max_request_body_bytes: int = Field(
        default=1024, ge=0, description="Largest request body accepted (a read API needs none)."
    )
    max_concurrent_requests: int = Field(
        default=32, ge=1, description="Requests served at once per process; more are shed (503)."
    )


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
