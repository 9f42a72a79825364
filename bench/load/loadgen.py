"""Load generation: closed loop (as fast as N clients can go) or open loop (a fixed rate, with
latency counted from each request's scheduled time, so a stalled server cannot hide its queue)."""

import asyncio
import itertools
import time
from collections import Counter
from dataclasses import dataclass, field

import aiohttp

OK = {200, 304}


@dataclass
class Tally:
    """What came back: statuses, errors and latencies (seconds)."""

    statuses: Counter[str] = field(default_factory=Counter)
    latencies: list[float] = field(default_factory=list)
    by_status: dict[str, list[float]] = field(default_factory=dict)
    started: float = field(default_factory=time.monotonic)
    ended: float = 0.0

    def add(self, status: str, latency: float) -> None:
        self.statuses[status] += 1
        self.latencies.append(latency)
        self.by_status.setdefault(status, []).append(latency)

    @property
    def errors(self) -> int:
        return sum(n for status, n in self.statuses.items() if status not in {"200", "304"})

    def summary(self) -> dict[str, object]:
        seconds = (self.ended or time.monotonic()) - self.started
        return {
            "requests": len(self.latencies),
            "seconds": round(seconds, 2),
            "throughput_rps": round(len(self.latencies) / seconds, 1),
            "errors": self.errors,
            "statuses": dict(self.statuses),
            **percentiles(self.latencies),
            "by_status_ms": {s: percentiles(v) for s, v in self.by_status.items()},
        }


def percentiles(latencies: list[float]) -> dict[str, float]:
    if not latencies:
        return {}
    ordered = sorted(latencies)

    def at(q: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000, 2)

    return {"p50_ms": at(0.50), "p90_ms": at(0.90), "p99_ms": at(0.99), "max_ms": at(1.0)}


async def one(client: aiohttp.ClientSession, path: str, tally: Tally, scheduled: float) -> None:
    try:
        async with client.get(path) as response:
            await response.read()
            status = str(response.status)
    except (aiohttp.ClientError, TimeoutError) as error:
        status = type(error).__name__
    tally.add(status, time.monotonic() - scheduled)


def client_for(base: str, connections: int) -> aiohttp.ClientSession:
    """An aiohttp session: its C parser and connection pool drive hundreds of connections from one
    core at several times httpx's rate, so that the generator is not what the latencies measure.
    Idle connections are dropped before uvicorn's 5 s keep-alive timeout, or a request sent on a
    connection the server is closing fails for reasons of the client's own."""
    connector = aiohttp.TCPConnector(limit=connections, keepalive_timeout=2)
    timeout = aiohttp.ClientTimeout(total=30)
    return aiohttp.ClientSession(base_url=base, connector=connector, timeout=timeout)


async def closed_loop(base: str, paths: list[str], clients: int, seconds: float) -> Tally:
    """`clients` clients, each sending its next request as soon as the last one is answered."""
    tally = Tally()
    deadline = time.monotonic() + seconds
    cycle = itertools.cycle(paths)
    async with client_for(base, clients) as client:

        async def worker() -> None:
            while time.monotonic() < deadline:
                await one(client, next(cycle), tally, time.monotonic())

        await asyncio.gather(*(worker() for _ in range(clients)))
    tally.ended = time.monotonic()
    return tally


async def open_loop(base: str, paths: list[str], rate: float, seconds: float) -> Tally:
    """Requests at `rate` per second for `seconds`, whatever the server's pace."""
    tally = Tally()
    start = time.monotonic()
    pending: set[asyncio.Task[None]] = set()
    async with client_for(base, 512) as client:
        for index, path in enumerate(itertools.cycle(paths)):
            scheduled = start + index / rate
            if scheduled - start >= seconds:
                break
            delay = scheduled - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            task = asyncio.create_task(one(client, path, tally, scheduled))
            pending.add(task)
            task.add_done_callback(pending.discard)
        await asyncio.gather(*pending)
    tally.ended = time.monotonic()
    return tally
