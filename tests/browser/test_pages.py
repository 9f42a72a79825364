"""The pages as files: local assets only, no inline script or style, no HTML built from data."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin

import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.main import create_app
from app.web.routes import STATIC_DIR

PAGES = ["/docs", "/explore", "/explore/", "/explore/actors/vladimir-putin", "/explore/a/b/c/"]
HTML_SINKS = re.compile(r"\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|eval\(")


class Assets(HTMLParser):
    """The URLs a page loads, and any inline script or style it has."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline: list[str] = []
        self.base = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if "style" in attributes or tag == "style" or any(a.startswith("on") for a in attributes):
            self.inline.append(tag)
        if tag == "base":
            self.base = attributes.get("href") or ""
        if tag == "script" and "src" not in attributes:
            self.inline.append("script")
        for name in ("src", "href"):
            url = attributes.get(name)
            if url and tag in {"script", "link", "img"}:
                self.urls.append(url)


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(
        create_app(
            Settings(database_url=f"sqlite:///{tmp_path_factory.mktemp('web') / 'empty.db'}")
        )
    )


@pytest.mark.parametrize("page", PAGES)
def test_a_page_loads_only_its_own_files(web: TestClient, page: str) -> None:
    response = web.get(page)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assets = Assets()
    assets.feed(response.text)

    assert assets.urls and assets.inline == []
    for url in assets.urls:
        assert "//" not in url, f"{page} loads {url} from elsewhere"
        base = urljoin(f"http://testserver{page}", assets.base)
        assert web.get(urljoin(base, url)).status_code == 200, url


def test_the_explorer_script_never_parses_html_from_data() -> None:
    scripts = sorted((STATIC_DIR / "explorer").glob("*.js"))
    assert scripts
    for script in scripts:
        assert HTML_SINKS.search(script.read_text()) is None, script.name


@pytest.mark.parametrize(
    ("page", "base"),
    [("/explore", "./"), ("/explore/", "../"), ("/explore/actors/vladimir-putin", "../../")],
)
def test_every_view_of_the_explorer_is_its_page_based_where_explore_lives(
    web: TestClient, page: str, base: str
) -> None:
    response = web.get(page)
    assert response.status_code == 200
    assets = Assets()
    assets.feed(response.text)
    assert assets.base == base
    assert urljoin(f"http://testserver{page}", base) == "http://testserver/"


def test_home_redirects_to_the_explorer(web: TestClient) -> None:
    response = web.get("/", follow_redirects=False)
    assert response.status_code == 307
    assert response.headers["location"] == "http://testserver/explore"


def test_redoc_is_not_offered(web: TestClient) -> None:
    assert web.get("/redoc").status_code == 404
