"""Every view of the explorer is an address: it can be opened, shared, and walked with Back."""

from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, expect

from tests.browser.conftest import Console
from tests.browser.explorer import api_items, open_view


def query_of(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_an_address_with_a_query_runs_the_search(
    page: Page, live_server: str, console: Console
) -> None:
    open_view(page, live_server, "/explore?q=ceasefire&type=quote")

    expect(page.get_by_label("Words to find")).to_have_value("ceasefire")
    expect(page.get_by_label("Kind of record")).to_have_value("quote")
    hits = page.locator("#search-results > li")
    expect(hits.first).to_be_visible()
    assert set(hits.evaluate_all("items => items.map((li) => li.dataset.kind)")) == {"quote"}
    assert console.errors == []


def test_searching_puts_the_words_and_kind_in_the_address(page: Page, live_server: str) -> None:
    open_view(page, live_server)
    page.get_by_label("Words to find").fill("sanctions")
    page.get_by_label("Kind of record").select_option("event")
    page.get_by_role("button", name="Search").click()

    expect(page.locator("#search-results > li").first).to_be_visible()
    assert query_of(page) == {"q": ["sanctions"], "type": ["event"]}


def test_back_and_forward_move_between_searches(page: Page, live_server: str) -> None:
    open_view(page, live_server, "/explore?q=ceasefire")
    first = page.locator("#search-results > li a").first.inner_text()
    page.get_by_label("Words to find").fill("Rutte")
    page.get_by_role("button", name="Search").click()
    expect(page.locator("#search-results > li a").first).not_to_have_text(first)

    page.go_back()
    expect(page.get_by_label("Words to find")).to_have_value("ceasefire")
    expect(page.locator("#search-results > li a").first).to_have_text(first)
    page.go_forward()
    expect(page.get_by_label("Words to find")).to_have_value("Rutte")
    assert query_of(page) == {"q": ["Rutte"]}


def test_back_closes_a_quote_opened_from_the_timeline_and_forward_reopens_it(
    page: Page, live_server: str
) -> None:
    open_view(page, live_server)
    page.locator("#timeline-list a.quote-link").first.click()
    dialog = page.locator("#detail")
    expect(dialog).to_be_visible()
    assert "#quote/" in page.url

    page.go_back()
    expect(dialog).to_be_hidden()
    assert "#" not in page.url
    page.go_forward()
    expect(dialog).to_be_visible()
    expect(dialog.locator("figure.citation").first).to_be_visible()


def test_closing_the_dialog_takes_the_record_off_the_address(page: Page, live_server: str) -> None:
    open_view(page, live_server, "/explore?q=ceasefire#quote/fadeev-consultations-insignificant")
    dialog = page.locator("#detail")
    expect(dialog.locator("blockquote")).to_contain_text("politically and practically")

    dialog.get_by_role("button", name="Close").click()
    expect(dialog).to_be_hidden()
    assert urlsplit(page.url).fragment == ""
    assert query_of(page) == {"q": ["ceasefire"]}


def test_a_record_opened_over_a_search_keeps_the_search_in_the_address(
    page: Page, live_server: str
) -> None:
    open_view(page, live_server)
    page.get_by_label("Words to find").fill("ceasefire")
    page.get_by_role("button", name="Search").click()
    # Drawn before the search: the link takes the view's query as it is when it is followed.
    page.locator("#stance-table a.stance").first.click()
    expect(page.locator("#detail")).to_be_visible()
    assert query_of(page) == {"q": ["ceasefire"]}
    assert "#stance/" in page.url


def test_an_actors_page_has_its_own_address(page: Page, live_server: str) -> None:
    open_view(page, live_server, "/explore/actors/vladimir-putin")
    expect(page.locator("#page-title")).to_have_text("Vladimir Putin")
    assert page.title().startswith("Vladimir Putin")
    expect(page.locator("#home")).to_be_hidden()


def test_back_returns_from_a_page_to_the_view_it_was_opened_from(
    page: Page, live_server: str
) -> None:
    open_view(page, live_server, "/explore?topic=ceasefire")
    page.locator("#stance-table thead").get_by_role("link", name="Ceasefire").click()
    expect(page.locator("#page-title")).to_have_text(
        next(t["name"] for t in api_items(live_server, "/v1/topics") if t["id"] == "ceasefire")
    )
    assert urlsplit(page.url).path == "/explore/topics/ceasefire"
    expect(page.locator("#page-title")).to_be_focused()

    page.go_back()
    expect(page.locator("#stance-table")).to_be_visible()
    assert query_of(page) == {"topic": ["ceasefire"]}
    expect(page.get_by_label("Topic", exact=True)).to_have_value("ceasefire")


def test_links_of_earlier_versions_lead_to_the_pages(page: Page, live_server: str) -> None:
    open_view(page, live_server, "/explore#actor/donald-trump")
    expect(page.locator("#page-title")).to_have_text("Donald Trump")
    assert urlsplit(page.url).path == "/explore/actors/donald-trump"


def test_an_unknown_page_says_so(page: Page, live_server: str) -> None:
    open_view(page, live_server, "/explore/actors/nobody-at-all")
    expect(page.locator("#about-status")).to_contain_text("404")
    expect(page.locator("#about-status button")).to_have_count(0)

    open_view(page, live_server, "/explore/nothing/here/at/all")
    expect(page.locator("#page-title")).to_have_text("No such page")


def test_the_skip_link_stays_on_the_page(page: Page, live_server: str) -> None:
    open_view(page, live_server, "/explore/actors/vladimir-putin")
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    assert urlsplit(page.url).path == "/explore/actors/vladimir-putin"
