"""A request's body, read whole before the request runs, and given to it again."""

import anyio
from starlette.types import Message, Receive, Scope


class BodyTooLarge(Exception):
    pass


async def read_body(
    scope: Scope, receive: Receive, max_bytes: int, timeout: float
) -> list[Message]:
    """The request's body messages, read within `timeout` seconds (TimeoutError past it; a
    request without a body has nothing to wait for); BodyTooLarge as soon as they add up to
    more than `max_bytes` (or when `Content-Length` says they will)."""
    headers = dict(scope["headers"])
    declared = headers.get(b"content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > max_bytes):
        raise BodyTooLarge
    if declared in (None, b"0") and b"transfer-encoding" not in headers:
        return []
    with anyio.fail_after(timeout):
        return await _messages(receive, max_bytes)


async def _messages(receive: Receive, max_bytes: int) -> list[Message]:
    messages: list[Message] = []
    size = 0
    while True:
        message = await receive()
        messages.append(message)
        size += len(message.get("body", b""))
        if size > max_bytes:
            raise BodyTooLarge
        if message["type"] != "http.request" or not message.get("more_body", False):
            return messages


def replay(messages: list[Message], receive: Receive) -> Receive:
    """A `receive` that gives `messages` again, then defers to the real one."""
    if not messages:
        return receive
    pending = list(messages)

    async def replayed() -> Message:
        return pending.pop(0) if pending else await receive()

    return replayed
