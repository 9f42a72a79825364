"""The request id: a client's sane X-Request-ID, or a new one; kept for the request's log lines."""

import itertools
import re
import uuid
from contextvars import ContextVar

HEADER = "X-Request-ID"
# Ids are echoed into headers and logs: only short runs of plain characters are taken as given.
SANE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")

# New ids are this process's random prefix and a counter: unique without a system call per
# request (os.urandom, behind uuid4, gives up the GIL and waits for it back behind busy workers).
PROCESS_PREFIX = uuid.uuid4().hex[:16]
_sequence = itertools.count(1)

current_request_id: ContextVar[str | None] = ContextVar("current_request_id", default=None)


def choose_request_id(incoming: str | None) -> str:
    """The client's id if it is sane, else a new random one."""
    if incoming is not None and SANE_ID.fullmatch(incoming):
        return incoming
    return f"{PROCESS_PREFIX}{next(_sequence):016x}"
