"""Panels load on their own: a failed request fails its panel alone, which offers a retry."""

from collections.abc import Callable
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, Route, expect

from tests.browser.conftest import Console
from tests.browser.explorer import FAILED_RESOURCE, open_view


def path_is(path: str) -> Callable[[str], bool]:
    """Matches the requests to `path`, whatever their query."""
    return lambda url: urlsplit(url).path == path


def unavailable(route: Route) -> None:
    route.fulfill(
        status=503,
        content_type="application/problem+json",
        body='{"type": "about:blank", "title": "Service Unavailable", "status": 503, '
        '"detail": "the database is busy", "instance": "/v1"}',
    )


@pytest.mark.parametrize(
    ("endpoint", "panel", "others"),
    [
        ("v1/stances", "#stances-status", ["#timeline-list > li", "#search-results > li"]),
        ("v1/timeline", "#timeline-status", ["#stance-table td a.stance", "#search-results > li"]),
        ("v1/search", "#search-status", ["#stance-table td a.stance", "#timeline-list > li"]),
    ],
)
def test_a_failed_request_fails_its_panel_alone_and_a_retry_draws_it(
    page: Page, live_server: str, console: Console, endpoint: str, panel: str, others: list[str]
) -> None:
    pattern = path_is(f"/{endpoint}")
    page.route(pattern, unavailable)
    open_view(page, live_server, "/explore?q=ceasefire")

    status = page.locator(panel)
    expect(status).to_contain_text("could not be loaded (503: the database is busy)")
    for selector in others:
        expect(page.locator(selector).first).to_be_visible()

    page.unroute(pattern)
    status.get_by_role("button", name="Retry").click()
    expect(status).not_to_contain_text("could not be loaded")
    expect(status.get_by_role("button", name="Retry")).to_have_count(0)
    drawn = {"v1/stances": "#stance-table td a.stance", "v1/timeline": "#timeline-list > li"}
    expect(page.locator(drawn.get(endpoint, "#search-results > li")).first).to_be_visible()
    assert console.errors and set(console.errors) == {FAILED_RESOURCE}


def test_a_failed_list_on_a_page_fails_that_list_alone(
    page: Page, live_server: str, console: Console
) -> None:
    pattern = path_is("/v1/actors/vladimir-putin/quotes")
    page.route(pattern, unavailable)
    open_view(page, live_server, "/explore/actors/vladimir-putin")

    expect(page.locator("#quotes-status")).to_contain_text("could not be loaded")
    expect(page.locator("#positions .entries > li").first).to_be_visible()
    expect(page.locator("#events .entries > li").first).to_be_visible()
    expect(page.locator("#page-title")).to_have_text("Vladimir Putin")

    page.unroute(pattern)
    page.locator("#quotes-status").get_by_role("button", name="Retry").click()
    expect(page.locator("#quotes .entries > li").first).to_be_visible()
    assert set(console.errors) == {FAILED_RESOURCE}


def test_a_panel_says_it_is_loading_until_its_answer_comes(page: Page, live_server: str) -> None:
    held: list[Route] = []
    page.route(path_is("/v1/stances"), lambda route: held.append(route))
    page.goto(f"{live_server}/explore")

    expect(page.locator("#stances-status")).to_have_text("Loading the stance table…")
    expect(page.locator("#stance-table")).to_have_attribute("aria-busy", "true")
    expect(page.locator("#timeline-list > li").first).to_be_visible()
    assert held
    held[0].continue_()
    expect(page.locator("#stance-table td a.stance").first).to_be_visible()
    expect(page.locator("#stances-status")).to_be_empty()
