"""Every name in the explorer links to its page, and each page shows its records with citations."""

from urllib.parse import urlsplit

import httpx
from playwright.sync_api import Page, expect

from tests.browser.conftest import Console
from tests.browser.explorer import api_items, open_view


def path_of(href: str | None) -> str:
    assert href is not None
    return urlsplit(href).path


def test_the_stance_tables_names_link_to_their_pages(page: Page, live_server: str) -> None:
    open_view(page, live_server)
    table = page.locator("#stance-table")
    actor_links = table.locator("tbody th[scope=row] a")
    topic_links = table.locator("thead th[scope=col] a")

    assert actor_links.count() == table.locator("tbody th[scope=row]").count()
    assert topic_links.count() == table.locator("thead th[scope=col]").count() - 1
    actors = {a["name"]: a["id"] for a in api_items(live_server, "/v1/actors")}
    for link in actor_links.all():
        assert path_of(link.get_attribute("href")) == f"/explore/actors/{actors[link.inner_text()]}"
    topics = {t["name"]: t["id"] for t in api_items(live_server, "/v1/topics")}
    for link in topic_links.all():
        assert path_of(link.get_attribute("href")) == f"/explore/topics/{topics[link.inner_text()]}"


def test_the_timelines_names_link_to_their_pages(page: Page, live_server: str) -> None:
    items = api_items(live_server, "/v1/timeline")
    open_view(page, live_server)
    links = page.locator("#timeline-list .meta a")
    expect(links).to_have_count(sum(len(item["actors"]) for item in items))
    expected = [f"/explore/actors/{a['id']}" for item in items for a in item["actors"]]
    assert [path_of(href) for href in links.evaluate_all("l => l.map((a) => a.href)")] == expected


def test_a_quotes_speaker_links_to_their_page(page: Page, live_server: str) -> None:
    open_view(page, live_server, "/explore#quote/fadeev-consultations-insignificant")
    page.locator("#detail-title").get_by_role("link", name="Alexey Fadeev").click()

    expect(page.locator("#detail")).to_be_hidden()
    expect(page.locator("#page-title")).to_have_text("Alexey Fadeev")
    assert urlsplit(page.url).path == "/explore/actors/alexey-fadeev"


def test_search_hits_for_actors_topics_and_sources_open_their_pages(
    page: Page, live_server: str
) -> None:
    for q, kind, title in [
        ("Zelenskyy", "actor", "Volodymyr Zelensky"),
        ("ceasefire", "topic", "Ceasefire"),
        ("AFP", "source", "Putin and Trump leave Alaska summit with no deal on war in Ukraine"),
    ]:
        open_view(page, live_server, f"/explore?q={q}&type={kind}")
        page.locator("#search-results li a").first.click()
        expect(page.locator("#page-title")).to_have_text(title)
        assert urlsplit(page.url).path.startswith(f"/explore/{kind}s/")


def test_an_actors_page_shows_their_records_with_citations(
    page: Page, live_server: str, console: Console
) -> None:
    actor = httpx.get(f"{live_server}/v1/actors/vladimir-putin").json()
    quotes = api_items(live_server, "/v1/actors/vladimir-putin/quotes")
    positions = api_items(live_server, "/v1/actors/vladimir-putin/positions")
    events = api_items(live_server, "/v1/actors/vladimir-putin/events")
    open_view(page, live_server, "/explore/actors/vladimir-putin")

    about = page.locator("#about")
    for alias in actor["aliases"]:
        expect(about).to_contain_text(alias)
    expect(about.locator(".entries > li")).to_have_count(len(actor["affiliations"]))
    expect(page.locator("#quotes .entries > li")).to_have_count(len(quotes))
    expect(page.locator("#positions .entries > li")).to_have_count(len(positions))
    expect(page.locator("#events .entries > li")).to_have_count(len(events))
    first = page.locator("#quotes .entries > li").first
    expect(first.locator(".quote-link")).to_have_text(f"“{quotes[0]['text']}”")
    expect(first.locator(".cites a")).to_have_count(len(quotes[0]["citations"]))
    for section, records in [("positions", positions), ("events", events)]:
        links = page.locator(f"#{section} .entries > li").first.locator(".cites a")
        expect(links).to_have_count(len(records[0]["citations"]))
    assert console.errors == []


def test_a_pages_citation_opens_the_passage_in_its_source(page: Page, live_server: str) -> None:
    quote = api_items(live_server, "/v1/actors/vladimir-putin/quotes")[0]
    citation = quote["citations"][0]
    open_view(page, live_server, "/explore/actors/vladimir-putin")
    page.locator("#quotes .entries > li").first.locator(".cites a").first.click()

    expect(page.locator("#page-title")).to_have_text(citation["source_title"])
    current = page.locator("mark.passage.current")
    expect(current.first).to_be_visible()
    assert "".join(current.all_text_contents()) == citation["excerpt"]


def test_a_topic_with_no_quotes_says_so(page: Page, live_server: str, console: Console) -> None:
    topics = {t["id"] for t in api_items(live_server, "/v1/topics")}
    quoted = {topic for q in api_items(live_server, "/v1/quotes") for topic in q["topics"]}
    unquoted = sorted(topics - quoted)[0]
    open_view(page, live_server, f"/explore/topics/{unquoted}")

    expect(page.locator("#quotes-status")).to_have_text("No quotes on this topic yet.")
    expect(page.locator("#quotes .entries")).to_have_count(0)
    positions = api_items(live_server, "/v1/positions", topic=unquoted)
    expect(page.locator("#positions .entries > li")).to_have_count(len(positions))
    assert console.errors == []
