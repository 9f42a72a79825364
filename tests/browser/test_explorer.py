"""The explorer in a real browser: it loads cleanly, searches, tabulates stances, shows sources."""

import re

import httpx
import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from tests.browser.conftest import Console, artifact, serve_with_strict_policy
from tests.browser.explorer import (
    DESKTOP,
    PHONE,
    api_items,
    axe_violations,
    open_view,
    require_axe,
)


def test_explorer_loads_without_console_errors_under_a_strict_policy(
    page: Page, live_server: str, console: Console
) -> None:
    serve_with_strict_policy(page, f"{live_server}/explore")
    open_view(page, live_server)
    expect(page.locator("#load-status")).to_contain_text("quotes")
    assert console.errors == []


def test_a_deep_view_loads_without_console_errors_under_a_strict_policy(
    page: Page, live_server: str, console: Console
) -> None:
    serve_with_strict_policy(page, f"{live_server}/explore/actors/vladimir-putin")
    open_view(page, live_server, "/explore/actors/vladimir-putin")
    expect(page.locator("#page-title")).to_have_text("Vladimir Putin")
    assert console.errors == []


def test_search_shows_highlighted_results(page: Page, live_server: str, console: Console) -> None:
    open_view(page, live_server)
    page.get_by_label("Words to find").fill("ceasefire")
    page.get_by_role("button", name="Search").click()

    results = page.locator("#search-results > li")
    expect(results.first).to_be_visible()
    assert results.count() >= 5
    marks = page.locator("#search-results mark").all_inner_texts()
    assert marks and all(mark.lower().startswith("ceasefire") for mark in marks)
    expect(page.locator("#search-status")).to_contain_text("result")
    assert console.errors == []


def test_a_malformed_query_shows_the_apis_explanation_without_a_retry(
    page: Page, live_server: str
) -> None:
    open_view(page, live_server)
    page.get_by_label("Words to find").fill('"an unclosed phrase')
    page.get_by_role("button", name="Search").click()

    expect(page.locator("#search-status")).to_contain_text("422")
    expect(page.locator("#search-results > li")).to_have_count(0)
    expect(page.locator("#search-status button")).to_have_count(0)


def test_stance_table_renders_the_seeds_actors_and_topics(page: Page, live_server: str) -> None:
    positions = api_items(live_server, "/v1/positions")
    open_view(page, live_server)

    table = page.locator("#stance-table")
    rows = table.locator("tbody th[scope=row]").all_inner_texts()
    columns = table.locator("thead th[scope=col]").all_inner_texts()[1:]
    assert sorted(rows) == sorted({p["actor"]["name"] for p in positions})
    assert sorted(columns) == sorted({p["topic"]["name"] for p in positions})
    assert table.locator("td a.stance").count() == len(
        {(p["actor"]["id"], p["topic"]["id"]) for p in positions}
    )


def test_a_stance_cell_opens_its_evidence(page: Page, live_server: str, console: Console) -> None:
    open_view(page, live_server)
    row = page.locator(
        "#stance-table tbody tr", has=page.locator("th", has_text="Volodymyr Zelensky")
    )
    row.locator("a.stance").first.click()

    dialog = page.locator("#detail")
    expect(dialog).to_be_visible()
    expect(dialog.locator("#detail-title")).to_contain_text("Volodymyr Zelensky")
    expect(dialog.locator("figure.citation").first).to_be_visible()
    assert "#stance/volodymyr-zelensky/" in page.url
    assert console.errors == []


def test_clicking_a_quote_shows_its_excerpt_with_the_words_marked(
    page: Page, live_server: str, console: Console
) -> None:
    quote = httpx.get(f"{live_server}/v1/quotes/fadeev-consultations-insignificant").json()
    open_view(page, live_server)
    page.locator("#timeline-list").get_by_role("link", name=f"“{quote['text']}”").click()

    dialog = page.locator("#detail")
    figures = dialog.locator("figure.citation")
    expect(figures).to_have_count(len(quote["citations"]))
    expect(figures.first.locator(".cited")).to_have_text(quote["citations"][0]["excerpt"])
    expect(figures.first.locator("mark")).to_have_text(quote["text"])
    expect(figures.first.locator("figcaption")).to_contain_text(quote["citations"][0]["publisher"])
    # A citation that reports the quote in part marks the words it holds.
    partial = next(c for c in quote["citations"] if c["words"])
    expect(figures.nth(quote["citations"].index(partial)).locator("mark")).to_have_text(
        partial["words"]
    )
    page.screenshot(path=artifact("explorer-quote.png"))
    assert console.errors == []


def test_the_dialog_works_from_the_keyboard(page: Page, live_server: str) -> None:
    open_view(page, live_server)
    link = page.locator("#timeline-list a.quote-link").first
    link.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#detail")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#detail")).to_be_hidden()
    # The dialog hides at once; its close event, which takes the hash off, comes a task later.
    expect(page).not_to_have_url(re.compile("#"))
    assert page.evaluate("document.activeElement.classList.contains('quote-link')")


@pytest.mark.parametrize(("name", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_explorer_fits_the_screen_and_saves_a_screenshot(
    page: Page, live_server: str, name: str, viewport: ViewportSize
) -> None:
    page.set_viewport_size(viewport)
    open_view(page, live_server, "/explore?q=ceasefire+Putin")
    expect(page.locator("#search-results > li").first).to_be_visible()

    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    path = artifact(f"explorer-{name}.png")
    page.screenshot(path=path, full_page=True)
    print(f"screenshot: {path}")


@pytest.mark.parametrize(
    ("name", "path"),
    [
        ("actor", "/explore/actors/vladimir-putin"),
        ("source", "/explore/sources/afp-2025-08-15#passage/1103-1177"),
    ],
)
@pytest.mark.parametrize(("width", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_pages_fit_the_screen_and_save_screenshots(
    page: Page, live_server: str, name: str, path: str, width: str, viewport: ViewportSize
) -> None:
    page.set_viewport_size(viewport)
    open_view(page, live_server, path)
    expect(page.locator("#page-body section").first).to_be_visible()

    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    page.screenshot(path=artifact(f"explorer-{name}-{width}.png"))


@pytest.mark.parametrize(("name", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_accessibility_violations(
    browser: Browser, live_server: str, name: str, viewport: ViewportSize, scheme: str
) -> None:
    require_axe()
    # axe-core is injected as an inline script, which the pages' own policy rightly refuses.
    context = browser.new_context(
        viewport=viewport,
        bypass_csp=True,
        color_scheme="dark" if scheme == "dark" else "light",
    )
    try:
        check_accessibility(context.new_page(), live_server, f"{name}, {scheme}")
    finally:
        context.close()


def check_accessibility(page: Page, live_server: str, name: str) -> None:
    open_view(page, live_server, "/explore?q=ceasefire&group=kind")
    expect(page.locator("#search-results > li").first).to_be_visible()
    assert axe_violations(page) == [], f"the home view ({name})"

    page.locator("#timeline-list a.quote-link").first.click()
    expect(page.locator("#detail figure.citation").first).to_be_visible()
    assert axe_violations(page) == [], f"with a quote open ({name})"

    for path in ["/explore/actors/vladimir-putin", "/explore/sources/afp-2025-08-15"]:
        open_view(page, live_server, path)
        assert axe_violations(page) == [], f"{path} ({name})"
