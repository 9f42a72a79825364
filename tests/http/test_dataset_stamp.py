"""The per-process dataset stamp is refreshed by one read at a time, however many ask for it."""

import datetime as dt
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import anyio

from app.http.dataset_stamp import DatasetStamp, Stamp

FIRST = Stamp("v1", dt.datetime(2025, 8, 15, tzinfo=dt.UTC))


class CountingStamp(DatasetStamp):
    """A stamp whose read takes a while and counts how often it runs."""

    def __init__(self, ttl: float) -> None:
        super().__init__(sessions=lambda: None, ttl=ttl)  # type: ignore[arg-type, return-value]
        self.reads = 0
        self.lock = threading.Lock()

    def read(self) -> Stamp | None:
        with self.lock:
            self.reads += 1
        time.sleep(0.05)
        return FIRST


def ask(stamp: DatasetStamp, times: int) -> list[Stamp | None]:
    """`times` concurrent askers' answers, in an event loop of their own."""
    answers: list[Stamp | None] = []

    async def one() -> None:
        answers.append(await stamp.current())

    async def all_at_once() -> None:
        async with anyio.create_task_group() as group:
            for _ in range(times):
                group.start_soon(one)

    # A thread of its own: the test's thread may already run an event loop (a browser driver's).
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(anyio.run, all_at_once).result()
    return answers


def test_concurrent_askers_share_one_read() -> None:
    stamp = CountingStamp(ttl=0.0)  # always stale
    first = ask(stamp, 20)
    assert first == [FIRST] * 20  # the first read is waited for: no answer without a stamp
    assert stamp.reads == 1
    again = ask(stamp, 20)
    assert again == [FIRST] * 20
    assert stamp.reads == 2  # stale again: one more read, the others used the stamp they had
