"""deploy/nginx.conf, run as it is in front of a real server (ports, and the header timeout
scaled down from 10 s to 1 s): it refuses what uvicorn cannot bound."""

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from app.loader import load_seed
from tests.conftest import MAX_BYTES, MINI_SEED
from tests.databases import ROOT, sqlite_copy
from tests.ops.servers import Server, answer_to, read_until_closed, serving
from tests.reliability.test_reload import free_port, wait_until_up

# CI installs nginx and sets SUMMITKB_REQUIRE_NGINX, so that there the test runs or fails.
pytestmark = pytest.mark.skipif(
    shutil.which("nginx") is None and not os.environ.get("SUMMITKB_REQUIRE_NGINX"),
    reason="nginx is not installed",
)

SAMPLE = ROOT / "deploy" / "nginx.conf"


def configured(api: Server, port: int) -> str:
    """The sample with this test's addresses and a shorter header timeout."""
    text = SAMPLE.read_text()
    for old, new in (
        ("listen 80;", f"listen 127.0.0.1:{port};"),
        ("server 127.0.0.1:8000;", f"server 127.0.0.1:{api.port};"),
        ("client_header_timeout 10s;", "client_header_timeout 1s;"),
    ):
        assert old in text, old
        text = text.replace(old, new)
    return text


@pytest.fixture(scope="module")
def proxy(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("proxy")
    url = sqlite_copy(sqlite_template, folder)
    load_seed(MINI_SEED, url, MAX_BYTES)
    with serving(url, {}) as api:
        port = free_port()
        (folder / "nginx.conf").write_text(configured(api, port))
        settings = f"daemon off; pid {folder}/nginx.pid; error_log {folder}/error.log;"
        command = ["nginx", "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", settings]
        process = subprocess.Popen(command)
        try:
            proxy = Server("127.0.0.1", port, process.pid)
            wait_until_up(proxy.base)
            yield proxy
        finally:
            process.terminate()
            process.wait(timeout=30)


def test_answers_pass_through(proxy: Server) -> None:
    response = httpx.get(f"{proxy.base}/v1/quotes", params={"limit": 1})
    assert response.status_code == 200
    assert response.json()["items"]


@pytest.mark.parametrize(
    "headers",
    [
        b"X-Big: " + b"a" * (1 << 20) + b"\r\n",  # the 1 MB header
        b"X-Long: " + b"a" * 9000 + b"\r\n",  # one header over 8 KiB
        b"".join(b"X-%d: v\r\n" % number for number in range(10_000)),  # 10,000 headers
    ],
    ids=["1-mib-header", "9-kib-header", "10000-headers"],
)
def test_a_head_too_large_is_refused_by_the_proxy(proxy: Server, headers: bytes) -> None:
    request = b"GET /healthz HTTP/1.1\r\nHost: x\r\n" + headers + b"\r\n"
    assert answer_to(proxy, request).startswith(b"HTTP/1.1 400 ")


def test_a_head_sent_too_slowly_is_cut_off(proxy: Server) -> None:
    with proxy.connect() as connection:
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")  # and then nothing
        received = read_until_closed(connection)  # a wait past PATIENCE_S fails the test
    assert received == b""  # closed (reset_timedout_connection), no answer


def test_two_host_headers_are_refused(proxy: Server) -> None:
    request = b"GET /healthz HTTP/1.1\r\nHost: a.example\r\nHost: b.example\r\n\r\n"
    assert answer_to(proxy, request).startswith(b"HTTP/1.1 400 ")
