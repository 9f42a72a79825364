"""The explorer in a real browser: it loads cleanly, searches, tabulates stances, shows sources."""

import os

import httpx
import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from tests.browser.conftest import Console, artifact, serve_with_strict_policy
from tests.databases import ROOT

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
# axe-core, the accessibility rules engine, installed with the TypeScript client's packages.
AXE = ROOT / "clients" / "typescript" / "node_modules" / "axe-core" / "axe.min.js"
AXE_VIOLATIONS = """async () => (await axe.run(document)).violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes[0].target.join(" ")}`)"""
PHONE: ViewportSize = {"width": 390, "height": 844}


def open_explorer(page: Page, base: str) -> None:
    page.goto(f"{base}/")
    expect(page.locator("body[data-ready=true]")).to_be_attached()


def test_explorer_loads_without_console_errors_under_a_strict_policy(
    page: Page, live_server: str, console: Console
) -> None:
    serve_with_strict_policy(page, f"{live_server}/explore")
    open_explorer(page, live_server)
    expect(page.locator("#load-status")).to_contain_text("quotes")
    assert console.errors == []


def test_search_shows_highlighted_results(page: Page, live_server: str, console: Console) -> None:
    open_explorer(page, live_server)
    page.get_by_label("Words to find").fill("ceasefire")
    page.get_by_role("button", name="Search").click()

    results = page.locator("#search-results > li")
    expect(results.first).to_be_visible()
    assert results.count() >= 5
    marks = page.locator("#search-results mark").all_inner_texts()
    assert marks and all(mark.lower().startswith("ceasefire") for mark in marks)
    expect(page.locator("#search-status")).to_contain_text("result")
    assert console.errors == []


def test_a_malformed_query_shows_the_apis_explanation(page: Page, live_server: str) -> None:
    open_explorer(page, live_server)
    page.get_by_label("Words to find").fill('"an unclosed phrase')
    page.get_by_role("button", name="Search").click()

    expect(page.locator("#search-status")).to_contain_text("422")
    expect(page.locator("#search-results > li")).to_have_count(0)


def test_a_person_found_by_search_opens_with_their_stances(page: Page, live_server: str) -> None:
    open_explorer(page, live_server)
    page.get_by_label("Words to find").fill("Zelenskyy")
    page.get_by_role("button", name="Search").click()
    page.locator("#search-results li[data-kind=actor] a").first.click()

    dialog = page.locator("#detail")
    expect(dialog.locator("#detail-title")).to_have_text("Volodymyr Zelensky")
    dialog.get_by_role("link", name="Ceasefire: supports").click()
    expect(dialog.locator("#detail-title")).to_have_text("Volodymyr Zelensky on ceasefire")


def test_stance_table_renders_the_seeds_actors_and_topics(page: Page, live_server: str) -> None:
    positions = httpx.get(f"{live_server}/v1/positions", params={"limit": 500}).json()["items"]
    open_explorer(page, live_server)

    table = page.locator("#stance-table")
    rows = table.locator("tbody th[scope=row]").all_inner_texts()
    columns = table.locator("thead th[scope=col]").all_inner_texts()[1:]
    assert sorted(rows) == sorted({p["actor"]["name"] for p in positions})
    assert sorted(columns) == sorted({p["topic"]["name"] for p in positions})
    assert table.locator("td a.stance").count() == len(
        {(p["actor"]["id"], p["topic"]["id"]) for p in positions}
    )


def test_a_stance_cell_opens_its_evidence(page: Page, live_server: str, console: Console) -> None:
    open_explorer(page, live_server)
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
    open_explorer(page, live_server)
    page.get_by_role("link", name=f"“{quote['text']}”").click()

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
    open_explorer(page, live_server)
    link = page.locator("#timeline-list a.quote-link").first
    link.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#detail")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#detail")).to_be_hidden()
    assert page.evaluate("document.activeElement.classList.contains('quote-link')")


def test_timeline_filters_by_topic(page: Page, live_server: str) -> None:
    open_explorer(page, live_server)
    everything = page.locator("#timeline-list > li").count()
    page.get_by_label("Topic").select_option("ceasefire")
    expect(page.locator("#timeline-list > li")).not_to_have_count(everything)
    expect(page.locator("#timeline-list > li").first).to_be_visible()
    assert page.locator("#timeline-list > li").count() < everything


@pytest.mark.parametrize(("name", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_explorer_fits_the_screen_and_saves_a_screenshot(
    page: Page, live_server: str, name: str, viewport: ViewportSize
) -> None:
    page.set_viewport_size(viewport)
    open_explorer(page, live_server)
    page.get_by_label("Words to find").fill("ceasefire Putin")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#search-results > li").first).to_be_visible()

    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    path = artifact(f"explorer-{name}.png")
    page.screenshot(path=path, full_page=True)
    print(f"screenshot: {path}")


@pytest.mark.parametrize(("name", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_axe_finds_no_accessibility_violations(
    browser: Browser, live_server: str, name: str, viewport: ViewportSize
) -> None:
    if not AXE.exists():
        reason = "axe-core is not installed: run `npm ci` in clients/typescript"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    # axe-core is injected as an inline script, which the pages' own policy rightly refuses.
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    try:
        check_accessibility(context.new_page(), live_server, name)
    finally:
        context.close()


def check_accessibility(page: Page, live_server: str, name: str) -> None:
    open_explorer(page, live_server)
    page.get_by_label("Words to find").fill("ceasefire")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#search-results > li").first).to_be_visible()
    page.add_script_tag(path=AXE)
    assert page.evaluate(AXE_VIOLATIONS) == []

    page.locator("#timeline-list a.quote-link").first.click()
    expect(page.locator("#detail figure.citation").first).to_be_visible()
    assert page.evaluate(AXE_VIOLATIONS) == [], f"with a quote open ({name})"
