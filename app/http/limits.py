"""Bounded work per request: a cap on request bodies and on requests served at once."""

from typing import Any

from fastapi import FastAPI
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import PROBLEM_JSON, problem

# Liveness must answer even when the process sheds load.
UNLIMITED_PATHS = frozenset({"/healthz"})


async def refuse(scope: Scope, receive: Receive, send: Send, status: int, detail: str) -> None:
    response = problem(status, detail, scope["path"])
    if status == 503:
        response.headers["Retry-After"] = "1"
    await response(scope, receive, send)


class BodyLimit:
    """Answer 413 to a request whose body is larger than `max_bytes` (a read API takes none)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await refuse(scope, receive, send, 413, self.too_large())
            return
        if declared is None and b"transfer-encoding" in dict(scope["headers"]):
            received = await self.read_body(receive)
            if received is None:
                await refuse(scope, receive, send, 413, self.too_large())
                return
            receive = replay(received, receive)
        await self.app(scope, receive, send)

    def too_large(self) -> str:
        return f"request bodies are limited to {self.max_bytes} bytes"

    async def read_body(self, receive: Receive) -> list[Message] | None:
        """The body's messages, or None as soon as they add up to more than `max_bytes`."""
        messages: list[Message] = []
        size = 0
        while True:
            message = await receive()
            messages.append(message)
            size += len(message.get("body", b""))
            if size > self.max_bytes:
                return None
            if message["type"] != "http.request" or not message.get("more_body", False):
                return messages


def replay(messages: list[Message], receive: Receive) -> Receive:
    """A `receive` that gives `messages` again, then defers to the real one."""
    pending = list(messages)

    async def replayed() -> Message:
        return pending.pop(0) if pending else await receive()

    return replayed


class ConcurrencyLimit:
    """Shed load: past `limit` requests in flight, answer 503 with Retry-After at once."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit
        self.in_flight = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in UNLIMITED_PATHS:
            await self.app(scope, receive, send)
            return
        if self.in_flight >= self.limit:
            detail = f"the server is answering its limit of {self.limit} requests; retry shortly"
            await refuse(scope, receive, send, 503, detail)
            return
        self.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            self.in_flight -= 1


def document_limits(api: FastAPI) -> None:
    """Document on every operation the problems that any request may get from these limits."""
    build_schema = api.openapi

    def openapi_with_limits() -> dict[str, Any]:
        if api.openapi_schema is None:
            schema = build_schema()
            for methods in schema["paths"].values():
                for operation in methods.values():
                    for status, response in SHARED_RESPONSES.items():
                        operation["responses"].setdefault(status, response)
        return api.openapi_schema or build_schema()

    api.openapi = openapi_with_limits  # type: ignore[method-assign]


def shared_response(description: str) -> dict[str, Any]:
    problem_schema = {"$ref": "#/components/schemas/Problem"}
    return {"description": description, "content": {PROBLEM_JSON: {"schema": problem_schema}}}


SHARED_RESPONSES = {
    "413": shared_response("The request has a body; this API reads none past a small limit."),
    "422": shared_response("A parameter is invalid or unknown; `errors` names each."),
    "503": shared_response(
        "Over a limit (requests at once, or a query's time budget): retry after `Retry-After`."
    ),
}
