"""Live servers for browser tests: the API under uvicorn, and plain static pages on other ports."""

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

from tests.databases import ROOT

STARTUP_SECONDS = 30


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def api_server(database_url: str, env: dict[str, str], log: Path) -> Iterator[str]:
    """`summitkb` served by uvicorn in a child process on a free port; yields its base URL."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "app.main:app_from_environment", "--factory"]
    command += ["--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"]
    child_env = {**os.environ, **env, "DATABASE_URL": database_url}
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=child_env, stdout=output, stderr=output)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base, process, log)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def wait_until_serving(base: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the API server exited: {log.read_text()}")
        try:
            if httpx.get(f"{base}/v1/meta", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise RuntimeError(
        f"the API server did not answer within {STARTUP_SECONDS} s: {log.read_text()}"
    )


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep the test output clean."""


@contextmanager
def static_server(folder: Path, port: int = 0) -> Iterator[str]:
    """Serve `folder` over HTTP on loopback (on `port`, or a free one); yields the base URL."""
    handler = partial(QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
