"""The CPU one request costs the app, in process: no network, no server, one request at a time.

    python bench/inprocess.py DB SCENARIO [--requests 3000] [--app-root PATH] [--layers L,...]
    python bench/inprocess.py DB a --bare          # bench/bare.py's app, the framework's ceiling
    python bench/inprocess.py DB a --rounds 7 --with-bare   # ours and bare in turns: the ratio

SCENARIO is a key of bench/run.py's scenarios (a, b, c, d), whose paths are drawn from DB the
same way. The app is built with `create_app` over DB (or, with --bare, bench/bare.py's), started
through its lifespan, and called as an ASGI app on uvloop; after 200 warm-up requests, prints the
process CPU time per request (the worker threads' included) and the wall time. `--app-root`
imports `app` from another checkout (an A/B of two commits in one process setup); `--layers`
keeps only the named middleware of the request chain (`--layers ''` keeps none), to price each.
Pin it to a core (`taskset -c 1`) and take the lowest of a few runs: the machine is shared.
`--rounds N` measures N rounds of `--requests` each and prints the lowest and the median;
`--with-bare` builds bare.py's app beside ours in the same process and measures them in turns,
round by round, so that both see the same minutes of a shared machine and their ratio means
something even when the absolute figures move. `--calls` counts instead the Python and C calls
one request makes, in every thread, after the warm-up: slower, but a figure the machine's load
does not move (each call is not the same price, so it ranks changes rather than pricing them).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent


def build_app(db: str, bare: bool, layers: str | None) -> Any:
    if bare:
        import bare as bare_module

        return bare_module.bare_app(db)
    os.environ["DATABASE_URL"] = f"sqlite:///{db}"
    from app.config import Settings
    from app.main import create_app

    app = create_app(Settings())
    if layers is not None:
        kept = set(filter(None, layers.split(",")))
        app.user_middleware = [m for m in app.user_middleware if m.cls.__name__ in kept]
    return app


def scope_of(path: str) -> dict[str, Any]:
    route, _, query = path.partition("?")
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": route,
        "raw_path": route.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1:8000"), (b"accept", b"*/*"), (b"user-agent", b"bench")],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
        "state": {},
    }


async def call(app: Any, path: str) -> int:
    statuses: list[int] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    await app(scope_of(path), receive, send)
    return statuses[0]


async def start(app: Any) -> asyncio.Task[Any]:
    """Run the app's lifespan start-up; the task runs until the measurement ends."""
    inbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    outbox: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    await inbox.put({"type": "lifespan.startup"})
    scope = {"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}
    task = asyncio.get_running_loop().create_task(app(scope, inbox.get, outbox.put))
    await outbox.get()
    return task


async def warm(app: Any, paths: list[str]) -> asyncio.Task[Any]:
    """Start `app` and answer 200 warm-up requests (each must be a 200)."""
    lifespan = await start(app)
    for path in paths[:200]:
        status = await call(app, path)
        if status != 200:
            raise SystemExit(f"{path}: {status}")
    return lifespan


class CallCounter:
    """Counts function and C calls in every thread while `on` (a profile hook, set before any
    worker thread starts)."""

    def __init__(self) -> None:
        self.on = False
        self.calls = 0
        threading.setprofile(self.hook)
        sys.setprofile(self.hook)

    def hook(self, _frame: Any, event: str, _arg: Any) -> None:
        if self.on and event in ("call", "c_call"):
            self.calls += 1


async def count_calls(app: Any, paths: list[str], requests: int) -> float:
    """Python and C calls per request, after the warm-up."""
    counter = CallCounter()
    lifespan = await warm(app, paths)
    counter.on = True
    for index in range(requests):
        await call(app, paths[index % len(paths)])
    counter.on = False
    lifespan.cancel()
    return counter.calls / requests


async def one_round(app: Any, paths: list[str], requests: int) -> tuple[float, float]:
    """CPU and wall seconds per request over `requests` requests."""
    wall, cpu = time.perf_counter(), time.process_time()
    for index in range(requests):
        await call(app, paths[index % len(paths)])
    return (time.process_time() - cpu) / requests, (time.perf_counter() - wall) / requests


async def measure(
    apps: dict[str, Any], paths: list[str], requests: int, rounds: int
) -> dict[str, list[tuple[float, float]]]:
    """Each app's rounds, the apps taking turns within each round."""
    lifespans = [await warm(app, paths) for app in apps.values()]
    costs: dict[str, list[tuple[float, float]]] = {name: [] for name in apps}
    for _ in range(rounds):
        for name, app in apps.items():
            costs[name].append(await one_round(app, paths, requests))
    for lifespan in lifespans:
        lifespan.cancel()
    return costs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("scenario", choices=["a", "b", "c", "d"])
    parser.add_argument("--requests", type=int, default=3000)
    parser.add_argument("--app-root", default=str(BENCH.parent))
    parser.add_argument("--layers", default=None)
    parser.add_argument("--bare", action="store_true")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--with-bare", action="store_true")
    parser.add_argument("--calls", action="store_true")
    args = parser.parse_args()
    if args.calls:  # the hook slows the first request (the API's digest) past the deadline
        os.environ["REQUEST_TIMEOUT_MS"] = "600000"
    sys.path[:0] = [args.app_root, str(BENCH)]
    import run
    import uvloop

    scenarios = run.build_scenarios(Path(args.db), 300, 1)
    paths = next(s.ours for s in scenarios if s.key == args.scenario) or []
    name = "bare" if args.bare else f"app from {args.app_root}"
    apps = {name: build_app(args.db, args.bare, args.layers)}
    if args.calls:
        calls = uvloop.run(count_calls(apps[name], paths, args.requests))
        print(f"{args.scenario}: {name}: {calls:.0f} calls/request")
        return
    if args.with_bare:
        apps["bare"] = build_app(args.db, True, None)
    costs = uvloop.run(measure(apps, paths, args.requests, args.rounds))
    for name, rounds in costs.items():
        print(f"{args.scenario}: {name}: {summary(rounds)}")
    if args.with_bare:
        ours, bare = (min(cpu for cpu, _ in rounds) for rounds in costs.values())
        print(f"{args.scenario}: ours / bare, lowest CPU: {ours / bare:.2f}x")


def summary(rounds: list[tuple[float, float]]) -> str:
    """The lowest CPU per request (and that round's wall time), and the median over rounds."""
    cpu, wall = min(rounds)
    median = statistics.median(cpu for cpu, _ in rounds)
    text = f"CPU {cpu * 1e3:.3f} ms/request, wall {wall * 1e3:.3f} ms"
    return (
        text if len(rounds) == 1 else f"{text} (lowest of {len(rounds)}; median {median * 1e3:.3f})"
    )


if __name__ == "__main__":
    main()
