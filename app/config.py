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


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings, read once."""
    return Settings()
