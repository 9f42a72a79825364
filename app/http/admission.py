"""Admission: what a request must pass before it runs, and the time it has to answer.

A request with more than one Host header is refused (RFC 9112). Its body is read whole first (at
most `max_body_bytes`, or a write's own limit, within `body_timeout`), so a client that is still
sending holds nothing; then it waits for one of `slots`, first come first served, for at most
`slot_wait` (a 503 with Retry-After past that). One deadline, `request_timeout`, covers
everything from arrival until the answer starts: the wait for a slot, for a worker thread, and
every statement (app.db.budget.request_deadline). The slot is given back when the answer starts:
a stream to a slow reader then holds no slot. Streams have slots of their own, `streams`, taken
when a streamed answer starts (a 503 instead when none is free), and a client that reads nothing
of an answer for `send_timeout` is dropped.
"""

import asyncio
import logging
import math
import time
from dataclasses import dataclass

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.errors import error_problem, problem
from app.db.budget import request_deadline
from app.errors import Unavailable
from app.http.body import BodyTooLarge, read_body, replay
from app.http.slots import Slot, is_stream

log = logging.getLogger(__name__)

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Writes whose body may carry a document: a new source, or a batch of records that holds one.
DOCUMENT_WRITES = frozenset({"/v1/sources", "/v1/batch"})
# Paths that no read takes.
WRITE_ONLY = frozenset({"/v1/batch"})
# Liveness must answer even when every slot is taken.
UNLIMITED_PATHS = frozenset({"/healthz"})


@dataclass(frozen=True)
class Limits:
    max_body_bytes: int
    body_timeout: float  # seconds
    slots: int
    streams: int  # answers streamed at once (each holds a connection and a snapshot)
    slot_wait: float  # seconds
    request_timeout: float  # seconds
    send_timeout: float  # seconds a client may go without reading an answer under way
    max_write_body_bytes: int = 64 << 10  # a write's body (a record)
    max_source_body_bytes: int = 2 << 20  # a new source's body (its document inline)

    def body_limit(self, scope: Scope) -> int:
        """The most of a body the request may send: reads need none, writes carry a record (or
        a document). A method that no route of the path takes gets the path's write limit too,
        so that its answer is the 405 that names the methods, not a 413."""
        if scope["method"] in READ_METHODS and scope["path"] not in WRITE_ONLY:
            return self.max_body_bytes
        if scope["path"] in DOCUMENT_WRITES:
            return self.max_source_body_bytes
        return self.max_write_body_bytes


class StreamRefused(Exception):
    pass


