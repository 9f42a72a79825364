"""CORS in a real browser: a page on another origin reads the API only if that origin is allowed."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.servers import static_server

# The page fetches from the API named in its query string and writes what happened into <output>.
PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Another site</title>
<script type="module" src="call.js"></script></head>
<body><output id="result">pending</output></body></html>
"""
SCRIPT = """
const api = new URL(location.href).searchParams.get("api");
const result = document.getElementById("result");
try {
  const response = await fetch(`${api}/v1/topics?limit=2`);
  const body = await response.json();
  result.textContent = `ok ${response.status} ${body.items.length}`;
} catch (error) {
  result.textContent = `blocked ${error.name}`;
}
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    (folder / "index.html").write_text(PAGE)
    (folder / "call.js").write_text(SCRIPT)
    return folder


@pytest.fixture(scope="module")
def allowed_site(site: Path, allowed_origin_port: int) -> Iterator[str]:
    with static_server(site, allowed_origin_port) as base:
        yield base


@pytest.fixture(scope="module")
def other_site(site: Path) -> Iterator[str]:
    with static_server(site) as base:
        yield base


def outcome(page: Page, site: str, api: str) -> str:
    page.goto(f"{site}/index.html?api={api}")
    page.wait_for_function("document.getElementById('result').textContent !== 'pending'")
    return page.locator("#result").inner_text()


def test_an_allowed_origin_reads_the_api(page: Page, live_server: str, allowed_site: str) -> None:
    assert outcome(page, allowed_site, live_server) == "ok 200 2"


def test_another_origin_is_blocked(page: Page, live_server: str, other_site: str) -> None:
    messages: list[str] = []
    page.on("console", lambda message: messages.append(message.text))

    assert outcome(page, other_site, live_server) == "blocked TypeError"
    assert any("blocked by CORS policy" in message for message in messages)
