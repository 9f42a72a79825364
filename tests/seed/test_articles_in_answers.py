"""Over the real seed, on each backend: every citation the API gives names the article of its
source that holds its excerpt and gives that article's date; a source lists its articles."""

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.loader import load_seed
from app.main import create_app
from tests.api.helpers import walk
from tests.conftest import MAX_BYTES, REAL_SEED, fresh_database
from tests.databases import backends

PAGE = "business-recorder-2025-08-07"


@pytest.fixture(scope="module", params=backends())
def client(
    request: pytest.FixtureRequest, sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[TestClient]:
    folder = tmp_path_factory.mktemp("articles")
    for url in fresh_database(request.param, sqlite_template, folder):
        load_seed(REAL_SEED, url, MAX_BYTES)
        with TestClient(create_app(Settings(database_url=url))) as test_client:
            yield test_client


def citations_in(answer: Any) -> Iterator[dict[str, Any]]:
    """Every citation anywhere in an answer (records, timeline items, stance cells...)."""
    if isinstance(answer, dict):
        if {"source_id", "excerpt", "article"} <= set(answer):
            yield answer
        for value in answer.values():
            yield from citations_in(value)
    elif isinstance(answer, list):
        for item in answer:
            yield from citations_in(item)


def test_a_source_lists_its_articles_in_the_order_of_its_text(client: TestClient) -> None:
    updates = client.get("/v1/sources/summit-updates-2025-08-14").json()
    listed = [(a["id"], a["published_on"]) for a in updates["articles"]]
    assert listed == [
        ("update-2", "2025-08-14"),
        ("update-1", "2025-08-07"),
        ("update-3", "2025-08-14"),
        ("update-4", "2025-08-14"),
        ("update-5", "2025-08-13"),
        ("update-6", "2025-08-13"),
    ]
    sixth = updates["articles"][-1]
    text = client.get(
        "/v1/sources/summit-updates-2025-08-14/text",
        params={"start": sixth["start"], "end": sixth["end"]},
    ).text
    assert text.startswith("Update.6\n\nToday, President Macron")
    page = client.get(f"/v1/sources/{PAGE}").json()
    assert page["published_on"] == "2025-08-07"
    assert [(a["title"], a["published_on"]) for a in page["articles"]] == [
        ("Kremlin says Trump-Putin meeting agreed for ‘coming days'", "2025-08-07"),
        ("Europe pushes for Ukraine role in Trump-Putin talks", "2025-08-10"),
    ]


def test_a_citation_gives_the_date_of_its_article_not_of_the_page(client: TestClient) -> None:
    rutte = client.get("/v1/positions/rutte-summit-expectations-2025-08-10").json()
    [citation] = rutte["citations"]
    assert (citation["source_id"], citation["published_on"]) == (PAGE, "2025-08-10")
    assert citation["article"] == {
        "id": "europe-pushes-for-ukraine-role",
        "title": "Europe pushes for Ukraine role in Trump-Putin talks",
        "published_on": "2025-08-10",
    }
    coalition = client.get("/v1/events/coalition-of-the-willing-meeting-2025-08-13").json()
    updates = [c["article"]["id"] for c in coalition["citations"] if "updates" in c["source_id"]]
    assert updates == ["update-6", "update-6"]


LONG = {"limit": 500}


@pytest.mark.parametrize(
    ("path", "params"),
    [
        ("/v1/quotes", LONG),
        ("/v1/events", LONG),
        ("/v1/positions", LONG),
        ("/v1/actors", LONG),
        ("/v1/timeline", LONG),
        ("/v1/stances", {}),
        ("/v1/quotes/fadeev-consultations-insignificant", {}),
    ],
)
def test_every_citation_lies_in_the_article_it_names(
    client: TestClient, path: str, params: dict[str, Any]
) -> None:
    articles = {
        (source["id"], article["id"]): article
        for source in walk(client, "/v1/sources")
        for article in source["articles"]
    }
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    answer = response.json()
    found = list(citations_in(answer))
    assert found
    for citation in found:
        article = articles[citation["source_id"], citation["article"]["id"]]
        assert article["start"] <= citation["start"] < citation["end"] <= article["end"]
        assert citation["published_on"] == citation["article"]["published_on"]
        assert citation["article"]["published_on"] == article["published_on"]
        assert citation["article"]["title"] == article["title"]


def test_csv_and_ndjson_name_the_article(client: TestClient) -> None:
    wanted = {"source": PAGE, "from": "2025-08-10", "to": "2025-08-10", "format": "csv"}
    rows = list(csv.DictReader(io.StringIO(client.get("/v1/quotes", params=wanted).text)))
    assert rows
    for row in rows:
        cited = orjson.loads(row["citations"])
        assert {c["article"]["id"] for c in cited} == {"europe-pushes-for-ukraine-role"}
    lines = client.get("/v1/export/sources").text.splitlines()
    exported = {line["record"]["id"]: line["record"] for line in map(orjson.loads, lines)}
    assert len(exported[PAGE]["articles"]) == 2
