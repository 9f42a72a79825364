"""A per-query time budget: a statement that runs past it is cancelled, not left to hang a worker.

SQLite checks a deadline from a progress handler every few thousand VM steps; PostgreSQL gets a
`statement_timeout` on each connection. Either way the driver raises, and `is_over_budget` tells
that error apart from the others so that it can be answered with a 503. A streamed export reads
the whole dataset, possibly from a cold disk, and cannot answer an error once it has started:
`allow_longer` gives its transaction a budget of its own.

A request also has one deadline for all its statements (`request_deadline`, set by the HTTP
layer): a statement is not started past it, and on SQLite none runs beyond it.
"""

import math
import sqlite3
import time
from contextvars import ContextVar
from typing import Any

from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session

from app.errors import Unavailable

DEADLINE = "summitkb_deadline"
BUDGET = "summitkb_budget_s"
OWN_BUDGET = "summitkb_own_budget_s"  # an execution option: this transaction's budget
PROGRESS_STEPS = 1000  # SQLite VM instructions between two looks at the clock
QUERY_CANCELED = "57014"  # PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout


# The monotonic deadline of the request being served, seen by the worker threads that run its
# statements (each runs in a copy of the request's context). One list, shared by those copies,
# so that the request's layer can lift it once the answer has started streaming.
request_deadline: ContextVar[list[float] | None] = ContextVar("request_deadline", default=None)


class PastDeadline(Unavailable):
    """A statement that would start after its request's deadline."""


def deadline_of_request() -> float:
    holder = request_deadline.get()
    return math.inf if holder is None else holder[0]


def apply_time_budget(engine: Engine, budget_ms: int) -> None:
    """Cancel any statement run through `engine` that takes longer than `budget_ms`, or starts
    after its request's deadline."""
    event.listen(engine, "before_cursor_execute", _refuse_past_deadline)
    if engine.dialect.name == "sqlite":
        _sqlite_budget(engine, budget_ms / 1000)
    else:
        event.listen(engine, "connect", _postgres_timeout(budget_ms))


def allow_longer(session: Session, budget_ms: int) -> None:
    """Give each statement of `session`'s transaction (begun here) `budget_ms` instead."""
    connection = session.connection(execution_options={OWN_BUDGET: budget_ms / 1000})
    if connection.dialect.name == "postgresql":
        timeout = text("SELECT set_config('statement_timeout', :ms, true)")  # this transaction
        connection.execute(timeout, {"ms": str(budget_ms)})


def is_over_budget(error: BaseException) -> bool:
    """Whether a database error is the cancellation of a statement that ran over its budget."""
    original = getattr(error, "orig", error)
    if isinstance(original, sqlite3.OperationalError):
        return str(original) == "interrupted"
    return getattr(original, "sqlstate", None) == QUERY_CANCELED


def _refuse_past_deadline(*_args: Any) -> None:
    if time.monotonic() > deadline_of_request():
        raise PastDeadline("the request ran past its deadline; narrow it or retry")


def _sqlite_budget(engine: Engine, budget_s: float) -> None:
    def arm(dbapi_connection: Any, record: Any) -> None:
        deadline = [math.inf]
        record.info[DEADLINE] = deadline
        record.info[BUDGET] = budget_s
        dbapi_connection.set_progress_handler(
            lambda: time.monotonic() > deadline[0], PROGRESS_STEPS
        )

    def start_clock(connection: Any, *_args: Any) -> None:
        # Rows are stepped while they are fetched, so the clock runs until the next statement.
        own = connection.get_execution_options().get(OWN_BUDGET)
        own_deadline = time.monotonic() + (budget_s if own is None else own)
        connection.info[DEADLINE][0] = min(own_deadline, deadline_of_request())

    def stop_clock(connection: Any, *_args: Any) -> None:
        connection.info[DEADLINE][0] = math.inf

    def stop_clock_on_checkin(_dbapi_connection: Any, record: Any) -> None:
        deadline = record.info.get(DEADLINE) if record is not None else None
        if deadline is not None:
            deadline[0] = math.inf

    event.listen(engine, "connect", arm)
    event.listen(engine, "before_cursor_execute", start_clock)
    event.listen(engine, "rollback", stop_clock)
    event.listen(engine, "commit", stop_clock)
    event.listen(engine, "checkin", stop_clock_on_checkin)


def _postgres_timeout(budget_ms: int) -> Any:
    def set_timeout(dbapi_connection: Any, _record: Any) -> None:
        with dbapi_connection.cursor() as cursor:
            cursor.execute("SELECT set_config('statement_timeout', %s, false)", (str(budget_ms),))
        dbapi_connection.commit()

    return set_timeout
