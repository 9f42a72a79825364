"""The stance table's options (empty rows and columns, actors by kind) and its scroll hint."""

from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, Route, expect

from tests.browser.explorer import api_items, open_view

KIND_LABELS = {
    "person": "People",
    "state": "States",
    "organisation": "Organisations",
    "group": "Groups",
}


def test_empty_rows_and_columns_are_hidden_until_asked_for(page: Page, live_server: str) -> None:
    actors = api_items(live_server, "/v1/actors")
    topics = api_items(live_server, "/v1/topics")
    open_view(page, live_server)
    table = page.locator("#stance-table")
    with_stances = table.locator("tbody th[scope=row]").count()
    assert with_stances < len(actors)

    page.get_by_label("Hide empty rows and columns").uncheck()
    expect(table.locator("tbody th[scope=row]")).to_have_count(len(actors))
    expect(table.locator("thead th[scope=col]")).to_have_count(len(topics) + 1)
    assert parse_qs(urlsplit(page.url).query) == {"empty": ["show"]}

    page.go_back()
    expect(table.locator("tbody th[scope=row]")).to_have_count(with_stances)
    expect(page.get_by_label("Hide empty rows and columns")).to_be_checked()


def test_actors_can_be_grouped_by_kind(page: Page, live_server: str) -> None:
    kinds = {a["name"]: a["kind"] for a in api_items(live_server, "/v1/actors")}
    open_view(page, live_server)
    page.get_by_label("Group actors by kind").check()

    groups = page.locator("#stance-table tbody")
    expect(groups.first.locator("th[scope=rowgroup]")).to_be_visible()
    assert parse_qs(urlsplit(page.url).query) == {"group": ["kind"]}
    labels = []
    for group in groups.all():
        label = group.locator("th[scope=rowgroup]").text_content()
        labels.append(label)
        names = group.locator("th[scope=row]").all_inner_texts()
        assert names and {KIND_LABELS[kinds[name]] for name in names} == {label}
    assert labels == [label for label in KIND_LABELS.values() if label in labels]
    assert len(labels) > 1


def test_the_table_says_plainly_that_it_scrolls(page: Page, live_server: str) -> None:
    open_view(page, live_server)
    region = page.get_by_role("region", name="Stance table (scrolls sideways)")
    assert region.evaluate("r => r.scrollWidth > r.clientWidth")
    hint = page.locator("#stance-scroll-hint")
    expect(hint).to_be_visible()
    topics = page.locator("#stance-table thead th[scope=col]").count() - 1
    expect(hint).to_contain_text(f"scroll it sideways to see all {topics} topics")
    expect(region).to_have_class("table-scroll overflows")


def test_a_table_that_fits_has_no_scroll_hint(page: Page, live_server: str) -> None:
    def one_topic(route: Route) -> None:
        matrix = route.fetch().json()
        matrix["cells"] = [c for c in matrix["cells"] if c["topic"]["id"] == "ceasefire"]
        route.fulfill(json=matrix)

    page.route(lambda url: urlsplit(url).path == "/v1/stances", one_topic)
    open_view(page, live_server)
    expect(page.locator("#stance-table thead th[scope=col]")).to_have_count(2)
    expect(page.locator("#stance-scroll-hint")).to_be_hidden()
    expect(page.locator(".table-scroll")).not_to_have_class("table-scroll overflows")
    assert urlsplit(page.url).query == ""
