"""Load, shedding and soak runs against a server on loopback; each run stops by itself.

    .venv/bin/python bench/load/run.py peak     # closed loop: the peak throughput of the mix
    .venv/bin/python bench/load/run.py steady   # 80% of that peak, open loop, 60 s
    .venv/bin/python bench/load/run.py shed     # far past the concurrency limit: quick 503s
    .venv/bin/python bench/load/run.py soak     # 10 minutes at moderate load: memory, p99 drift
    .venv/bin/python bench/load/run.py budget   # a query over its time budget: elapsed / budget

Each writes bench/load/results/<run>.json and prints it.
"""

import argparse
import asyncio
import json
import os
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from loadgen import closed_loop, open_loop
from mix import request_mix
from server import rss_bytes, serve, shed_durations

RESULTS = Path(__file__).resolve().parent / "results"
PEAK_CLIENTS = 16  # within the default limit of 32 requests at once
GENERATOR_CPU, SERVER_CPU = 0, 1


def peak(base: str, seconds: float) -> dict[str, Any]:
    tally = asyncio.run(closed_loop(base, request_mix(base), PEAK_CLIENTS, seconds))
    return {"clients": PEAK_CLIENTS, **tally.summary()}


def run_peak(args: argparse.Namespace) -> dict[str, Any]:
    with serve({}) as (base, _):
        asyncio.run(closed_loop(base, request_mix(base), PEAK_CLIENTS, 5))  # warm-up
        return peak(base, args.seconds)


def run_steady(args: argparse.Namespace) -> dict[str, Any]:
    with serve({}) as (base, _):
        asyncio.run(closed_loop(base, request_mix(base), PEAK_CLIENTS, 5))  # warm-up
        measured = peak(base, 20)
        rate = measured["throughput_rps"] * args.fraction
        tally = asyncio.run(open_loop(base, request_mix(base), rate, args.seconds))
        return {"peak": measured, "rate_rps": round(rate, 1), **tally.summary()}


def run_shed(args: argparse.Namespace) -> dict[str, Any]:
    settings = {"MAX_CONCURRENT_REQUESTS": str(args.limit)}
    pinned = pin_generator(args.pin)
    with serve(settings, cpu=SERVER_CPU if pinned else None) as (base, _):
        tally = asyncio.run(closed_loop(base, request_mix(base), args.clients, args.seconds))
        # The client's latencies include its own queueing (one Python process driving hundreds
        # of connections); the server's histogram shows how long a 503 took to produce.
        server_side = shed_durations(base)
    return {
        "limit": args.limit,
        "clients": args.clients,
        "pinned": pinned,
        **tally.summary(),
        "server_time_of_shed_answers": server_side,
    }


def pin_generator(wanted: bool) -> bool:
    """Pin this process (the load generator) to GENERATOR_CPU, the server going to SERVER_CPU."""
    if not wanted or len(os.sched_getaffinity(0)) < 2:
        return False
    os.sched_setaffinity(0, {GENERATOR_CPU})
    return True


def run_soak(args: argparse.Namespace) -> dict[str, Any]:
    windows = []
    with serve({}) as (base, pid):
        paths = request_mix(base)
        for index in range(int(args.seconds // args.window)):
            tally = asyncio.run(open_loop(base, paths, args.rate, args.window))
            windows.append({"window": index, "rss_bytes": rss_bytes(pid), **tally.summary()})
            print(json.dumps(windows[-1]), flush=True)
    warm, last = windows[1], windows[-1]
    return {
        "rate_rps": args.rate,
        "window_seconds": args.window,
        "errors": sum(window["errors"] for window in windows),
        "memory_growth_after_warm_up": round(last["rss_bytes"] / warm["rss_bytes"] - 1, 4),
        "p99_drift": round(last["p99_ms"] / warm["p99_ms"] - 1, 4),
        "windows": windows,
    }


def run_budget(args: argparse.Namespace) -> dict[str, Any]:
    from budget import measure_budget

    return measure_budget(args.budget_ms, args.repeats)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    runs = parser.add_subparsers(dest="run", required=True)
    runs.add_parser("peak").add_argument("--seconds", type=float, default=20)
    steady = runs.add_parser("steady")
    steady.add_argument("--fraction", type=float, default=0.8)
    steady.add_argument("--seconds", type=float, default=60)
    shed = runs.add_parser("shed")
    shed.add_argument("--limit", type=int, default=8)
    shed.add_argument("--clients", type=int, default=256)
    shed.add_argument("--seconds", type=float, default=15)
    shed.add_argument(
        "--no-pin", dest="pin", action="store_false", help="do not pin generator and server"
    )
    soak = runs.add_parser("soak")
    soak.add_argument("--rate", type=float, default=100)
    soak.add_argument("--seconds", type=float, default=600)
    soak.add_argument("--window", type=float, default=60)
    budget = runs.add_parser("budget")
    budget.add_argument("--budget-ms", type=int, default=500)
    budget.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    run = {"peak": run_peak, "steady": run_steady, "shed": run_shed, "soak": run_soak}
    result = {**run, "budget": run_budget}[args.run](args)
    result["load_average_after"] = os.getloadavg()  # the machine is shared: note how busy
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"{args.run}.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps({k: v for k, v in result.items() if k != "windows"}, indent=2))


if __name__ == "__main__":
    main()
