"""A real `summitkb serve` process for the tests of the server's limits, and raw-socket reads."""

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

from tests.reliability.test_reload import free_port, wait_until_up

PATIENCE_S = 30  # a socket read that waits longer than this means the server never answered


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    pid: int

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def connect(self) -> socket.socket:
        return socket.create_connection((self.host, self.port), timeout=PATIENCE_S)

    def rss_kib(self) -> int:
        status = Path(f"/proc/{self.pid}/status").read_text().splitlines()
        return int(next(line for line in status if line.startswith("VmRSS")).split()[1])


@contextmanager
def serving(url: str, env: dict[str, str]) -> Iterator[Server]:
    """`summitkb serve` over `url` on a free loopback port, with `env` added to its settings."""
    port = free_port()
    command = [sys.executable, "-c", "from app.cli import main; main()", "serve"]
    process = subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--port", str(port)],
        env={**os.environ, "DATABASE_URL": url, "LOG_LEVEL": "WARNING", **env},
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}")
        yield Server("127.0.0.1", port, process.pid)
    finally:
        process.terminate()
        process.wait(timeout=30)


def answer_to(server: Server, request: bytes) -> bytes:
    """Everything the server sends back to `request` on a new connection, until it closes it."""
    with server.connect() as connection:
        send_quietly(connection, request)
        return read_until_closed(connection)


def send_quietly(connection: socket.socket, data: bytes) -> None:
    """Send `data`; if the server closes the connection before it is all sent, read what it
    said all the same."""
    with suppress(OSError):
        connection.sendall(data)


def read_until_closed(connection: socket.socket) -> bytes:
    received = b""
    with suppress(ConnectionResetError):
        while chunk := connection.recv(65536):
            received += chunk
    return received
