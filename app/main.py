"""The application: create_app() wires routers, error handlers, middleware and the lifespan."""

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import anyio.to_thread
from fastapi import FastAPI
from sqlalchemy.orm import sessionmaker

from app.api import (
    actors,
    catalog,
    events,
    export,
    health,
    positions,
    quotes,
    search,
    stances,
    timeline,
)
from app.api.deps import watch_dataset_version
from app.config import Settings, get_settings
from app.db.budget import apply_time_budget
from app.db.engine import build_engine, snapshot_reads
from app.db.readonly import make_read_only
from app.errors import install_error_handlers
from app.http.document_lane import DocumentLane, LaneRoutes
from app.http.install import install_http
from app.http.limits import BodyLimit, ConcurrencyLimit, document_limits
from app.http.security import SecurityHeaders
from app.http.strict import StrictQuery
from app.observability.middleware import RequestObserver
from app.queries.documents import Documents
from app.web.routes import install_web

DESCRIPTION = """
Who said what about the August 2025 US–Russia summit in Anchorage, when, and where is that
written? Every quote, event, position and affiliation carries `citations`: the source document,
the verbatim excerpt, and its `start`/`end` offsets in the stored text of that document.

**Offsets count Unicode code points** (Python `str` indices), end exclusive. JavaScript strings
count UTF-16 code units, so slice `Array.from(text)` there. `GET /v1/sources/{id}/text?start=&end=`
returns the slice so that any client can check a citation for itself.

Lists return `{"items": [...], "next": cursor}`; pass `next` back as `?cursor=` for the next page.
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
)


def create_app(database_url: str | None = None) -> FastAPI:
    """Build the API application over `database_url` (default: the configured database)."""
    engine = build_engine(database_url or get_settings().api_database_url)
    make_read_only(engine)
    apply_time_budget(engine, get_settings().query_time_budget_ms)
    documents = Documents(engine)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        limit_read_threads(get_settings().read_threads)
        # What start-up built (routes, schemas, compiled statements) lives as long as the process:
        # frozen, it is not walked again by every full collection (pauses that showed in p99).
        gc.collect()
        gc.freeze()
        yield
        documents.close()
        engine.dispose()

    # /docs is served by app.web from local files (no CDN); ReDoc is not offered.
    app = FastAPI(
        title="Summit KB",
        version="1.0.0",
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.engine = engine
    app.state.documents = documents
    app.state.sessionmaker = sessionmaker(
        snapshot_reads(engine), expire_on_commit=False, autoflush=False
    )
    watch_dataset_version(app.state.sessionmaker)
    for module in ROUTER_MODULES:
        app.include_router(module.router)
    install_web(app)
    install_error_handlers(app)
    install_middleware(app)
    return app


def limit_read_threads(threads: int) -> None:
    """Run at most `threads` reads at once in this event loop's worker threads."""
    anyio.to_thread.current_default_thread_limiter().total_tokens = threads


def install_middleware(app: FastAPI) -> None:
    """Middleware, innermost first (each `add_middleware` wraps everything added before it)."""
    settings = get_settings()
    install_http(app, settings)  # formats, caching, gzip, CORS
    app.add_middleware(StrictQuery, api=app)
    app.add_middleware(BodyLimit, max_bytes=settings.max_request_body_bytes)
    app.add_middleware(ConcurrencyLimit, limit=settings.max_concurrent_requests)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(RequestObserver)  # shed and refused requests are seen too
    if settings.document_lane:
        install_document_lane(app, settings)  # outermost: plain document reads skip the rest
    document_limits(app)


def install_document_lane(app: FastAPI, settings: Settings) -> None:
    routes = LaneRoutes(one=quotes.one_quote_route(), many=quotes.quote_list_route())
    app.add_middleware(
        DocumentLane,
        documents=app.state.documents,
        stamp=app.state.dataset_stamp,
        build=app.state.api_build,
        routes=routes,
        max_age=settings.cache_max_age,
        gzip_minimum_size=settings.gzip_minimum_size,
    )
