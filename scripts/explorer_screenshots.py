"""The README's screenshots of the explorer, taken in Debian's Chromium over the seed.

    .venv/bin/python -m scripts.explorer_screenshots

Builds a SQLite database from seed/ in a temporary folder, serves it, and writes docs/explorer*.png.
"""

import tempfile
from pathlib import Path
from typing import Literal

from playwright.sync_api import Page, ViewportSize, expect, sync_playwright

from app.loader import load_seed
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, MAX_BYTES
from tests.browser.servers import api_server
from tests.databases import ROOT, migrate

DOCS = ROOT / "docs"
DESKTOP: ViewportSize = {"width": 1280, "height": 1500}
WIDE: ViewportSize = {"width": 1280, "height": 1000}
PHONE: ViewportSize = {"width": 390, "height": 844}
Scheme = Literal["light", "dark"]
# (file, address, viewport, colour scheme, element to picture or None for the viewport)
SHOTS: list[tuple[str, str, ViewportSize, Scheme, str | None]] = [
    ("explorer.png", "/explore?q=ceasefire&type=quote", DESKTOP, "light", None),
    ("explorer-timeline.png", "/explore?actor=vladimir-putin", WIDE, "light", "#timeline"),
    ("explorer-actor.png", "/explore/actors/vladimir-putin", WIDE, "light", None),
    (
        "explorer-source.png",
        "/explore/sources/afp-2025-08-15#passage/1103-1177",
        WIDE,
        "light",
        None,
    ),
    (
        "explorer-phone-dark.png",
        "/explore#quote/fadeev-consultations-insignificant",
        PHONE,
        "dark",
        None,
    ),
]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'seed.db'}"
        migrate(url)
        load_seed(ROOT / "seed", url, MAX_BYTES)
        with api_server(url, {}, Path(folder) / "server.log") as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for name, path, viewport, scheme, element in SHOTS:
                context = browser.new_context(viewport=viewport, color_scheme=scheme)
                shoot(context.new_page(), f"{base}{path}", DOCS / name, element)
                context.close()
            browser.close()


def shoot(page: Page, url: str, path: Path, element: str | None) -> None:
    page.goto(url)
    expect(page.locator("body[data-ready=true]")).to_be_attached()
    page.wait_for_load_state("networkidle")
    if element:
        page.locator(element).screenshot(path=path)
    else:
        page.screenshot(path=path)
    print(path.relative_to(ROOT))


if __name__ == "__main__":
    main()