class Admission:
    """Read the body, take a slot, and answer within the deadline (see the module's text)."""

    def __init__(self, app: ASGIApp, limits: Limits) -> None:
        self.app = app
        self.limits = limits
        self.slots = anyio.CapacityLimiter(limits.slots)
        self.streams = anyio.CapacityLimiter(limits.streams)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        deadline = anyio.current_time() + self.limits.request_timeout
        if sum(name == b"host" for name, _ in scope["headers"]) > 1:
            await self.refuse(scope, send, 400, "a request has one Host header (RFC 9112)")
            return
        limit = self.limits.body_limit(scope)
        try:
            body = await read_body(scope, receive, limit, self.limits.body_timeout)
        except BodyTooLarge:
            await self.refuse(scope, send, 413, f"request bodies are limited to {limit} bytes")
            return
        except TimeoutError:
            detail = f"the request body was not received within {self.limits.body_timeout:g} s"
            await self.refuse(scope, send, 408, detail)
            return
        if scope["path"] in UNLIMITED_PATHS:
            await self.app(scope, replay(body, receive), send)
            return
        await self.admit(scope, replay(body, receive), send, deadline)

    async def admit(self, scope: Scope, receive: Receive, send: Send, deadline: float) -> None:
        """Run the request once a slot is free, or refuse it when none frees up in time."""
        slot = Slot(self.slots)
        if not slot.take_now():  # a free slot with nobody waiting for one: no timer to set
            with anyio.move_on_after(min(self.limits.slot_wait, deadline - anyio.current_time())):
                await slot.take()
        if not slot.held:
            detail = f"the server is answering its limit of {self.limits.slots} requests; retry"
            await self.refuse(scope, send, 503, detail)
            return
        try:
            await self.run_until_deadline(scope, receive, send, deadline, slot)
        finally:
            slot.give_back()

    async def run_until_deadline(
        self, scope: Scope, receive: Receive, send: Send, deadline: float, slot: Slot
    ) -> None:
        # The same instant on the clock of app.db.budget (anyio's clock is the event loop's).
        statements_deadline = [time.monotonic() + deadline - anyio.current_time()]
        stream = Slot(self.streams)
        reader = ReaderWatch(self.limits.send_timeout)

        async def send_started(message: Message) -> None:
            if message["type"] == "http.response.start" and not reader.started:
                # The answer is under way: it holds no slot, and its statements no deadline;
                # from now on the client's reading is watched instead.
                statements_deadline[0] = math.inf
                slot.give_back()
                reader.start(scope_of_deadline)
                if is_stream(message) and not stream.take_now():
                    await self.refuse(scope, send, 503, self.too_many_streams())
                    raise StreamRefused
            await reader.send(send, message)

        token = request_deadline.set(statements_deadline)
        try:
            with anyio.CancelScope(deadline=deadline) as scope_of_deadline:
                await self.app(scope, receive, send_started)
        except* StreamRefused:
            pass  # answered with a 503 already; the route's stream is abandoned unread
        finally:
            request_deadline.reset(token)
            stream.give_back()
            reader.stop()
        if scope_of_deadline.cancelled_caught:
            await self.past_deadline(scope, send, reader.started, reader.sending)

    async def past_deadline(self, scope: Scope, send: Send, started: bool, sending: bool) -> None:
        """A 503 for a request that ran out of time before its answer started; a line in the
        log for a client dropped because it read nothing."""
        if not started:
            detail = f"the request took longer than {self.limits.request_timeout:g} s; retry"
            await self.refuse(scope, send, 503, detail)
        elif sending:
            log.warning(
                "%s: the client read nothing for %g s; dropped",
                scope["path"],
                self.limits.send_timeout,
            )

    def too_many_streams(self) -> str:
        return f"the server is streaming its limit of {self.limits.streams} answers; retry"

    async def refuse(self, scope: Scope, send: Send, status: int, detail: str) -> None:
        if status == 503:  # over a limit of the server's: Retry-After as every such answer has
            response = error_problem(Unavailable(detail), scope["path"])
        else:
            response = problem(status, detail, scope["path"])
        if status in (408, 413):
            response.headers["Connection"] = "close"  # the rest of the body is not read
        await response(scope, no_receive, send)


class ReaderWatch:
    """Drops an answer under way whose client reads nothing of a message for `timeout` seconds
    (a stream would hold its connection and snapshot for ever), however long the answer takes
    to make: the time between two messages does not count.

    One timer for the whole answer, which looks at the message being sent when it fires:
    moving the request's deadline around every message cost more than the rest of this layer.
    """

    def __init__(self, timeout: float) -> None:
        self.timeout = timeout
        self.started = False
        self.sending_since: float | None = None
        self.timer: asyncio.TimerHandle | None = None
        self.cancel_scope: anyio.CancelScope | None = None

    @property
    def sending(self) -> bool:
        return self.sending_since is not None

    def start(self, cancel_scope: anyio.CancelScope) -> None:
        """The answer has started: the request's deadline is lifted, the reader is watched."""
        self.started = True
        self.cancel_scope = cancel_scope
        cancel_scope.deadline = math.inf
        loop = asyncio.get_running_loop()
        self.timer = loop.call_at(loop.time() + self.timeout, self.look)

    async def send(self, send: Send, message: Message) -> None:
        self.sending_since = asyncio.get_running_loop().time() if self.started else None
        await send(message)
        self.sending_since = None

    def look(self) -> None:
        loop = asyncio.get_running_loop()
        now = loop.time()
        since = now if self.sending_since is None else self.sending_since
        if now - since >= self.timeout and self.cancel_scope is not None:
            self.cancel_scope.cancel()
            return
        self.timer = loop.call_at(since + self.timeout, self.look)

    def stop(self) -> None:
        if self.timer is not None:
            self.timer.cancel()


async def no_receive() -> Message:
    return {"type": "http.disconnect"}
