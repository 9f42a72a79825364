"""The application: create_app(settings) wires routers, error handlers, middleware, lifespan."""

import functools
import gc
import hashlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
import orjson
from fastapi import FastAPI
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from starlette.middleware import Middleware

from app.api import (
    actors,
    batch,
    catalog,
    deletes,
    events,
    export,
    health,
    merges,
    positions,
    quotes,
    revisions,
    search,
    stances,
    suggestions,
    timeline,
    writes,
)
from app.api.deps import watch_dataset_version
from app.api.errors import document_problems, install_error_handlers
from app.api.write_docs import document_bodies
from app.config import Settings
from app.curation import write_engine
from app.db.budget import apply_time_budget
from app.db.engine import build_engine, snapshot_reads
from app.db.readonly import make_read_only
from app.http.admission import Admission, Limits
from app.http.caching import Caching
from app.http.cors import AllowedOriginsCORS
from app.http.dataset_stamp import DatasetStamp
from app.http.gzip import GZIP_LEVEL, INLINE_GZIP_MAXIMUM, GZip
from app.http.observe import Observe
from app.web.routes import install_web

DESCRIPTION = """
Who said what about the August 2025 US–Russia summit in Anchorage, when, and where is that
written? Every quote, event, position and affiliation carries `citations`: the source document,
the verbatim excerpt, and its `start`/`end` offsets in the stored text of that document.

**Offsets count Unicode code points** (Python `str` indices), end exclusive. JavaScript strings
count UTF-16 code units, so slice `Array.from(text)` there. `GET /v1/sources/{id}/text?start=&end=`
returns the slice so that any client can check a citation for itself.

Lists return `{"items": [...], "next": cursor}`; pass `next` back as `?cursor=` for the next page.
They, the records and `/v1/export/{resource}` also answer CSV (`?format=csv`), with the first
citation of a record in plain `citation_*` columns; add `&bom=true` for Excel, which reads a CSV
file as UTF-8 only when it starts with a byte order mark.
Errors are RFC 9457 `application/problem+json` bodies.
"""

# One router per resource; each module exposes `router`.
ROUTER_MODULES = (
    quotes,
    events,
    positions,
    actors,
    catalog,
    search,
    timeline,
    stances,
    health,
    export,
    writes,
    deletes,
    merges,
    revisions,
    suggestions,
    batch,
)

# What a page on another origin may send and read.
CORS_REQUEST_HEADERS = ["Accept", "If-None-Match", "If-Modified-Since"]
CORS_EXPOSED_HEADERS = [
    "ETag",
    "Location",
    "Last-Modified",
    "Link",
    "X-Dataset-Version",
    "X-Request-ID",
    "Content-Disposition",
    "Retry-After",
]


def create_app(settings: Settings) -> FastAPI:
    """Build the API application from `settings`."""
    engine = read_engine(settings)
    sessions = read_sessions(engine)
    stamp = DatasetStamp(sessions, settings.dataset_version_ttl)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        limit_read_threads(settings.read_threads)
        # The OpenAPI document is built here, not by the first request (whose ETag names it).
        app.openapi()
        # What start-up built (routes, schemas, compiled statements) lives as long as the process:
        # frozen, it is not walked again by every full collection (pauses that showed in p99).
        gc.collect()
        gc.freeze()
        yield
        engine.dispose()
        app.state.write_engine.dispose()

    # /docs is served by app.web from local files (no CDN); ReDoc is not offered.
    app = FastAPI(
        title="Summit KB",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = sessions
    # Writes have an engine of their own: read-write connections to the primary database.
    app.state.write_engine = write_engine(settings.database_url)
    app.state.stamp = stamp
    for module in ROUTER_MODULES:
        app.include_router(module.router)
    install_web(app)
    install_error_handlers(app)
    document_problems(app)
    document_bodies(app)
    app.user_middleware = request_chain(app, settings, stamp)
    return app


def app_from_environment() -> FastAPI:
    """The application with settings read from the environment (uvicorn's factory)."""
    return create_app(Settings())


def request_chain(app: FastAPI, settings: Settings, stamp: DatasetStamp) -> list[Middleware]:
    """Every layer a request passes, outermost first."""
    build = functools.cache(lambda: api_build(app))
    return [
        # Its request id, security headers, access log line and metrics: on every answer.
        Middleware(Observe),
        Middleware(
            AllowedOriginsCORS,
            # An origin that may write may read too; only it may ask to send a write.
            allow_origins=[*settings.cors_origins, *settings.cors_write_origins],
            write_origins=settings.cors_write_origins,
            allow_methods=["GET", "HEAD"],
            allow_headers=CORS_REQUEST_HEADERS,
            expose_headers=CORS_EXPOSED_HEADERS,
            max_age=600,
        ),
        # Body read, a slot among max_concurrent_requests, one deadline for the whole request.
        Middleware(Admission, limits=admission_limits(settings)),
        # ETag, Last-Modified, Cache-Control, X-Dataset-Version; 304 for a current copy.
        Middleware(Caching, stamp=stamp, build=build, max_age=settings.cache_max_age),
        Middleware(
            GZip,
            minimum_size=settings.gzip_minimum_size,
            compresslevel=GZIP_LEVEL,
            thread_minimum_size=INLINE_GZIP_MAXIMUM,
        ),
    ]


def read_engine(settings: Settings) -> Engine:
    """The API's engine: read-only connections, each statement within the time budget."""
    engine = build_engine(settings.api_database_url, settings.db_pool_size)
    make_read_only(engine)
    apply_time_budget(engine, settings.query_time_budget_ms)
    return engine


def read_sessions(engine: Engine) -> sessionmaker[Session]:
    """Sessions of one snapshot each, that note the dataset version they read."""
    sessions = sessionmaker(snapshot_reads(engine), expire_on_commit=False, autoflush=False)
    watch_dataset_version(sessions)
    return sessions


def admission_limits(settings: Settings) -> Limits:
    return Limits(
        max_body_bytes=settings.max_request_body_bytes,
        body_timeout=settings.body_timeout_ms / 1000,
        slots=settings.max_concurrent_requests,
        streams=settings.max_concurrent_streams,
        slot_wait=settings.slot_wait_ms / 1000,
        request_timeout=settings.request_timeout_ms / 1000,
        send_timeout=settings.send_timeout_ms / 1000,
        max_write_body_bytes=settings.max_write_body_bytes,
        max_source_body_bytes=settings.max_source_body_bytes,
    )


def api_build(app: FastAPI) -> str:
    """A digest of the API's OpenAPI document: answers change shape only when it changes."""
    return hashlib.sha256(orjson.dumps(app.openapi(), option=orjson.OPT_SORT_KEYS)).hexdigest()


def limit_read_threads(threads: int) -> None:
    """Run at most `threads` reads at once in this event loop's worker threads."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = threads
