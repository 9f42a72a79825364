"""One ASGI middleware around every HTTP request: its id, its access log line, its metrics."""

import logging
import time

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.observability.logs import ACCESS_LOGGER
from app.observability.metrics import UNMATCHED_ROUTE, observe_request
from app.observability.request_id import HEADER, choose_request_id, current_request_id

access_log = logging.getLogger(ACCESS_LOGGER)

# Any other method is counted as OTHER, so that made-up methods cannot multiply the series.
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


class RequestObserver:
    """Give each HTTP request an id (echoed in X-Request-ID), then count, time and log it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = choose_request_id(incoming_id(scope))
        token = current_request_id.set(request_id)
        status = 500  # what the client gets if the application raises instead of answering
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[HEADER] = request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            record(scope, status, time.perf_counter() - started)
            current_request_id.reset(token)


def incoming_id(scope: Scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"x-request-id":
            return bytes(value).decode("latin-1")
    return None


def record(scope: Scope, status: int, seconds: float) -> None:
    """Count and time the request under its route template, and write its access log line."""
    method = scope["method"] if scope["method"] in METHODS else "OTHER"
    route = getattr(scope.get("route"), "path", None) or UNMATCHED_ROUTE
    observe_request(method, route, status, seconds)
    duration_ms = round(seconds * 1000, 2)
    access_log.info(
        "%s %s %d %.2fms",
        method,
        scope["path"],
        status,
        duration_ms,
        extra={
            "method": method,
            "route": route,
            "path": scope["path"],
            "status": status,
            "duration_ms": duration_ms,
        },
    )
