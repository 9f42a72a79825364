"""`summitkb serve` bounds what a client can hold: request heads, connections, idle time. Run
against a real server process, with the limits scaled down."""

import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest

from app.cli import server_limits
from app.config import Settings
from app.loader import load_seed
from tests.conftest import MAX_BYTES, MINI_SEED
from tests.databases import sqlite_copy
from tests.ops.servers import Server, answer_to, read_until_closed, send_quietly, serving

HEAD_BYTES = 4096
CONNECTIONS = 4
LIMITS = {
    "MAX_REQUEST_HEAD_BYTES": str(HEAD_BYTES),
    "MAX_CONNECTIONS": str(CONNECTIONS),
    "KEEP_ALIVE_SECONDS": "1",
    "LISTEN_BACKLOG": "16",
}


@pytest.fixture(scope="module")
def server(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    url = sqlite_copy(sqlite_template, tmp_path_factory.mktemp("served"))
    load_seed(MINI_SEED, url, MAX_BYTES)
    with serving(url, LIMITS) as running:
        yield running


def test_the_serve_command_passes_every_limit() -> None:
    settings = Settings()
    assert server_limits(settings) == {
        "http": "h11",
        "h11_max_incomplete_event_size": settings.max_request_head_bytes,
        "limit_concurrency": settings.max_connections,
        "timeout_keep_alive": settings.keep_alive_seconds,
        "backlog": settings.listen_backlog,
    }


def test_a_head_that_grows_past_the_bound_is_a_400_and_a_close(server: Server) -> None:
    """h11 bounds what it buffers of a head not yet complete (a head that arrives whole, in one
    read, is not bounded here: the proxy bounds header size and count, deploy/nginx.conf)."""
    unfinished = b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (1 << 20)
    assert answer_to(server, unfinished).startswith(b"HTTP/1.1 400 ")
    fits = b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Small: aaaa\r\n\r\n"
    assert answer_to(server, fits).startswith(b"HTTP/1.1 200 ")


def test_unfinished_heads_hold_no_more_than_the_bound(server: Server) -> None:
    before = server.rss_kib()
    with ExitStack() as stack:
        connections = [stack.enter_context(server.connect()) for _ in range(50)]
        for connection in connections:
            send_quietly(connection, b"GET /healthz HTTP/1.1\r\nX-Slow: " + b"a" * (1 << 20))
        answers = [read_until_closed(connection) for connection in connections]
    assert all(answer.startswith(b"HTTP/1.1 400 ") for answer in answers)
    # 50 MiB were offered at once; each connection was closed past 4 KiB of it.
    assert server.rss_kib() - before < 20 * 1024
    assert httpx.get(f"{server.base}/healthz").status_code == 200


def test_an_idle_connection_is_closed_after_the_keep_alive(server: Server) -> None:
    with server.connect() as connection:
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        received = read_until_closed(connection)  # the answer, then the close
    assert received.startswith(b"HTTP/1.1 200 ")
    assert received.endswith(b'{"status":"ok"}')


def test_connections_past_the_limit_get_a_503(server: Server) -> None:
    with ExitStack() as stack:
        for _ in range(CONNECTIONS):
            stack.enter_context(server.connect())
        time.sleep(0.5)  # let the server accept them: they count once accepted
        assert httpx.get(f"{server.base}/healthz").status_code == 503
    for _ in range(100):  # the closed connections are let go as the server notices
        if httpx.get(f"{server.base}/healthz").status_code == 200:
            return
        time.sleep(0.1)
    raise AssertionError("the server did not answer again once the connections were closed")
