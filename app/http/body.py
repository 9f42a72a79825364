"""A request's body, read whole before the request runs, and given to it again."""

from starlette.types import Message, Receive, Scope


class BodyTooLarge(Exception):
    pass


def declares_body(scope: Scope) -> bool:
    """Whether the request comes with a body (HTTP/1.1: a `Content-Length` other than 0, or a
    `Transfer-Encoding`); without one there is nothing to wait for."""
    headers = dict(scope["headers"])
    return headers.get(b"content-length", b"0") != b"0" or b"transfer-encoding" in headers


async def read_body(scope: Scope, receive: Receive, max_bytes: int) -> list[Message]:
    """The request's body messages; BodyTooLarge as soon as they add up to more than
    `max_bytes` (or when `Content-Length` says they will)."""
    headers = dict(scope["headers"])
    declared = headers.get(b"content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > max_bytes):
        raise BodyTooLarge
    if not declares_body(scope):
        return []
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
