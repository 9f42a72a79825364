"""The route class of every router: GET routes answer HEAD too, the query string is checked
before any parameter is read, and an error that no handler takes becomes a 500 problem inside
the middleware stack."""

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute
from starlette.exceptions import HTTPException
from starlette.routing import Match
from starlette.types import Receive, Scope, Send

from app.api.errors import on_unexpected_error
from app.api.query_string import check_plain_query, one_value_names

HTTP_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
Handler = Callable[[Request], Coroutine[Any, Any, Response]]


class ReadRoute(APIRoute):
    """An API route whose GET also answers HEAD (RFC 9110: the GET's status and headers, no
    body; the server drops the body). The OpenAPI document keeps listing GET alone.

    Its path and query string are checked first (app.api.query_string): here rather than as a
    dependency, which FastAPI would solve again on every request at a cost of its own.
    """

    def __init__(self, path: str, endpoint: Callable[..., Any], **kwargs: Any) -> None:
        super().__init__(path, endpoint, **kwargs)
        self.one_value_names = one_value_names(self.dependant)

    def matches(self, scope: Scope) -> tuple[Match, Scope]:
        return super().matches(self.as_get(scope))

    async def handle(self, scope: Scope, receive: Receive, send: Send) -> None:
        scope = self.as_get(scope)
        if scope["type"] == "http" and self.methods and scope["method"] not in self.methods:
            raise HTTPException(status_code=405, headers={"Allow": self.allowed(scope["app"])})
        await super().handle(scope, receive, send)

    def allowed(self, app: Any) -> str:
        """The methods of this route's path, from every router that serves it: a path read by
        one router and written by another answers a 405 that names both."""
        documented = app.openapi()["paths"].get(self.path_format, {})
        methods = {method.upper() for method in documented if method.upper() in HTTP_METHODS}
        return ", ".join(sorted(methods | set(self.methods or ())))

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
            check_plain_query(request.scope, self.one_value_names)
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
