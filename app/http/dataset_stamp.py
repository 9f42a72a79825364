"""The loaded dataset's version and load time, read at most once per `ttl` seconds per process."""

import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass

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
    """A per-process cache of the dataset row; a reload shows within `ttl` seconds."""

    def __init__(self, sessions: Callable[[], Session], ttl: float) -> None:
        self.sessions = sessions
        self.ttl = ttl
        self.stamp: Stamp | None = None
        self.read_at = -float("inf")

    def read(self) -> Stamp | None:
        """The dataset row now; None before the first load or while the database is unreachable
        (answers then go out without validators: the route reports its own errors)."""
        try:
            with self.sessions() as session:
                meta = get_meta(session)
        except (NotFound, SQLAlchemyError):
            return None
        return Stamp(meta.version, meta.loaded_at)

    async def current(self) -> Stamp | None:
        """The cached stamp, refreshed (in a worker thread) when older than `ttl`."""
        now = time.monotonic()
        if now - self.read_at >= self.ttl:
            self.stamp = await anyio.to_thread.run_sync(self.read)
            self.read_at = now
        return self.stamp
