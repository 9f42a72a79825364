"""The curation page: a curator with a key pastes an article, sees its suggested quotes marked
in the text, and accepts (as suggested or edited), or rejects, each; or accepts the rest at once."""

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect
from sqlalchemy import create_engine

from app.domain import KeyScope
from app.keys import create_key
from tests.browser.conftest import Console
from tests.browser.explorer import DESKTOP, PHONE, axe_violations, require_axe
from tests.browser.servers import api_server

ARTICLE = (
    "Kremlin signals more talks\n"
    "Vladimir Putin spoke to reporters in Moscow on Tuesday.\n"
    "“The talks were useful and we will continue them,” Putin said.\n"
    "Volodymyr Zelensky answered on Wednesday: “Ukraine will not trade its land for a pause.”\n"
    "A regional governor, Ivan Petrovsky, said: “Nothing about the border has been decided yet.”\n"
)


class Curator:
    def __init__(self, base: str, key: str) -> None:
        self.base = base
        self.key = key


@pytest.fixture
def curator(seed_database: str, tmp_path: Path) -> Iterator[Curator]:
    """A server of its own over a copy of the seed database, and a write key for it."""
    path = tmp_path / "curated.db"
    shutil.copyfile(seed_database.removeprefix("sqlite:///"), path)
    url = f"sqlite:///{path}"
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            key = create_key(connection, "newsroom", KeyScope.WRITE)
    finally:
        engine.dispose()
    with api_server(url, {}, tmp_path / "uvicorn.log") as base:
        yield Curator(base, key)


def paste_article(page: Page, curator: Curator, key: str) -> None:
    page.goto(f"{curator.base}/explore/curate")
    expect(page.locator("body[data-ready=true]")).to_be_attached()
    page.get_by_label("A write key").fill(key)
    page.get_by_label("A write key").dispatch_event("change")
    page.get_by_label("Title").fill("Kremlin signals more talks")
    page.get_by_label("Publisher").fill("Test Wire")
    page.get_by_label("Published on").fill("2025-08-21")
    page.get_by_label("The article's text, as published").fill(ARTICLE)
    page.get_by_role("button", name="Store it and suggest quotes").click()


def served_quote(curator: Curator, quote_id: str) -> dict[str, object]:
    answer = httpx.get(f"{curator.base}/v1/quotes/{quote_id}")
    assert answer.status_code == 200, answer.text
    quote: dict[str, object] = answer.json()
    return quote


def test_a_pasted_article_is_stored_and_its_quotes_suggested_in_its_text(
    page: Page, curator: Curator, console: Console
) -> None:
    paste_article(page, curator, curator.key)
    expect(page).to_have_url(f"{curator.base}/explore/curate/test-wire-2025-08-21")
    cards = page.locator("li.suggestion")
    expect(cards).to_have_count(3)
    marks = page.locator(".suggested-text mark.suggested")
    expect(marks).to_have_count(3)
    assert "The talks were useful" in (marks.first.text_content() or "")
    expect(cards.first.locator(".meta")).to_contain_text("Vladimir Putin (vladimir-putin")
    expect(cards.nth(2).locator(".meta")).to_contain_text("Ivan Petrovsky (a new actor")
    stored = httpx.get(f"{curator.base}/v1/sources/test-wire-2025-08-21/text").text
    assert stored == ARTICLE
    assert console.errors == []


def test_a_suggestion_accepted_as_edited_is_served_with_a_verified_citation(
    page: Page, curator: Curator
) -> None:
    paste_article(page, curator, curator.key)
    card = page.locator("li.suggestion").first
    card.get_by_label("Id", exact=True).fill("putin-talks-useful")
    card.get_by_role("button", name="Accept").click()
    expect(card.get_by_role("link", name="Accepted: read it as it is served.")).to_be_visible()
    quote = served_quote(curator, "putin-talks-useful")
    text = httpx.get(f"{curator.base}/v1/sources/test-wire-2025-08-21/text").text
    citation = quote["citations"][0]  # type: ignore[index]
    assert text[citation["start"] : citation["end"]] == citation["excerpt"]
    assert quote["speaker"]["id"] == "vladimir-putin"  # type: ignore[index]


def test_a_rejected_suggestion_writes_nothing_and_the_rest_are_accepted_in_one_batch(
    page: Page, curator: Curator
) -> None:
    paste_article(page, curator, curator.key)
    cards = page.locator("li.suggestion")
    expect(cards).to_have_count(3)
    ids = [cards.nth(i).get_by_label("Id", exact=True).input_value() for i in range(3)]
    cards.nth(1).get_by_role("button", name="Reject").click()
    expect(cards.nth(1)).to_have_attribute("data-state", "rejected")
    page.get_by_role("button", name="Accept all that are left").click()
    expect(page.locator("#accept-all-status")).to_have_text("2 quotes accepted.")
    assert httpx.get(f"{curator.base}/v1/quotes/{ids[1]}").status_code == 404
    new_speaker = served_quote(curator, ids[2])["speaker"]
    assert new_speaker == {"id": "ivan-petrovsky", "name": "Ivan Petrovsky"}
    assert (
        served_quote(curator, ids[0])["text"] == "The talks were useful and we will continue them"
    )


def test_a_refused_write_says_why_and_writes_nothing(page: Page, curator: Curator) -> None:
    paste_article(page, curator, curator.key)
    card = page.locator("li.suggestion").first
    quote_id = card.get_by_label("Id", exact=True).input_value()
    card.get_by_label("Words", exact=True).fill("words that are not in the article")
    card.get_by_role("button", name="Accept").click()
    expect(card.locator(".status")).to_contain_text("Not written: 422")
    assert httpx.get(f"{curator.base}/v1/quotes/{quote_id}").status_code == 404


def test_without_a_valid_key_the_article_is_not_stored(page: Page, curator: Curator) -> None:
    paste_article(page, curator, "skb_not-a-key")
    expect(page.locator("#article-status")).to_contain_text("The article was not stored (401")
    assert httpx.get(f"{curator.base}/v1/sources/test-wire-2025-08-21").status_code == 404


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE])
def test_the_curation_page_passes_axe(
    browser: Browser, curator: Curator, viewport: ViewportSize
) -> None:
    require_axe()
    # axe-core is injected as an inline script, which the pages' own policy rightly refuses.
    context = browser.new_context(viewport=viewport, bypass_csp=True)
    try:
        page = context.new_page()
        paste_article(page, curator, curator.key)
        expect(page.locator("li.suggestion")).to_have_count(3)
        assert axe_violations(page) == [], "the suggestions"
        page.locator("li.suggestion").first.get_by_role("button", name="Accept").click()
        expect(page.locator("li.suggestion[data-state=accepted]")).to_have_count(1)
        assert axe_violations(page) == [], "a suggestion accepted"
    finally:
        context.close()
