"""The loaded dataset's version and load time, read at most once per `ttl` seconds per process."""

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass

import anyio
import anyio.to_thread
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.queries.catalog import get_meta


@dataclass(frozen=True)
class Stamp:
    version: str
    loaded_at: dt.datetime


class DatasetStamp:
    """A per-process cache of the dataset row; a reload shows within `ttl` seconds.

    One refresh at a time: while it runs, other requests answer with the stamp they have (at
    most `ttl` plus one read old) rather than each starting a read of its own, which under load
    queued dozens of reads behind the read threads every `ttl` and stalled every request.
    """

    def __init__(self, sessions: Callable[[], Session], ttl: float) -> None:
        self.sessions = sessions
        self.ttl = ttl
        self.stamp: Stamp | None = None
        self.read_at = -float("inf")
        self.refresh: anyio.Event | None = None  # set while a read is under way
        # A thread of its own: the stamp is never read behind slow reads that hold every thread.
        self.reader = anyio.CapacityLimiter(1)

    def read(self) -> Stamp | None:
        """The dataset row now; None before the first load or while the database is unreachable
        (answers then go out without validators: the route reports its own errors)."""
        try:
            with self.sessions() as session:
                meta = get_meta(session)
        except (NotFound, SQLAlchemyError):
            return None
        return Stamp(meta.version, meta.loaded_at)

    def forget(self) -> None:
        """Read the stamp again on the next request: this process has just changed it."""
        self.read_at = -float("inf")

    async def current(self) -> Stamp | None:
        """The cached stamp, refreshed (in a worker thread) when older than `ttl`."""
        now = time.monotonic()
        if now - self.read_at < self.ttl or (self.refresh is not None and self.stamp is not None):
            return self.stamp
        if self.refresh is not None:  # no stamp yet: wait for the first read, not answer without
            await self.refresh.wait()
            return self.stamp
        self.refresh = anyio.Event()
        try:
            self.stamp = await anyio.to_thread.run_sync(self.read, limiter=self.reader)
            self.read_at = now
        finally:
            self.refresh.set()
            self.refresh = None
        return self.stamp
