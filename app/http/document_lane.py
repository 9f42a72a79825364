"""A direct lane for plain reads of stored documents: `GET /v1/quotes/{id}` and the plain
`GET /v1/quotes` lists (app.http.plain_list) in one pass.

Through the whole stack a one-quote read costs about 0.4 ms, nearly all of it in ten middleware
layers, routing and dependency solving; the document itself is read in ~20 µs. A page of 50
quotes by speaker and year costs ~3 ms there, of which the SQL is ~0.4 ms. A plain request
(no body, Origin, validators, unusual Accept or repeated header; for a list, only the plain
parameters) needs none of that machinery, so this outermost layer answers it with the very
status, body and headers the stack would give (tests/http/test_document_lane.py and
test_list_lane.py compare the two), and logs and counts it the same way. Anything else, and any
answer it cannot vouch for (a database error included), goes to the stack unchanged.

Its reads run on the event loop: each is a bounded index range scan (one row, or a page of at
most 500), cheaper than a hand-off to a worker thread, and the time budget applies to it.
"""

import datetime as dt
import re
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.listing import FACETS, page_json
from app.errors import PROBLEM_JSON, problem
from app.http.caching import cache_control, entity_tag, http_date
from app.http.dataset_stamp import DatasetStamp
from app.http.gzip import INLINE_GZIP_MAXIMUM, gzip_body
from app.http.plain_list import plain_list
from app.http.security import API_POLICY, HEADERS
from app.observability.middleware import record
from app.observability.request_id import HEADER, choose_request_id, current_request_id
from app.queries.document_lists import DocumentLists, PlainList
from app.queries.documents import Documents, quote_not_found

LIST_PATH = "/v1/quotes"
PREFIX = LIST_PATH + "/"
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
    seen: set[bytes] = set()
    for name, value in scope["headers"]:
        if name in NOT_PLAIN:
            return None
        if name in seen:
            return None  # repeated: which one counts is for the stack to say
        seen.add(name)
        if name == b"accept":
            accept = value
        elif name == b"accept-encoding":
            gzip = b"gzip" in value
        elif name == b"x-request-id":
            request_id = value.decode("latin-1")
    return Plain(accept, gzip, request_id) if accept in PLAIN_ACCEPT else None


@dataclass(frozen=True)
class LaneRoutes:
    """The routes under which the lane logs and counts its answers."""

    one: BaseRoute
    many: BaseRoute


@dataclass(frozen=True)
class Answer:
    status: int
    version: str
    body: bytes


@dataclass(frozen=True)
class Read:
    """What the lane will read for a request, and the route it stands in for."""

    route: BaseRoute
    run: Callable[[], Answer | None]  # None: the stack answers


class DocumentLane:
    """Answer plain GETs of stored quotes directly; pass everything else to `app`."""

    def __init__(
        self,
        app: ASGIApp,
        documents: Documents,
        stamp: DatasetStamp,
        build: Callable[[], str],
        routes: LaneRoutes,
        max_age: int,
        gzip_minimum_size: int,
    ) -> None:
        self.app = app
        self.documents = documents
        self.lists = DocumentLists(documents)
        self.stamp = stamp
        self.build = build
        self.routes = routes
        self.cache_control = cache_control(max_age).encode()
        self.gzip_minimum_size = gzip_minimum_size

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        read = self.reader(scope)
        plain = plain_request(scope) if read is not None else None
        if read is None or plain is None or not await self.answer(scope, plain, read, send):
            await self.app(scope, receive, send)

    def reader(self, scope: Scope) -> Read | None:
        if scope["type"] != "http" or scope["method"] != "GET":
            return None
        path: str = scope["path"]
        if scope.get("raw_path", b"") != path.encode():
            return None
        if path == LIST_PATH:
            request = plain_list(scope["query_string"])
            if request is None:
                return None
            return Read(self.routes.many, lambda: self.read_list(request))
        quote_id = path[len(PREFIX) :]
        if path.startswith(PREFIX) and not scope["query_string"] and PLAIN_ID.fullmatch(quote_id):
            return Read(self.routes.one, lambda: self.read_one(scope, quote_id))
        return None

    def read_one(self, scope: Scope, quote_id: str) -> Answer | None:
        version, body = self.documents.quote(quote_id)
        if version is None:
            return None
        if body is None:
            error = quote_not_found(quote_id)
            return Answer(404, version, bytes(problem(404, error.detail, scope["path"]).body))
        return Answer(200, version, body)

    def read_list(self, request: PlainList) -> Answer | None:
        page = self.lists.page(request)
        if page is None:
            return None
        facets = FACETS.dump_python(page.facets, mode="json")
        return Answer(200, page.version, page_json(page.documents, page.next, facets))

    async def answer(self, scope: Scope, plain: Plain, read: Read, send: Send) -> bool:
        """Send the answer and return True, or return False (nothing sent) to defer to the stack."""
        started = time.perf_counter()
        stamp = await self.stamp.current()
        if stamp is None:
            return False
        try:
            answer = read.run()
        except DBAPIError:
            return False  # the stack meets it again and answers it (a 503 for the budget)
        if answer is None:
            return False
        body, gzipped = answer.body, plain.gzip and len(answer.body) >= self.gzip_minimum_size
        if gzipped:
            if len(body) >= INLINE_GZIP_MAXIMUM:
                return False  # the stack compresses it in a worker thread
            body = gzip_body(body)
        if answer.status == 404:
            headers, vary = self.not_found(answer.version), []
        else:
            headers = self.found(scope, plain, answer.version, stamp.loaded_at)
            vary = ["Accept"]
        # In the order the stack's layers add them: caching, gzip, then CORS.
        vary += ["Accept-Encoding"] if gzipped or not plain.gzip else []
        request_id = choose_request_id(plain.request_id)
        headers += [
            (b"vary", ", ".join([*vary, "Origin"]).encode()),
            *SECURITY,
            (HEADER.lower().encode(), request_id.encode()),
        ]
        headers.insert(0, (b"content-length", str(len(body)).encode()))
        if gzipped:
            headers.append((b"content-encoding", b"gzip"))
        await send({"type": "http.response.start", "status": answer.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
        token = current_request_id.set(request_id)
        record({**scope, "route": read.route}, answer.status, time.perf_counter() - started)
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

    def not_found(self, version: str) -> list[tuple[bytes, bytes]]:
        return [
            (b"content-type", PROBLEM_JSON.encode()),
            (b"x-dataset-version", version.encode()),
            (b"cache-control", b"no-store"),
        ]
