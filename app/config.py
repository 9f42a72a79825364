"""Settings read from the environment (and an optional `.env` file)."""

from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import BeforeValidator, Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent

LogLevel = Annotated[
    Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"], BeforeValidator(str.upper)
]


class Settings(BaseSettings):
    """Runtime configuration; every field can be set as an environment variable."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = Field(
        default=f"sqlite:///{PROJECT_ROOT / 'var' / 'summitkb.db'}",
        description="SQLAlchemy URL of the database.",
    )
    read_database_url: str | None = Field(
        default=None,
        description="URL the API reads from (a read replica); default: `database_url`.",
    )
    log_level: LogLevel = Field(default="INFO", description="Least severe log level written.")
    log_format: Literal["auto", "json", "console"] = Field(
        default="auto", description="`json`, `console`, or `auto`: JSON unless on a terminal."
    )
    seed_dir: Path = Field(default=PROJECT_ROOT / "seed", description="Default seed folder.")
    seed_max_file_bytes: int = Field(
        default=1 << 30, ge=1, description="Largest seed file or document the loader reads."
    )
    query_time_budget_ms: int = Field(
        default=2000, ge=1, description="Longest an API query may run before it is cancelled (503)."
    )
    export_time_budget_ms: int = Field(
        default=60000,
        ge=1,
        description="Longest one query of a stream may run (an export, or a whole list as CSV or"
        " NDJSON; past it the stream is cut off): a stream may read the whole dataset, possibly"
        " from a cold disk.",
    )
    max_request_body_bytes: int = Field(
        default=1024, ge=0, description="Largest request body accepted (a read API needs none)."
    )
    read_threads: int = Field(
        default=8,
        ge=1,
        description="Worker threads that run database reads at once per process; more requests"
        " wait their turn in order (dozens of threads taking turns at the GIL stretch the slowest"
        " answers several times over).",
    )
    db_pool_size: int = Field(
        default=40,
        ge=1,
        description="Database connections kept per process: more than the worker threads that"
        " serve requests, so a thread never waits for a connection held by a finished request.",
    )
    max_concurrent_requests: int = Field(
        default=32,
        ge=1,
        description="Requests served at once per process; more wait their turn (see"
        " `slot_wait_ms`).",
    )
    max_concurrent_streams: int = Field(
        default=8,
        ge=1,
        description="Answers streamed at once per process (exports, whole lists as CSV or"
        " NDJSON); another one is a 503. Each holds a database connection while it streams.",
    )
    slot_wait_ms: int = Field(
        default=2000,
        ge=0,
        description="Longest a request waits for one of `max_concurrent_requests` before a 503.",
    )
    request_timeout_ms: int = Field(
        default=5000,
        ge=1,
        description="Longest a request may take from arrival until its answer starts (waiting"
        " and every query included); past it, a 503.",
    )
    send_timeout_ms: int = Field(
        default=30000,
        ge=1,
        description="Longest a client may go without reading an answer under way (a stream)"
        " before it is dropped.",
    )
    body_timeout_ms: int = Field(
        default=10000,
        ge=1,
        description="Longest a client may take to send a request's body (past it, a 408).",
    )
    write_lock_wait_ms: int = Field(
        default=3000,
        ge=0,
        description="Longest a write waits for a load (or another write) to end before a 503;"
        " less than `request_timeout_ms`, so that a write refused is never made later.",
    )
    write_rate_per_minute: int = Field(
        default=60,
        ge=0,
        description="Writes one key may make a minute, on average (0: no limit); past it, a 429"
        " with Retry-After. Counted in the database, so across every worker and replica.",
    )
    write_burst: int = Field(
        default=20, ge=1, description="Writes one key may make at once, before the rate counts."
    )
    max_source_body_bytes: int = Field(
        default=2 << 20,
        ge=1,
        description="Largest body of `POST /v1/sources` (a document) and `POST /v1/batch`.",
    )
    max_write_body_bytes: int = Field(
        default=64 << 10, ge=1, description="Largest body of any other write."
    )
    cors_write_origins: list[str] = Field(
        default=[],
        description="Origins whose pages may also write (with a key); a write sent from any"
        " other origin than the API's own is refused (403).",
    )
    cors_origins: list[str] = Field(
        default=[],
        description='Origins whose pages may read the API (JSON list, e.g. ["https://a.example"]).',
    )
    cache_max_age: int = Field(
        default=60, ge=0, description="Seconds a client may reuse an answer before revalidating."
    )
    dataset_version_ttl: float = Field(
        default=1.0, ge=0, description="Seconds the dataset version is cached per process."
    )
    public_base_url: str = Field(
        default="http://127.0.0.1:8000",
        description="The API's address as its clients reach it (scheme, host, optional path"
        " prefix): JSON-LD `@id`s and `Link` headers are written under it, never under the"
        " request's `Host` header, which a client chooses and which cached answers do not vary on.",
    )
    gzip_minimum_size: int = Field(
        default=1024, ge=0, description="Smallest response body compressed when asked for gzip."
    )
    # The server's own limits (`summitkb serve`). What uvicorn cannot bound (how long a client
    # may take to send its headers, connections that never send a request) is the reverse
    # proxy's part: deploy/nginx.conf.
    http_parser: Literal["h11", "httptools"] = Field(
        default="h11",
        description="uvicorn's HTTP parser: `h11` bounds a request's head (max_request_head_bytes);"
        " `httptools` is faster but bounds nothing, so only behind a proxy that does.",
    )
    max_request_head_bytes: int = Field(
        default=16384,
        ge=1024,
        description="Most of a request head (line and headers) held before it is complete (h11):"
        " past it, a 400 and the connection is closed. A head that arrives whole in one read is"
        " not bounded here: the reverse proxy bounds header size and count.",
    )
    max_connections: int = Field(
        default=1024,
        ge=1,
        description="Open connections (and requests) per process, uvicorn's limit-concurrency:"
        " a request past it gets a 503 at once.",
    )
    keep_alive_seconds: int = Field(
        default=5, ge=1, description="Seconds an idle connection is kept open after an answer."
    )
    listen_backlog: int = Field(
        default=1024, ge=1, description="Connections the kernel queues before they are accepted."
    )

    @field_validator("public_base_url")
    @classmethod
    def _an_absolute_base(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("must be an absolute http(s) URL, e.g. https://kb.example")
        if parts.query or parts.fragment:
            raise ValueError("must have no query and no fragment")
        return value.rstrip("/")

    @property
    def api_database_url(self) -> str:
        """The database the API reads: the read replica if one is set."""
        return self.read_database_url or self.database_url
