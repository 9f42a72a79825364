"""A Summit KB server on loopback for load runs: its own database (the real seed), its own port,
stopped when the run ends."""

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-c", "from app.cli import main; main()"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def build_database(folder: Path, seed: Path) -> str:
    url = f"sqlite:///{folder / 'load.db'}"
    for step in (["migrate"], ["load", str(seed)]):
        subprocess.run([*CLI, *step, "--database-url", url], check=True, capture_output=True)
    return url


@contextmanager
def serve(
    settings: dict[str, str], seed: Path = ROOT / "seed", cpu: int | None = None
) -> Iterator[tuple[str, int]]:
    """(base URL, server pid) of a one-worker uvicorn over a fresh database of `seed`, pinned to
    CPU `cpu` if given (so that the load generator, pinned elsewhere, takes none of its time)."""
    with tempfile.TemporaryDirectory(prefix="summitkb-load-") as folder:
        url = build_database(Path(folder), seed)
        port = free_port()
        command = [sys.executable, "-m", "uvicorn", "--factory", "app.main:app_from_environment"]
        server = subprocess.Popen(
            [*command, "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
            env={**os.environ, "DATABASE_URL": url, "LOG_LEVEL": "WARNING", **settings},
            cwd=ROOT,
            preexec_fn=None if cpu is None else lambda: os.sched_setaffinity(0, {cpu}),
        )
        base = f"http://127.0.0.1:{port}"
        try:
            wait_until_up(base)
            yield base, server.pid
        finally:
            server.terminate()
            server.wait(timeout=30)


def wait_until_up(base: str) -> None:
    for _ in range(300):
        try:
            httpx.get(f"{base}/v1/meta", timeout=1).raise_for_status()
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start")


def shed_durations(base: str) -> dict[str, float]:
    """The server's own time for the answers given before routing (the shed 503s), from its
    /metrics histogram: the share answered within each bucket's bound, in ms."""
    text = httpx.get(f"{base}/metrics", timeout=10).text
    counts: dict[str, float] = {}
    for line in text.splitlines():
        if line.startswith("summitkb_http_request_duration_seconds_bucket{") and (
            'route="<unmatched>"' in line
        ):
            bound = line.split('le="', 1)[1].split('"', 1)[0]
            counts[bound] = float(line.rsplit(" ", 1)[1])
    total = counts.get("+Inf", 0.0)
    if not total:
        return {}
    return {
        f"within_{float(bound) * 1000:g}_ms": round(n / total, 4)
        for bound, n in counts.items()
        if bound != "+Inf" and float(bound) <= 0.1
    } | {"answers": total}


def rss_bytes(pid: int) -> int:
    """The resident memory of process `pid` (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"no VmRSS for {pid}")
