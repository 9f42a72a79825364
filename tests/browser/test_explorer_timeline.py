"""The timeline as a list and a picture, filtered by topic, actor and dates kept in the address."""

from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, expect

from tests.browser.conftest import Console
from tests.browser.explorer import api_items, open_view


def dated(items: list[dict[str, object]]) -> list[dict[str, object]]:
    return [item for item in items if item["date"] and item["precision"] != "unknown"]


def test_the_chart_draws_every_dated_entry_on_a_date_axis(
    page: Page, live_server: str, console: Console
) -> None:
    items = api_items(live_server, "/v1/timeline")
    open_view(page, live_server)

    marks = page.locator("#timeline-chart svg .mark")
    expect(marks).to_have_count(len(dated(items)))
    drawn = marks.evaluate_all(
        "marks => marks.map((m) => [m.dataset.record, m.getBBox().x + m.getBBox().width / 2])"
    )
    day = {f"{item['type']}/{item['id']}": str(item["date"]) for item in dated(items)}
    assert sorted(record for record, _ in drawn) == sorted(day)
    # Earlier entries sit left of later ones.
    assert all(x1 < x2 for r1, x1 in drawn for r2, x2 in drawn if day[r1] < day[r2])
    expect(page.locator("#timeline-chart svg .tick").first).to_be_visible()
    assert console.errors == []


def test_a_mark_opens_its_record(page: Page, live_server: str) -> None:
    open_view(page, live_server)
    mark = page.locator("#timeline-chart svg .mark-quote").last
    record = mark.get_attribute("data-record")
    mark.click()
    expect(page.locator("#detail")).to_be_visible()
    assert urlsplit(page.url).fragment == record


def test_filters_narrow_the_list_and_the_chart_and_live_in_the_address(
    page: Page, live_server: str
) -> None:
    expected = api_items(
        live_server, "/v1/timeline", actor="vladimir-putin", topic="peace-settlement"
    )
    expected = [i for i in expected if i["date"] and str(i["date"]) >= "2025-08-10"]
    open_view(page, live_server)
    everything = page.locator("#timeline-list > li").count()

    page.get_by_label("Actor", exact=True).select_option("vladimir-putin")
    page.get_by_label("Topic", exact=True).select_option("peace-settlement")
    page.get_by_label("From", exact=True).fill("2025-08-10")
    expect(page.locator("#timeline-list > li")).to_have_count(len(expected))
    assert 0 < len(expected) < everything
    expect(page.locator("#timeline-chart svg .mark")).to_have_count(len(dated(expected)))
    assert parse_qs(urlsplit(page.url).query) == {
        "actor": ["vladimir-putin"],
        "topic": ["peace-settlement"],
        "from": ["2025-08-10"],
    }


def test_a_filtered_address_opens_filtered(page: Page, live_server: str) -> None:
    expected = api_items(live_server, "/v1/timeline", topic="ceasefire", to="2025-08-12")
    open_view(page, live_server, "/explore?topic=ceasefire&to=2025-08-12")

    expect(page.get_by_label("Topic", exact=True)).to_have_value("ceasefire")
    expect(page.get_by_label("To", exact=True)).to_have_value("2025-08-12")
    expect(page.locator("#timeline-list > li")).to_have_count(len(expected))


def test_filters_that_match_nothing_say_so(page: Page, live_server: str) -> None:
    open_view(page, live_server, "/explore?from=2030-01-01")
    expect(page.locator("#timeline-status")).to_have_text(
        "Nothing on the timeline matches these filters."
    )
    expect(page.locator("#timeline-chart svg")).to_have_count(0)
    # The rest of the page is there.
    expect(page.locator("#stance-table td a.stance").first).to_be_visible()


def test_the_chart_is_one_tab_stop_whose_arrow_keys_walk_the_marks_in_date_order(
    page: Page, live_server: str
) -> None:
    items = dated(api_items(live_server, "/v1/timeline"))
    open_view(page, live_server)
    marks = page.locator("#timeline-chart svg .mark")
    expect(marks).to_have_count(len(items))
    assert marks.evaluate_all("ms => ms.filter((m) => m.tabIndex === 0).length") == 1
    order = [f"{item['type']}/{item['id']}" for item in items]
    focused = "document.activeElement.dataset.record"
    page.locator("#timeline-chart svg .mark[tabindex='0']").focus()
    assert page.evaluate(focused) == order[0]
    page.keyboard.press("ArrowRight")
    assert page.evaluate(focused) == order[1]
    page.keyboard.press("ArrowLeft")
    assert page.evaluate(focused) == order[0]
    page.keyboard.press("End")
    assert page.evaluate(focused) == order[-1]
    assert marks.evaluate_all("ms => ms.filter((m) => m.tabIndex === 0).length") == 1
    page.keyboard.press("Enter")
    expect(page.locator("#detail")).to_be_visible()
    assert urlsplit(page.url).fragment == order[-1]
