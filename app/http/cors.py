"""CORS for the origins in settings; a page from any other origin gets no CORS headers at all.
Only the origins listed as writers may ask (a preflight) to send a write."""

from collections.abc import Sequence

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.errors import problem


class AllowedOriginsCORS(CORSMiddleware):
    """Starlette's CORS, except that it tells a disallowed origin nothing (not even what it
    would expose), as if the request had come with no `Origin`, and refuses a preflight with a
    problem+json body. A preflight for a write (its method and headers) is answered for the
    `write_origins` alone."""

    WRITE_METHODS = ("POST", "PATCH", "DELETE")
    WRITE_HEADERS = ("Authorization", "Content-Type", "If-Match")

    def __init__(
        self,
        app: ASGIApp,
        allow_origins: Sequence[str],
        allow_methods: Sequence[str],
        allow_headers: Sequence[str],
        expose_headers: Sequence[str],
        max_age: int,
        write_origins: Sequence[str] = (),
    ) -> None:
        super().__init__(
            app,
            allow_origins,
            allow_methods,
            allow_headers,
            expose_headers=expose_headers,
            max_age=max_age,
        )
        self.writers = CORSMiddleware(
            app,
            list(write_origins),
            [*allow_methods, *self.WRITE_METHODS],
            [*allow_headers, *self.WRITE_HEADERS],
            expose_headers=expose_headers,
            max_age=max_age,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "OPTIONS":
            await super().__call__(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if "origin" not in headers or "access-control-request-method" not in headers:
            await super().__call__(scope, receive, send)
            return
        await self.preflight(headers, scope["path"])(scope, receive, send)

    def preflight(self, headers: Headers, path: str) -> Response:
        """Starlette's preflight answer; a refusal as a problem, with CORS headers only for an
        allowed origin."""
        allowed = self.writers if self.writers.is_allowed_origin(headers["origin"]) else self
        answer = allowed.preflight_response(request_headers=headers)
        if answer.status_code < 400:
            return answer
        refusal = problem(answer.status_code, bytes(answer.body).decode(), path)
        if self.is_allowed_origin(origin=headers["origin"]):
            for name, value in answer.headers.items():
                if name.startswith("access-control-"):
                    refusal.headers[name] = value
        return refusal

    async def send(self, message: Message, send: Send, request_headers: Headers) -> None:
        origin = request_headers.get("Origin")
        if origin is not None and not self.is_allowed_origin(origin=origin):
            request_headers = Headers(
                raw=[(k, v) for k, v in request_headers.raw if k.lower() != b"origin"]
            )
        await super().send(message, send, request_headers)
