"""The writers' lock: loads and the API's writes run one at a time; a second load waits for the
first, saying so, and a write waits a bounded time.

Two loads could otherwise interleave their diffs and writes into a mix of both seeds, and a
write's check of its record's ETag (If-Match) could be overtaken by another write before its
own. On SQLite BEGIN IMMEDIATE takes the write lock; on PostgreSQL a transaction-scoped advisory
lock, one per schema. A load first asks for the lock without waiting; while another writer
holds it, the load's `Waiting` hook hears how long it has waited, at once and then every
WAIT_STEP_S. A write waits at most the seconds its connection's WRITING option gives, then
fails with WriterBusy (a 503 with Retry-After).
"""

import sqlite3
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from app.errors import Unavailable

LOADING = "summitkb_loading"  # the execution option that marks a load's connection: its hook
WRITING = "summitkb_writing"  # the option that marks a write's connection: its longest wait (s)
WAIT_STEP_S = 10
NO_BUSY_TIMEOUT = "PRAGMA busy_timeout=0"
BUSY_TIMEOUT = "PRAGMA busy_timeout=10000"  # the connections' own (engine.py), and a wait step
LOCK_KEY = "hashtext('summitkb.load:' || current_schema())"
LOAD_LOCK = f"SELECT pg_try_advisory_xact_lock({LOCK_KEY})"
WAIT_FOR_LOCK = f"SELECT pg_advisory_xact_lock({LOCK_KEY})"
LOCK_NOT_AVAILABLE = "55P03"  # lock_timeout ran out

Waiting = Callable[[float], None]  # seconds waited so far for another load to end


def waiting_hook(connection: Connection) -> Waiting | None:
    """The hook of a load's connection; None for every other connection."""
    hook: Waiting | None = connection.get_execution_options().get(LOADING)
    return hook


class WriterBusy(Unavailable):
    """A load (or another write) held the database for longer than a write may wait."""

    retry_after = 5


def write_wait(connection: Connection) -> float | None:
    """The longest a write's connection waits for the lock; None for every other connection."""
    wait: float | None = connection.get_execution_options().get(WRITING)
    return wait


def wait_for_lock(take: Callable[[float], bool], waiting: Waiting) -> None:
    """Call `take(seconds)` until it has the lock: at once, then waiting WAIT_STEP_S each time."""
    started = time.monotonic()
    wait_s = 0.0
    while not take(wait_s):
        waiting(time.monotonic() - started)
        wait_s = WAIT_STEP_S


def wait_for_write_lock(take: Callable[[float], bool], wait_s: float) -> None:
    """Take the lock within `wait_s` seconds, or fail with WriterBusy."""
    if not take(wait_s):
        raise WriterBusy(
            f"another load or write held the database for more than {wait_s:g} s; retry"
        )


def take_sqlite_lock(driver: Any, wait_s: float) -> bool:
    """BEGIN IMMEDIATE on a pysqlite connection within `wait_s` seconds; False if another writer
    holds the lock all that time."""
    driver.execute(f"PRAGMA busy_timeout={round(wait_s * 1000)}" if wait_s else NO_BUSY_TIMEOUT)
    try:
        driver.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if error.sqlite_errorcode != sqlite3.SQLITE_BUSY:
            raise
        return False
    finally:
        driver.execute(BUSY_TIMEOUT)
    return True


def take_postgres_lock(connection: Connection, wait_s: float) -> bool:
    """The advisory lock in the transaction just begun, within `wait_s` seconds; False if
    another writer holds it all that time. A wait queues in PostgreSQL's own lock manager (its
    waiters are served in turn) under a `lock_timeout`; a timeout ends the transaction, which
    has done nothing yet, and the next statement begins another."""
    if wait_s <= 0:
        return bool(connection.exec_driver_sql(LOAD_LOCK).scalar())
    timeout = f"{max(1, round(wait_s * 1000))}ms"
    connection.execute(
        text("SELECT set_config('lock_timeout', :timeout, true)"), {"timeout": timeout}
    )
    try:
        connection.exec_driver_sql(WAIT_FOR_LOCK)
    except DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) != LOCK_NOT_AVAILABLE:
            raise
        connection.connection.driver_connection.rollback()  # type: ignore[union-attr]
        return False
    connection.exec_driver_sql("SET LOCAL lock_timeout = DEFAULT")
    return True
