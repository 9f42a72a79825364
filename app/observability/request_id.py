"""The request id: a client's sane X-Request-ID, or a new one; kept for the request's log lines."""

import re
import uuid
from contextvars import ContextVar

HEADER = "X-Request-ID"
# Ids are echoed into headers and logs: only short runs of plain characters are taken as given.
SANE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")

current_request_id: ContextVar[str | None] = ContextVar("current_request_id", default=None)


def choose_request_id(incoming: str | None) -> str:
    """The client's id if it is sane, else a new random one."""
    if incoming is not None and SANE_ID.fullmatch(incoming):
        return incoming
    return uuid.uuid4().hex
