"""The HTTP layers of the API: formats, caching, gzip and CORS, in that order from the inside."""

import functools
import hashlib

import orjson
from fastapi import FastAPI

from app.config import Settings
from app.formats.middleware import FormatMiddleware
from app.formats.openapi import install_openapi
from app.http.caching import Caching
from app.http.cors import AllowedOriginsCORS
from app.http.dataset_stamp import DatasetStamp
from app.http.gzip import GZIP_LEVEL, INLINE_GZIP_MAXIMUM, GZip

# What a page on another origin may send and read.
CORS_REQUEST_HEADERS = ["Accept", "If-None-Match", "If-Modified-Since"]
CORS_EXPOSED_HEADERS = ["ETag", "Last-Modified", "Link", "X-Dataset-Version", "Content-Disposition"]


def api_build(app: FastAPI) -> str:
    """A digest of the API's OpenAPI document: answers change shape only when it changes."""
    return hashlib.sha256(orjson.dumps(app.openapi(), option=orjson.OPT_SORT_KEYS)).hexdigest()


def install_http(app: FastAPI, settings: Settings) -> None:
    """Formats, validators and 304s, gzip, CORS: each `add_middleware` wraps the ones before."""
    install_openapi(app)
    app.add_middleware(FormatMiddleware, api=app)

    @functools.cache
    def build() -> str:
        return api_build(app)

    # One cached stamp and API digest per app, shared with the document lane (app.main).
    app.state.dataset_stamp = DatasetStamp(
        lambda: app.state.sessionmaker(), settings.dataset_version_ttl
    )
    app.state.api_build = build
    app.add_middleware(
        Caching, stamp=app.state.dataset_stamp, build=build, max_age=settings.cache_max_age
    )
    app.add_middleware(
        GZip,
        minimum_size=settings.gzip_minimum_size,
        compresslevel=GZIP_LEVEL,
        thread_minimum_size=INLINE_GZIP_MAXIMUM,
    )
    app.add_middleware(
        AllowedOriginsCORS,
        allow_origins=settings.cors_origins,
        allow_methods=["GET"],
        allow_headers=CORS_REQUEST_HEADERS,
        expose_headers=CORS_EXPOSED_HEADERS,
        max_age=600,
    )
