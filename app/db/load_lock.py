"""The loader's lock: loads run one at a time, and a second one waits for the first, saying so.

Two loads could otherwise interleave their diffs and writes into a mix of both seeds. On SQLite
BEGIN IMMEDIATE takes the write lock; on PostgreSQL a transaction-scoped advisory lock, one per
schema. The lock is first asked for without waiting; while another load holds it, the load's
`Waiting` hook hears how long it has waited, at once and then every WAIT_STEP_S.
"""

import sqlite3
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Connection

LOADING = "summitkb_loading"  # the execution option that marks a load's connection: its hook
WAIT_STEP_S = 10
POLL_S = 0.2
NO_BUSY_TIMEOUT = "PRAGMA busy_timeout=0"
BUSY_TIMEOUT = "PRAGMA busy_timeout=10000"  # the connections' own (engine.py), and a wait step
LOAD_LOCK = "SELECT pg_try_advisory_xact_lock(hashtext('summitkb.load:' || current_schema()))"

Waiting = Callable[[float], None]  # seconds waited so far for another load to end


def waiting_hook(connection: Connection) -> Waiting | None:
    """The hook of a load's connection; None for every other connection."""
    hook: Waiting | None = connection.get_execution_options().get(LOADING)
    return hook


def wait_for_lock(take: Callable[[bool], bool], waiting: Waiting) -> None:
    """Call `take(patient)` until it has the lock; `patient`: it may wait WAIT_STEP_S for it."""
    started = time.monotonic()
    patient = False
    while not take(patient):
        waiting(time.monotonic() - started)
        patient = True


def take_sqlite_lock(driver: Any, patient: bool) -> bool:
    """BEGIN IMMEDIATE on a pysqlite connection; False if another writer holds the lock."""
    driver.execute(BUSY_TIMEOUT if patient else NO_BUSY_TIMEOUT)
    try:
        driver.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        if error.sqlite_errorcode != sqlite3.SQLITE_BUSY:
            raise
        return False
    finally:
        driver.execute(BUSY_TIMEOUT)
    return True


def take_postgres_lock(connection: Connection, patient: bool) -> bool:
    """The advisory lock in the transaction just begun; False if another load holds it."""
    deadline = time.monotonic() + (WAIT_STEP_S if patient else 0)
    while not connection.exec_driver_sql(LOAD_LOCK).scalar():
        if time.monotonic() >= deadline:
            return False
        time.sleep(POLL_S)
    return True
