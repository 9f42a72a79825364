"""Browser fixtures: Debian's Chromium driven by Playwright, against a live server over the seed.

Where Chromium is absent the browser tests skip, except in CI (CI=true), where they fail: CI
installs Chromium, so its absence there is a broken build, not a reason to skip.
"""

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Route, sync_playwright

from app.loader import load_seed
from tests.browser.servers import api_server, free_port
from tests.databases import ROOT, migrate

CHROMIUM = os.environ.get("SUMMITKB_CHROMIUM", "/usr/bin/chromium")
# As this machine's closed network needs: no background fetches, no updates, no sync.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "artifacts"
# As strict as a policy gets for a page with its own files: no inline script or style at all.
STRICT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
MAX_BYTES = 1 << 30


def require_chromium() -> str:
    """The Chromium binary; skips (fails in CI) when it is not installed."""
    if shutil.which(CHROMIUM) is None:
        reason = (
            f"Chromium is not installed at {CHROMIUM} (apt-get install chromium chromium-driver)"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI must run the browser tests")
        pytest.skip(reason)
    return CHROMIUM


@pytest.fixture(scope="session")
def seed_database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite database holding the real seed (seed/), built by the migrations and the loader."""
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'seed.db'}"
    migrate(url)
    load_seed(ROOT / "seed", url, MAX_BYTES)
    return url


@pytest.fixture(scope="session")
def allowed_origin_port() -> int:
    """The port of the page that the API's CORS setting allows."""
    return free_port()


@pytest.fixture(scope="session")
def live_server(
    seed_database: str, allowed_origin_port: int, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The API on a free loopback port; yields its base URL."""
    origin = f'["http://127.0.0.1:{allowed_origin_port}"]'
    log = tmp_path_factory.mktemp("server") / "uvicorn.log"
    with api_server(seed_database, {"CORS_ORIGINS": origin}, log) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = require_chromium()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@dataclass
class Console:
    """What a page reported: console errors and uncaught exceptions."""

    errors: list[str] = field(default_factory=list)


@pytest.fixture
def console() -> Console:
    return Console()


@pytest.fixture
def page(browser: Browser, console: Console) -> Iterator[Page]:
    """A fresh page (its own context) whose console errors and exceptions land in `console`."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    new_page = context.new_page()
    new_page.on("console", lambda m: console.errors.append(m.text) if m.type == "error" else None)
    new_page.on("pageerror", lambda error: console.errors.append(str(error)))
    yield new_page
    context.close()


def artifact(name: str) -> Path:
    """A path under artifacts/ (git-ignored) for a file a test leaves for people to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS / name


def serve_with_strict_policy(page: Page, url: str) -> None:
    """Answer `url` with STRICT_POLICY as its Content-Security-Policy, whatever the app sends."""

    def strict(route: Route) -> None:
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": STRICT_POLICY}
        route.fulfill(response=response, headers=headers)

    page.route(url, strict)
