"""The route class of every router: GET routes answer HEAD too, and an error that no handler
takes becomes a 500 problem inside the middleware stack."""

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute
from starlette.routing import Match
from starlette.types import Receive, Scope, Send

from app.api.errors import on_unexpected_error

Handler = Callable[[Request], Coroutine[Any, Any, Response]]


class ReadRoute(APIRoute):
    """An API route whose GET also answers HEAD (RFC 9110: the GET's status and headers, no
    body; the server drops the body). The OpenAPI document keeps listing GET alone."""

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        return super().matches(self.as_get(scope))

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        await super().handle(self.as_get(scope), receive, send)

    def as_get(self, scope: Scope) -> Scope:
        """A HEAD request to a GET route, as the GET request (the outer scope keeps HEAD)."""
        if scope["type"] == "http" and scope["method"] == "HEAD" and "GET" in (self.methods or ()):
            return {**scope, "method": "GET"}
        return scope

    def get_route_handler(self) -> Handler:
        """The handler, answering an unexpected error itself: Starlette would leave it to its
        outermost layer, outside every middleware, where the 500 would miss the request id,
        security and CORS headers."""
        handle = super().get_route_handler()

        async def handle_or_fail(request: Request) -> Response:
            try:
                return await handle(request)
            except Exception as error:
                if has_handler(request.app.exception_handlers, error):
                    raise
                return await on_unexpected_error(request, error)

        return handle_or_fail


def has_handler(handlers: dict[Any, Any], error: Exception) -> bool:
    """Whether an exception handler other than the catch-all takes `error`."""
    return any(kind in handlers for kind in type(error).__mro__ if kind is not Exception)
