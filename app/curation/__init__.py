"""Curation: records created and edited through the API, with the loader's own rigour.

A write runs in one transaction on a write engine of its own (the read routes keep their
read-only connections), which takes the writers' lock when it begins (app.db.load_lock): a load
and a write, or two writes, never interleave, and a write's If-Match check and its change are
one step. A write that waits longer than it may for a load is refused (WriterBusy, a 503).
"""

import threading
import time
from collections.abc import Callable
from typing import TypeVar
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, Engine

from app.curation.edits import EDITABLE, Written, create, update, validated
from app.curation.ledger import Author
from app.curation.removal import DELETABLE, Deleted, remove
from app.db.engine import build_engine
from app.db.load_lock import WRITING, WriterBusy

__all__ = [
    "DELETABLE",
    "EDITABLE",
    "Author",
    "Deleted",
    "Written",
    "create",
    "in_write",
    "remove",
    "update",
    "validated",
]

T = TypeVar("T")
WRITE_POOL = 4  # writes take turns at one lock: a few connections serve them all


# The writes of this process take turns here before they ask the database for its lock: the
# database's own wait is no queue on SQLite (its busy handler sleeps, and a write that arrives
# just as the lock comes free overtakes those asleep), so under many writers some waited seconds.
TURNS: WeakKeyDictionary[Engine, threading.Lock] = WeakKeyDictionary()


def write_engine(database_url: str) -> Engine:
    """The engine of the API's writes (read-write connections to the primary database)."""
    engine = build_engine(database_url, WRITE_POOL)
    TURNS[engine] = threading.Lock()
    return engine


def in_write(engine: Engine, wait_s: float, work: Callable[[Connection], T]) -> T:
    """`work(connection)` in one write transaction that holds the writers' lock; WriterBusy if
    the lock is not free within `wait_s` seconds."""
    started = time.monotonic()
    turn = TURNS.setdefault(engine, threading.Lock())
    if not turn.acquire(timeout=wait_s):
        raise WriterBusy(f"other writes held the database for more than {wait_s:g} s; retry")
    try:
        left = max(0.0, wait_s - (time.monotonic() - started))
        with engine.connect() as connection:
            connection = connection.execution_options(**{WRITING: left})
            with connection.begin():
                return work(connection)
    finally:
        turn.release()
