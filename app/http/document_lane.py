"""A direct lane for plain reads of stored documents: `GET /v1/quotes/{id}` in one pass.

Through the whole stack a one-quote read costs about 0.4 ms, nearly all of it in ten middleware
layers, routing and dependency solving; the document itself is read in ~20 µs. A plain request
(no query string, body, Origin, validators or unusual Accept) needs none of that machinery, so
this outermost layer answers it with the very status, body and headers the stack would give
(tests/http/test_document_lane.py compares the two), and logs and counts it the same way.
Anything else, and any answer it cannot vouch for, goes to the stack unchanged.
"""

import datetime as dt
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Receive, Scope, Send

from app.errors import PROBLEM_JSON, problem
from app.http.caching import cache_control, entity_tag, http_date
from app.http.dataset_stamp import DatasetStamp
from app.http.security import API_POLICY, HEADERS
from app.observability.middleware import record
from app.observability.request_id import HEADER, choose_request_id, current_request_id
from app.queries.documents import Documents, quote_not_found

PREFIX = "/v1/quotes/"
PLAIN_ID = re.compile(r"[A-Za-z0-9._~-]{1,200}")
PLAIN_ACCEPT = frozenset({None, b"*/*", b"application/json"})
# Request headers that bring in CORS, validators, bodies or another format: the stack's business.
NOT_PLAIN = frozenset(
    {b"origin", b"if-none-match", b"if-modified-since", b"content-length", b"transfer-encoding"}
)
SECURITY = [
    *((name.lower().encode(), value.encode()) for name, value in HEADERS.items()),
    (b"content-security-policy", API_POLICY.encode()),
]


@dataclass(frozen=True)
class Plain:
    """What the lane reads of a plain request's headers."""

    accept: bytes | None
    gzip: bool
    request_id: str | None


def plain_request(scope: Scope) -> Plain | None:
    """The request's Accept, gzip and X-Request-ID if the lane may answer it; else None."""
    accept = request_id = None
    gzip = False
    for name, value in scope["headers"]:
        if name in NOT_PLAIN:
            return None
        if name == b"accept":
            accept = value
        elif name == b"accept-encoding":
            gzip = b"gzip" in value
        elif name == b"x-request-id":
            request_id = value.decode("latin-1")
    return Plain(accept, gzip, request_id) if accept in PLAIN_ACCEPT else None


class DocumentLane:
    """Answer plain GETs of one stored quote directly; pass everything else to `app`."""

    def __init__(
        self,
        app: ASGIApp,
        documents: Documents,
        stamp: DatasetStamp,
        build: Callable[[], str],
        route: BaseRoute,
        max_age: int,
        gzip_minimum_size: int,
    ) -> None:
        self.app = app
        self.documents = documents
        self.stamp = stamp
        self.build = build
        self.route = route
        self.cache_control = cache_control(max_age).encode()
        self.gzip_minimum_size = gzip_minimum_size

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        plain = self.plain(scope)
        if plain is None or not await self.answer(scope, plain, send):
            await self.app(scope, receive, send)

    def plain(self, scope: Scope) -> Plain | None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["query_string"]:
            return None
        path: str = scope["path"]
        if not path.startswith(PREFIX) or scope.get("raw_path", b"") != path.encode():
            return None
        return plain_request(scope) if PLAIN_ID.fullmatch(path[len(PREFIX) :]) else None

    async def answer(self, scope: Scope, plain: Plain, send: Send) -> bool:
        """Send the answer and return True, or return False (nothing sent) to defer to the stack."""
        started = time.perf_counter()
        stamp = await self.stamp.current()
        quote_id = scope["path"][len(PREFIX) :]
        version, body = self.documents.quote(quote_id)
        if stamp is None or version is None:
            return False
        if body is None:
            status, headers, body = self.not_found(scope, quote_id, version)
            vary = []
        elif plain.gzip and len(body) >= self.gzip_minimum_size:
            return False  # the stack compresses it
        else:
            status, headers = 200, self.found(scope, plain, version, stamp.loaded_at)
            vary = ["Accept"]
        # In the order the stack's layers add them: caching, gzip, then CORS.
        vary += [] if plain.gzip else ["Accept-Encoding"]
        request_id = choose_request_id(plain.request_id)
        headers += [
            (b"vary", ", ".join([*vary, "Origin"]).encode()),
            *SECURITY,
            (HEADER.lower().encode(), request_id.encode()),
        ]
        headers.insert(0, (b"content-length", str(len(body)).encode()))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
        token = current_request_id.set(request_id)
        record({**scope, "route": self.route}, status, time.perf_counter() - started)
        current_request_id.reset(token)
        return True

    def found(
        self, scope: Scope, plain: Plain, version: str, loaded_at: dt.datetime
    ) -> list[tuple[bytes, bytes]]:
        accept = None if plain.accept is None else plain.accept.decode("latin-1")
        tag = entity_tag(version, self.build(), scope, accept)
        return [
            (b"content-type", b"application/json"),
            (b"x-dataset-version", version.encode()),
            (b"etag", tag.encode()),
            (b"last-modified", http_date(loaded_at).encode()),
            (b"cache-control", self.cache_control),
        ]

    def not_found(
        self, scope: Scope, quote_id: str, version: str
    ) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        error = quote_not_found(quote_id)
        body = bytes(problem(error.status, error.detail, scope["path"]).body)
        headers = [
            (b"content-type", PROBLEM_JSON.encode()),
            (b"x-dataset-version", version.encode()),
            (b"cache-control", b"no-store"),
        ]
        return 404, headers, body
