"""What the explorer's browser tests share: opening a view, the viewports, axe-core."""

import os
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, ViewportSize, expect

from tests.databases import ROOT

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}
# axe-core, the accessibility rules engine, installed with the TypeScript client's packages.
AXE = ROOT / "clients" / "typescript" / "node_modules" / "axe-core" / "axe.min.js"
AXE_VIOLATIONS = """async () => (await axe.run(document)).violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes[0].target.join(" ")}`)"""
# What Chromium itself logs for a response that a test makes fail on purpose.
FAILED_RESOURCE = (
    "Failed to load resource: the server responded with a status of 503 (Service Unavailable)"
)


def open_view(page: Page, base: str, path: str = "/") -> None:
    """Open `path` (e.g. `/explore?q=ceasefire`) and wait until its panels have loaded."""
    page.goto(f"{base}{path}")
    expect(page.locator("body[data-ready=true]")).to_be_attached()


Record = dict[str, Any]


def api_items(base: str, path: str, **params: str) -> list[Record]:
    """Every item of a /v1 list (the seed fits in one page of 500)."""
    answer = httpx.get(f"{base}{path}", params={**params, "limit": "500"}).json()
    assert answer["next"] is None
    items: list[Record] = answer["items"]
    return items


def require_axe() -> None:
    """Skip (fail in CI) when axe-core is not installed."""
    if not AXE.exists():
        reason = "axe-core is not installed: run `npm ci` in clients/typescript"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


def axe_violations(page: Page) -> list[str]:
    """axe-core's violations on the page as it is now (axe is injected once)."""
    if not page.evaluate("typeof axe !== 'undefined'"):
        page.add_script_tag(path=AXE)
    violations: list[str] = page.evaluate(AXE_VIOLATIONS)
    return violations
