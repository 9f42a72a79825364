"""Helpers for format and HTTP tests: raw ASGI exchanges (to see chunks) and CSV parsing."""

import csv
import io
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import anyio
from starlette.types import ASGIApp, Message


def parse_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def csv_header(text: str) -> list[str]:
    return next(csv.reader(io.StringIO(text, newline="")))


def asgi_get(
    app: ASGIApp, path: str, query: str = "", headers: dict[str, str] | None = None
) -> list[Message]:
    """Every message the app sends for a GET, as a server would receive them."""
    sent: list[Message] = []
    scope: dict[str, Any] = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": query.encode(),
        "headers": [(k.lower().encode(), v.encode()) for k, v in (headers or {}).items()]
        + [(b"host", b"testserver")],
        "client": ("127.0.0.1", 1234),
        "server": ("testserver", 80),
        "state": {},
    }

    async def receive() -> Message:
        await anyio.sleep(3600)  # no disconnect while the answer streams
        return {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    async def run() -> None:
        with anyio.fail_after(60):
            await app(scope, receive, send)

    # A thread of its own: the test's thread may already run an event loop (a browser driver's).
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(anyio.run, run).result()
    return sent


def bodies(messages: list[Message]) -> list[bytes]:
    return [m.get("body", b"") for m in messages if m["type"] == "http.response.body"]
