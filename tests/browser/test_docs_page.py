"""/docs in a real browser: Swagger UI loads from the app alone, and "Try it out" works."""

from typing import Any

import httpx
import pytest
from playwright.sync_api import Locator, Page, Route, expect

from tests.browser.conftest import Console, serve_with_strict_policy

RESPONSE_TIMEOUT_MS = 15_000


def block_other_hosts(page: Page, base: str) -> list[str]:
    """Abort every request that leaves the app's origin (as with no internet); return their URLs."""
    blocked: list[str] = []

    def handle(route: Route) -> None:
        if route.request.url.startswith(base):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", handle)
    return blocked


def get_operations(base: str) -> list[tuple[str, str, str]]:
    """(path, tag, operationId) of every GET operation the API documents."""
    document: dict[str, Any] = httpx.get(f"{base}/openapi.json").json()
    return [
        (path, (item["get"].get("tags") or ["default"])[0], item["get"]["operationId"])
        for path, item in document["paths"].items()
        if "get" in item
    ]


def try_it_out(page: Page, tag: str, operation_id: str) -> Locator:
    """Expand an operation, keep the values Swagger UI fills in, execute; return the block."""
    block = page.locator(f"#operations-{tag}-{operation_id}")
    block.locator(".opblock-summary").first.click()
    block.get_by_role("button", name="Try it out").click()
    block.get_by_role("button", name="Execute").click()
    answered = block.locator(".live-responses-table tbody .response-col_status")
    refused = block.locator(".validation-errors")
    # wait_for reacts to the DOM at once; expect() would poll with growing intervals.
    answered.or_(refused).first.wait_for(timeout=RESPONSE_TIMEOUT_MS)
    return block


def status_of(block: Locator) -> str:
    """The executed request's status, or why Swagger UI would not send it."""
    refused = block.locator(".validation-errors")
    if refused.count():
        return f"not sent: {refused.inner_text()} (a required parameter without an example?)"
    return block.locator(".live-responses-table tbody .response-col_status").first.inner_text()


def test_docs_page_executes_an_operation_offline_under_a_strict_policy(
    page: Page, live_server: str, console: Console
) -> None:
    blocked = block_other_hosts(page, live_server)
    serve_with_strict_policy(page, f"{live_server}/docs")
    page.goto(f"{live_server}/docs")
    expect(page.locator(".information-container .title")).to_contain_text("Summit KB")

    block = try_it_out(page, "quotes", "read_quote_v1_quotes__quote_id__get")

    assert status_of(block).strip() == "200"
    assert (
        "/v1/quotes/fadeev-consultations-insignificant"
        in block.locator(".request-url").inner_text()
    )
    body = block.locator(".live-responses-table .response-col_description pre").first.inner_text()
    assert '"speaker"' in body and "Alexey Fadeev" in body
    assert blocked == []
    assert console.errors == []


def test_try_it_out_works_for_one_operation_of_every_tag(
    page: Page, live_server: str, console: Console
) -> None:
    # Every operation's filled-in request is checked without a browser (test_openapi_examples);
    # here Swagger UI itself fills in and sends one request per tag (each router's parameters).
    page.goto(f"{live_server}/docs")
    expect(page.locator(".opblock").first).to_be_visible()
    first_of_tag = {
        tag: (path, operation_id) for path, tag, operation_id in get_operations(live_server)[::-1]
    }
    failures = {}
    for tag, (path, operation_id) in first_of_tag.items():
        block = try_it_out(page, tag, operation_id)
        status = status_of(block).strip()
        if status != "200":
            failures[path] = status
        block.locator(".opblock-summary").first.click()  # collapse again: keeps the page small
    assert len(first_of_tag) >= 10
    assert failures == {}
    assert console.errors == []


@pytest.mark.parametrize("width", [390])
def test_docs_page_fits_a_phone(page: Page, live_server: str, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 844})
    page.goto(f"{live_server}/docs")
    expect(page.locator(".opblock").first).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_docs_page_shows_each_problem_and_fills_in_no_validator(
    page: Page, live_server: str
) -> None:
    page.goto(f"{live_server}/docs")
    block = page.locator("#operations-quotes-read_quotes_v1_quotes_get")
    block.locator(".opblock-summary").first.click()
    shown = {}
    for status in ("406", "413", "422", "503"):
        row = block.locator(f".responses-table tr.response[data-code='{status}']")
        shown[status] = row.locator(".example, pre").first.inner_text()
    assert {status: f'"status": {status}' in text for status, text in shown.items()} == {
        status: True for status in shown
    }
    assert "did you mean" in shown["422"]
    block.get_by_role("button", name="Try it out").click()
    for header in ("If-None-Match", "If-Modified-Since"):
        expect(block.locator(f"tr[data-param-name='{header}'] input")).to_have_value("")
