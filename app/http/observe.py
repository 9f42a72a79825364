"""The outermost layer: every answer carries its request id and the security headers, and is
counted, timed and logged under its route."""

import time

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.http.raw_headers import edit_headers, header
from app.http.security import security_headers
from app.observability.access import record_request
from app.observability.request_id import HEADER, choose_request_id, current_request_id

RAW_HEADER = HEADER.lower().encode()


class Observe:
    """Give each HTTP request an id (echoed in X-Request-ID) and the security headers; count,
    time and log it."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = choose_request_id(incoming_id(scope))
        raw_id = request_id.encode("latin-1")
        token = current_request_id.set(request_id)
        status = 500  # what the client gets if the application raises instead of answering
        started = time.perf_counter()

        async def send_observed(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                content_type = header(message.get("headers") or [], b"content-type")
                edit_headers(message, {RAW_HEADER: raw_id}, security_headers(content_type))
            await send(message)

        try:
            await self.app(scope, receive, send_observed)
        finally:
            record_request(scope, status, time.perf_counter() - started)
            current_request_id.reset(token)


def incoming_id(scope: Scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"x-request-id":
            return bytes(value).decode("latin-1")
    return None
