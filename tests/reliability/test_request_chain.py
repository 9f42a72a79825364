"""The request chain against a real server process: slots held only by requests ready to run,
HEAD on every GET route, every refusal with its headers, one deadline per request, and a slow
read that does not hold up the event loop."""

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from app.loader import load_seed
from tests.browser.servers import free_port
from tests.conftest import MAX_BYTES
from tests.databases import ROOT, migrate
from tests.reliability.datasets import BigSeeds, checkpoint, copy_database, generate

ALLOWED = "http://allowed.example"
SLOW_APP = "tests.reliability.slow_app:slow_api"
EXPORT_QUOTES = 12000
SECURITY_HEADERS = ("x-content-type-options", "content-security-policy", "x-frame-options")


@contextmanager
def server(database: Path, factory: str, **settings: str) -> Iterator[str]:
    """uvicorn serving `factory` over `database` in a child process; yields its base URL."""
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "--factory", factory, "--port", str(port)]
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "CORS_ORIGINS": f'["{ALLOWED}"]'}
    env.update({name.upper(): value for name, value in settings.items()})
    process = subprocess.Popen([*command, "--log-level", "warning"], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


def wait_until_up(base: str) -> None:
    for _ in range(300):
        try:
            if httpx.get(f"{base}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError("the server did not start")


@pytest.fixture
def database(big_seeds: BigSeeds, tmp_path: Path) -> Path:
    return copy_database(big_seeds.old_db, tmp_path / "served.db")


@pytest.fixture(scope="module")
def export_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A dataset whose quote export (several MB) is larger than what the kernel buffers on a
    loopback connection whose client reads nothing, so that the server's sends block."""
    folder = tmp_path_factory.mktemp("exports")
    generate(folder / "seed", seed=3, quotes=EXPORT_QUOTES)
    database = folder / "served.db"
    migrate(f"sqlite:///{database}")
    load_seed(folder / "seed", f"sqlite:///{database}", MAX_BYTES)
    checkpoint(database)
    return database


def open_socket(base: str, receive_buffer: int | None = None) -> socket.socket:
    host, port = base.removeprefix("http://").split(":")
    connection = socket.socket()
    if receive_buffer is not None:
        connection.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, receive_buffer)
    connection.connect((host, int(port)))
    return connection


def unfinished_body(base: str, framing: str) -> socket.socket:
    """A request that sends part of its body, framed by a length or in chunks."""
    connection = open_socket(base)
    head = f"GET /v1/topics HTTP/1.1\r\nHost: test\r\n{framing}\r\n\r\n"
    part = b"0123456789" if framing.startswith("Content-Length") else b"5\r\n01234\r\n"
    connection.sendall(head.encode() + part)
    return connection


def export_never_read(base: str) -> socket.socket:
    """An export asked for by a client that never reads the answer."""
    connection = open_socket(base, receive_buffer=4096)
    connection.sendall(b"GET /v1/export/quotes HTTP/1.1\r\nHost: test\r\n\r\n")
    return connection


def assert_answers(base: str) -> None:
    for path in ("/v1/topics", "/readyz"):
        assert httpx.get(base + path, timeout=10).status_code == 200, path


def test_unfinished_bodies_and_unread_exports_hold_no_slot(export_database: Path) -> None:
    database = export_database
    with server(database, "app.main:app_from_environment", max_concurrent_requests="32") as base:
        held = [unfinished_body(base, "Transfer-Encoding: chunked") for _ in range(32)]
        held += [unfinished_body(base, "Content-Length: 100") for _ in range(32)]
        held += [export_never_read(base) for _ in range(32)]
        time.sleep(1)  # every export has filled the buffers of its connection
        try:
            assert_answers(base)
        finally:
            for connection in held:
                connection.close()


def assert_every_header(response: httpx.Response) -> None:
    assert response.headers["access-control-allow-origin"] == ALLOWED
    assert response.headers["x-request-id"]
    for name in SECURITY_HEADERS:
        assert response.headers[name], name


def test_a_413_carries_every_header(database: Path) -> None:
    with server(database, "app.main:app_from_environment") as base:
        answer = httpx.request(
            "GET", base + "/v1/topics", content=b"x" * 5000, headers={"Origin": ALLOWED}
        )
    assert answer.status_code == 413
    assert_every_header(answer)


def in_background(base: str, path: str) -> threading.Thread:
    thread = threading.Thread(target=httpx.get, args=(base + path,), kwargs={"timeout": 30})
    thread.start()
    time.sleep(0.5)  # the request has taken its slot and its worker thread
    return thread


def test_a_503_past_the_slot_wait_carries_every_header(database: Path) -> None:
    limits = {"max_concurrent_requests": "1", "slot_wait_ms": "200"}
    with server(database, SLOW_APP, **limits) as base:
        holder = in_background(base, "/v1/test/hold?seconds=3")
        answer = httpx.get(base + "/v1/topics", headers={"Origin": ALLOWED})
        holder.join()
    assert answer.status_code == 503
    assert answer.headers["retry-after"] == "1"
    assert_every_header(answer)


def test_fast_statements_past_the_request_deadline_are_a_503(database: Path) -> None:
    with server(database, SLOW_APP, request_timeout_ms="500") as base:
        within = httpx.get(base + "/v1/test/statements?count=3&pause=0.05")
        past = httpx.get(base + "/v1/test/statements?count=20&pause=0.05")
    assert within.status_code == 200, within.text
    assert past.status_code == 503
    assert "deadline" in past.json()["detail"]


def test_waiting_for_a_worker_thread_counts_against_the_deadline(database: Path) -> None:
    settings = {"read_threads": "1", "request_timeout_ms": "1000"}
    with server(database, SLOW_APP, **settings) as base:
        holder = in_background(base, "/v1/test/hold?seconds=4")
        waiting = httpx.get(base + "/v1/topics", timeout=30)
        still_holding = holder.is_alive()
        holder.join()
    assert waiting.status_code == 503
    assert still_holding  # answered at its own deadline, not when the thread came free


def test_a_slow_read_does_not_hold_up_liveness(database: Path) -> None:
    with server(database, SLOW_APP, read_threads="1") as base:
        holder = in_background(base, "/v1/test/hold?seconds=3")
        alive = httpx.get(base + "/healthz", timeout=30)
        answered_during_the_read = holder.is_alive()
        holder.join()
    assert alive.status_code == 200
    assert answered_during_the_read


def get_paths(openapi: dict[str, object], ids: dict[str, str]) -> list[str]:
    """A concrete path for every GET operation, its path parameters filled from `ids`."""
    paths = []
    for template, methods in openapi["paths"].items():  # type: ignore[attr-defined]
        if "get" in methods:
            for name, value in ids.items():
                template = template.replace("{" + name + "}", value)
            paths.append(template)
    return paths


def test_head_answers_every_get_route_like_get(database: Path) -> None:
    with server(database, "app.main:app_from_environment") as base:
        ids = record_ids(base)
        for path in [
            "/",
            "/explore",
            "/docs",
            *get_paths(httpx.get(base + "/openapi.json").json(), ids),
        ]:
            got, head = httpx.get(base + path), httpx.head(base + path)
            assert head.status_code == got.status_code, path
            assert head.content == b"", path
            for name in ("content-type", "etag", "x-dataset-version"):
                assert head.headers.get(name) == got.headers.get(name), (path, name)


def record_ids(base: str) -> dict[str, str]:
    """An id of each kind of record, as the path parameters name them."""
    first = {
        kind: httpx.get(f"{base}/v1/{kind}s?limit=1").json()["items"][0]["id"]
        for kind in ("quote", "event", "position", "actor", "topic", "source")
    }
    ids = {f"{kind}_id": value for kind, value in first.items()}
    return {**ids, "resource": "topics"}


def test_a_client_that_stops_reading_is_dropped(export_database: Path) -> None:
    """The export is cut once the client has read nothing for SEND_TIMEOUT_MS: it gets less
    than the whole answer, then the end of the connection."""
    database = export_database
    with server(database, "app.main:app_from_environment", send_timeout_ms="500") as base:
        whole = len(httpx.get(base + "/v1/export/quotes").content)
        connection = export_never_read(base)
        time.sleep(2)  # past the send timeout: the server gives up on this client
        connection.settimeout(10)
        received = 0
        while chunk := connection.recv(65536):
            received += len(chunk)
        connection.close()
    assert 0 < received < whole


def test_streams_past_their_limit_are_a_503_and_free_again_when_dropped(
    export_database: Path,
) -> None:
    settings = {"max_concurrent_streams": "2", "send_timeout_ms": "1000"}
    with server(export_database, "app.main:app_from_environment", **settings) as base:
        held = [export_never_read(base) for _ in range(2)]
        time.sleep(0.5)  # both exports are under way, blocked on their readers
        refused = httpx.get(base + "/v1/export/quotes", headers={"Origin": ALLOWED})
        listed = httpx.get(base + "/v1/topics")
        time.sleep(2)  # past the send timeout: both readers are dropped
        again = httpx.get(base + "/v1/export/quotes")
        for connection in held:
            connection.close()
    assert refused.status_code == 503
    assert refused.headers["retry-after"] == "1"
    assert "streaming its limit of 2" in refused.json()["detail"]
    assert_every_header(refused)
    assert listed.status_code == 200
    assert again.status_code == 200
