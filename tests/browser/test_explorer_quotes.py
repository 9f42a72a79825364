"""Quotes can be cited in one click; the page follows the system's dark mode."""

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import Console, artifact
from tests.browser.explorer import DESKTOP, api_items, open_view

QUOTE = "fadeev-consultations-insignificant"


def test_copy_citation_puts_the_quotes_citation_on_the_clipboard(
    page: Page, live_server: str, console: Console
) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    quote = httpx.get(f"{live_server}/v1/quotes/{QUOTE}").json()
    open_view(page, live_server, f"/explore#quote/{QUOTE}")
    dialog = page.locator("#detail")
    dialog.get_by_role("button", name="Copy citation").click()
    expect(dialog.locator(".copy-status")).to_have_text("Copied.")

    copied: str = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(f"“{quote['text']}” — {quote['speaker']['name']}, 13 Aug 2025. ")
    for citation in quote["citations"]:
        assert f"{citation['publisher']}, “{citation['article']['title']}”" in copied
    assert copied.endswith(f" {live_server}/explore#quote/{QUOTE}")
    assert console.errors == []


def test_every_quote_on_a_page_has_a_copy_citation_button(page: Page, live_server: str) -> None:
    quotes = api_items(live_server, "/v1/actors/vladimir-putin/quotes")
    open_view(page, live_server, "/explore/actors/vladimir-putin")
    buttons = page.locator("#quotes").get_by_role("button", name="Copy citation")
    expect(buttons).to_have_count(len(quotes))
    assert buttons.evaluate_all("b => b.map((x) => x.dataset.quote)") == [q["id"] for q in quotes]


@pytest.mark.parametrize(("scheme", "dark"), [("light", False), ("dark", True)])
def test_the_colours_follow_the_systems_scheme(
    browser: Browser, live_server: str, scheme: str, dark: bool
) -> None:
    context = browser.new_context(viewport=DESKTOP, color_scheme="dark" if dark else "light")
    try:
        page = context.new_page()
        open_view(page, live_server, "/explore?q=ceasefire")
        background = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
        red, green, blue = (int(part) for part in background[4:-1].split(","))
        assert (red + green + blue < 3 * 64) is dark, background
        page.screenshot(path=artifact(f"explorer-{scheme}.png"))
    finally:
        context.close()


@pytest.mark.parametrize(
    ("address", "rows"),
    [("/explore", "#timeline-list li.item-quote"), ("/explore?q=ceasefire", "#search-results li")],
)
def test_timeline_rows_and_search_hits_copy_their_quotes_citation(
    page: Page, live_server: str, console: Console, address: str, rows: str
) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server)
    open_view(page, live_server, address)
    row = page.locator(rows).filter(has=page.get_by_role("button", name="Copy citation")).first
    button = row.get_by_role("button", name="Copy citation")
    quote_id = button.get_attribute("data-quote")
    quote = httpx.get(f"{live_server}/v1/quotes/{quote_id}").json()
    button.click()
    expect(row.locator(".copy-status")).to_have_text("Copied.")
    copied: str = page.evaluate("navigator.clipboard.readText()")
    assert copied.startswith(f"“{quote['text']}” — {quote['speaker']['name']}, ")
    assert copied.endswith(f" {live_server}/explore#quote/{quote_id}")
    assert console.errors == []


def test_only_quotes_in_the_timeline_have_a_copy_button(page: Page, live_server: str) -> None:
    items = api_items(live_server, "/v1/timeline")
    open_view(page, live_server)
    buttons = page.locator("#timeline-list").get_by_role("button", name="Copy citation")
    expect(buttons).to_have_count(sum(item["type"] == "quote" for item in items))
