"""A source's reading view: the whole text, its articles, every cited passage marked and linked."""

import httpx
from playwright.sync_api import Page, expect

from tests.browser.conftest import Console
from tests.browser.explorer import api_items, open_view

PAGE_OF_UPDATES = "summit-updates-2025-08-14"


def cited_passages(base: str, source_id: str) -> set[tuple[int, int]]:
    """(start, end) of every citation of the source, by quotes, events, positions and actors."""
    records = [
        *api_items(base, "/v1/quotes"),
        *api_items(base, "/v1/events"),
        *api_items(base, "/v1/positions"),
    ]
    citations = [c for r in records for c in r["citations"]]
    for actor in api_items(base, "/v1/actors"):
        citations += actor["citations"]
        citations += [c for a in actor["affiliations"] for c in a["citations"]]
    return {(c["start"], c["end"]) for c in citations if c["source_id"] == source_id}


def test_the_reading_view_shows_the_whole_text_and_its_facts(
    page: Page, live_server: str, console: Console
) -> None:
    source = httpx.get(f"{live_server}/v1/sources/{PAGE_OF_UPDATES}").json()
    text = httpx.get(f"{live_server}/v1/sources/{PAGE_OF_UPDATES}/text").text
    open_view(page, live_server, f"/explore/sources/{PAGE_OF_UPDATES}")

    expect(page.locator("#page-title")).to_have_text(source["title"])
    facts = page.locator("dl.facts")
    expect(facts).to_contain_text(source["publisher"])
    expect(facts).to_contain_text("Address")
    # Every code point of the stored text is on the page, in order, folded or not.
    shown = "".join(page.locator("#page-body .source-text").all_text_contents())
    assert shown == text
    assert console.errors == []


def test_the_articles_of_a_page_are_shown_as_articles(page: Page, live_server: str) -> None:
    source = httpx.get(f"{live_server}/v1/sources/{PAGE_OF_UPDATES}").json()
    open_view(page, live_server, f"/explore/sources/{PAGE_OF_UPDATES}")

    articles = page.locator("article.source-article")
    expect(articles).to_have_count(len(source["articles"]))
    assert articles.locator("h3").all_inner_texts() == [a["title"] for a in source["articles"]]
    # Text outside the articles (the page's own headings and menus) is there, folded away.
    expect(page.locator("details.page-text").first).to_be_attached()


def test_every_cited_passage_is_marked_exactly(page: Page, live_server: str) -> None:
    text = list(httpx.get(f"{live_server}/v1/sources/{PAGE_OF_UPDATES}/text").text)
    passages = cited_passages(live_server, PAGE_OF_UPDATES)
    open_view(page, live_server, f"/explore/sources/{PAGE_OF_UPDATES}")

    marks = page.locator("mark.passage").evaluate_all(
        "marks => marks.map((m) => [Number(m.dataset.start), Number(m.dataset.end), m.textContent])"
    )
    marked: set[int] = set()
    for start, end, words in marks:
        assert words == "".join(text[start:end])
        marked.update(range(start, end))
    assert marked == {i for start, end in passages for i in range(start, end)}


def test_a_marked_passage_opens_the_record_that_cites_it(page: Page, live_server: str) -> None:
    quote = httpx.get(f"{live_server}/v1/quotes/fadeev-consultations-insignificant").json()
    citation = quote["citations"][0]
    path = f"/explore/sources/{citation['source_id']}#passage/{citation['start']}-{citation['end']}"
    open_view(page, live_server, path)

    current = page.locator("mark.passage.current")
    assert "".join(current.all_text_contents()) == citation["excerpt"]
    expect(current.first.locator("a")).to_be_focused()
    page.locator("#page-body details.cited-here").first.locator("summary").click()
    cited_here = page.locator("details.cited-here")
    cited_here.get_by_role("link", name="Quote of Alexey Fadeev").first.click()
    dialog = page.locator("#detail")
    expect(dialog).to_be_visible()
    expect(dialog.locator("#detail-title")).to_have_text("Alexey Fadeev")
