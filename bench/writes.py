"""Writes through the curation API: a quote created and a quote patched, by 1 and by 16 writers
at once, on SQLite and PostgreSQL; writes per second and p99.

    .venv/bin/python bench/writes.py [--postgres URL] [--seconds 10] [--writers 1,16]

For each database: migrate, load `seed/`, create a write key, and add 200 sources whose texts
hold 40,000 distinct sentences, 200 a source (so that each created quote has words of its own,
as the repeated-words check requires, and a source holds as many quotes as a long article). The
app is served by `summitkb serve` (one worker, its defaults, pinned to CPU 1 as in bench/run.py)
and driven by threads of httpx clients on CPU 0:
`create` POSTs a new quote citing the writer's next sentence; `patch` edits a quote of the
writer's own, toggling its topics, with the ETag of its last answer in If-Match. The key's write
rate is counted but set far above the bench's (`WRITE_RATE_PER_MINUTE`). Only 2xx answers
count as writes; others are shown apart. Writes take turns at one lock (app.curation), so 16
writers measure the queue as much as the write.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from app.db.scratch import scratch_schema

ROOT = Path(__file__).resolve().parent.parent
SUMMITKB = str(Path(sys.executable).parent / "summitkb")
SOURCES = 200  # sources of PER_SOURCE sentences each: a write checks its source's stored quotes
PER_SOURCE = 200
PUBLISHED = "2025-08-16"
UNLIMITED = {"WRITE_RATE_PER_MINUTE": "1000000", "WRITE_BURST": "1000000"}


def sentence(number: int) -> str:
    return f"Point {number} stays open"


def source_id(number: int) -> str:
    return f"bench-writes-{number // PER_SOURCE}"


def cited(number: int) -> str:
    return f"“{sentence(number)},” Putin said."


def source_body(index: int) -> dict[str, object]:
    numbers = range(index * PER_SOURCE, (index + 1) * PER_SOURCE)
    document = "Bench\n" + "".join(f"{cited(n)}\n" for n in numbers)
    article = {"id": f"bench-writes-{index}", "title": "Bench", "published_on": PUBLISHED}
    return {
        "id": source_id(index * PER_SOURCE),
        "title": "Bench",
        "publisher": "Bench",
        "published_at": PUBLISHED,
        "text": document,
        "articles": [{**article, "start": 0, "end": len(document)}],
    }


def quote_body(number: int) -> dict[str, object]:
    return {
        "id": f"bench-quote-{number}",
        "text": sentence(number),
        "speaker": "vladimir-putin",
        "said_on": PUBLISHED,
        "citations": [{"source": source_id(number), "excerpt": cited(number)}],
    }


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    refused: dict[int, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, status: int, seconds: float) -> None:
        with self.lock:
            if 200 <= status < 300:
                self.latencies.append(seconds)
            else:
                self.refused[status] = self.refused.get(status, 0) + 1


class Writer:
    """One client with the key; `step()` makes one write and returns its status."""

    def __init__(self, base: str, key: str, kind: str, first: int) -> None:
        headers = {"Authorization": f"Bearer {key}"}
        self.client = httpx.Client(base_url=base, headers=headers, timeout=60)
        self.kind, self.next, self.etag, self.topics = kind, first, "", False
        if kind == "patch":
            made = self.client.post("/v1/quotes", json=quote_body(first))
            if made.status_code != 201:
                raise SystemExit(f"the patch writer's quote was refused: {made.text}")
            self.etag = made.headers["etag"]

    def step(self) -> int:
        if self.kind == "create":
            self.next += 1
            return self.client.post("/v1/quotes", json=quote_body(self.next)).status_code
        self.topics = not self.topics
        patch = {"topics": ["ceasefire"] if self.topics else []}
        answer = self.client.patch(
            f"/v1/quotes/{quote_body(self.next)['id']}",
            json=patch,
            headers={"If-Match": self.etag, "Content-Type": "application/merge-patch+json"},
        )
        if answer.status_code == 200:
            self.etag = answer.headers["etag"]
        return answer.status_code


def drive(writers: list[Writer], seconds: float) -> Tally:
    tally = Tally()
    start = threading.Barrier(len(writers))
    stop_at: list[float] = []

    def run(writer: Writer) -> None:
        start.wait()
        if not stop_at:
            stop_at.append(time.monotonic() + seconds)
        while time.monotonic() < stop_at[0]:
            began = time.perf_counter()
            status = writer.step()
            tally.add(status, time.perf_counter() - began)

    threads = [threading.Thread(target=run, args=(writer,)) for writer in writers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally


def p99(latencies: list[float]) -> float:
    if len(latencies) < 2:
        return latencies[0] if latencies else 0.0
    return statistics.quantiles(latencies, n=100)[98]


@contextlib.contextmanager
def served(url: str, log: Path) -> Iterator[str]:
    port = 18500 + os.getpid() % 400
    command = ["taskset", "-c", "1", SUMMITKB, "serve", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--workers", "1"]
    # The per-key write rate is counted as always (a token bucket row, app.write_limit), but set
    # far above what the bench makes: it measures writes, not the limiter's refusals.
    env = {**os.environ, "DATABASE_URL": url, **UNLIMITED}
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=out)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{base}/v1/meta", timeout=1).status_code == 200:
                    break
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def prepared(url: str) -> str:
    """Migrate and load the seed into `url`; the write key."""
    run = ["--database-url", url]
    subprocess.run([SUMMITKB, "migrate", *run], cwd=ROOT, check=True, capture_output=True)
    load = [SUMMITKB, "load", str(ROOT / "seed"), *run]
    subprocess.run(load, cwd=ROOT, check=True, capture_output=True)
    made = subprocess.run(
        [SUMMITKB, "keys", "create", "--name", "bench", "--scope", "write", *run],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    return next(word for word in made.stdout.split() if word.startswith("skb_"))


def measure(url: str, name: str, writer_counts: list[int], seconds: float) -> list[str]:
    key = prepared(url)
    rows = []
    with tempfile.TemporaryDirectory() as folder, served(url, Path(folder) / "serve.log") as base:
        add_sources(base, key)
        first = 0
        for kind in ("create", "patch"):
            for count in writer_counts:
                # A creating writer's sentences are 1,000 of its own; a patching one needs one.
                stride = 1000 if kind == "create" else 1
                writers = [Writer(base, key, kind, first + n * stride) for n in range(count)]
                first += count * stride
                tally = drive(writers, seconds)
                rows.append(row(name, kind, count, tally, seconds))
                print(rows[-1], flush=True)
    return rows


def add_sources(base: str, key: str) -> None:
    with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}) as client:
        for index in range(SOURCES):
            made = client.post("/v1/sources", json=source_body(index))
            if made.status_code != 201:
                raise SystemExit(f"the bench's source was refused: {made.text}")


def row(name: str, kind: str, count: int, tally: Tally, seconds: float) -> str:
    made = len(tally.latencies)
    refused = ", ".join(f"{n}× {status}" for status, n in sorted(tally.refused.items())) or "0"
    return (
        f"| {name} | {kind} | {count} | {made / seconds:,.1f} | "
        f"{statistics.median(tally.latencies) * 1000:.1f} | {p99(tally.latencies) * 1000:.1f} | "
        f"{refused} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--postgres", default="", help="an admin URL; PostgreSQL is skipped without"
    )
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--writers", default="1,16")
    args = parser.parse_args()
    counts = [int(n) for n in args.writers.split(",")]
    os.sched_setaffinity(0, {0})  # the clients on CPU 0, the server on CPU 1
    print("| database | write | writers | writes/s | p50 ms | p99 ms | non-2xx |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    with tempfile.TemporaryDirectory() as folder:
        measure(f"sqlite:///{folder}/writes.db", "SQLite", counts, args.seconds)
    if args.postgres:
        with scratch_schema(args.postgres, "bench_writes") as url:
            measure(url, "PostgreSQL", counts, args.seconds)


if __name__ == "__main__":
    main()
