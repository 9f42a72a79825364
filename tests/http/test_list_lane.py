"""The document lane answers plain quote lists exactly as the whole stack does, and only those."""

import datetime as dt
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from prometheus_client import REGISTRY
from sqlalchemy.exc import DBAPIError

from app.http.gzip import INLINE_GZIP_MAXIMUM
from app.http.plain_list import plain_list
from app.loader import load_seed
from app.queries.document_lists import PlainList
from tests.conftest import MAX_BYTES, MINI_SEED, fresh_database
from tests.databases import ROOT, backends
from tests.http.conftest import ClientFactory
from tests.http.test_document_lane import comparable, lane_alone

GENERATED_QUOTES = 600  # two actors, a few undated quotes


DATASETS = [(seed, backend) for seed in ("mini", "generated") for backend in backends()]


def generated_seed(folder: Path) -> Path:
    """A synthetic dataset of the benchmark's shape: Zipf speakers, undated quotes."""
    generator = [sys.executable, str(ROOT / "bench" / "generate.py"), str(folder)]
    subprocess.run([*generator, "--quotes", str(GENERATED_QUOTES)], check=True, capture_output=True)
    return folder


@pytest.fixture(scope="session", params=DATASETS, ids=["-".join(d) for d in DATASETS])
def list_db(
    request: pytest.FixtureRequest, sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The mini seed, or a generated dataset, loaded; shared, so tests must not write to it."""
    seed, backend = request.param
    folder = tmp_path_factory.mktemp(seed)
    source = MINI_SEED if seed == "mini" else generated_seed(folder / "seed")
    for url in fresh_database(backend, sqlite_template, folder):
        load_seed(source, url, MAX_BYTES)
        yield url


@pytest.fixture
def lane_and_stack(list_db: str, make_client: ClientFactory) -> tuple[TestClient, TestClient]:
    return make_client(list_db, document_lane="true"), make_client(list_db, document_lane="false")


def plain_queries(client: TestClient) -> list[str]:
    """Plain list requests over `client`'s data: every speaker, dates around its quotes."""
    quotes = client.get("/v1/quotes", params={"limit": 500}).json()["items"]
    speakers = sorted({quote["speaker"]["id"] for quote in quotes})[:4]
    days = sorted({quote["said_on"] for quote in quotes if quote["said_on"]})
    first, middle, last = days[0], days[len(days) // 2], days[-1]
    queries = ["", "limit=1", "limit=7", "limit=500", f"said_from={middle}", f"said_to={middle}"]
    queries += [f"said_from={first}&said_to={last}&limit=3", f"said_to={first}&said_from={last}"]
    queries += [f"said_from={first}&said_to={last}&facet=speaker&limit=1"]
    queries += [f"facet=speaker&said_from={middle}", f"said_to={middle}&facet=speaker&limit=3"]
    for speaker in speakers:
        queries += [f"speaker={speaker}", f"speaker={speaker}&limit=2"]
        queries += [
            f"speaker={speaker}&said_from={middle}&limit=5",
            f"said_to={middle}&speaker={speaker}",
        ]
    return queries


ODD_QUERIES = [
    "speaker=no-such-actor",
    "said_from=2099-01-01",
    "limit=0",
    "limit=501",
    "limit=050",
    "limit=x",
    "said_from=2025-02-30",
    "said_from=20250813",
    "cursor=not-a-cursor",
    "speaker=",
    "speaker=a&speaker=b",
    "limit=5&limit=6",
    "speaker=vladimir%2Dputin",
    "speaker=vladimir+putin",
    "unknown=1",
    "format=csv",
    "fields=id",
    "facet=speaker",
    "include=speaker",
    "q=ceasefire",
    "facet=speaker",
    "facet=speaker&said_from=2025-08-13&speaker=vladimir-putin",
    "facet=speaker&facet=speaker&said_from=2025-08-13",
    "facet=event&said_from=2025-08-13",
    "facet=speaker&said_from=2099-01-01",
    "facet=speaker&said_to=1900-01-01",
    "&",
    "limit",
]

HEADERS: list[dict[str, str]] = [
    {},
    {"Accept-Encoding": "identity"},
    {"Accept": "application/json", "X-Request-ID": "fact-check-42", "Accept-Encoding": "br"},
    {"Accept-Encoding": "gzip"},
    {"Accept": "text/csv"},
    {"Origin": "https://elsewhere.example"},
    {"If-None-Match": "*"},
]


def walk(client: TestClient, query: str) -> list[str]:
    """`query` and the query of every further page of it, by the cursors the answers give."""
    queries = [query]
    while (cursor := client.get(f"/v1/quotes?{queries[-1]}").json()["next"]) is not None:
        queries.append(f"{query}&cursor={cursor}")
    return queries


def assert_same(lane: TestClient, stack: TestClient, query: str, headers: dict[str, str]) -> None:
    path = f"/v1/quotes?{query}"
    assert comparable(lane.get(path, headers=headers), headers) == comparable(
        stack.get(path, headers=headers), headers
    ), (query, headers)


def test_every_list_answer_equals_the_stacks(
    lane_and_stack: tuple[TestClient, TestClient],
) -> None:
    lane, stack = lane_and_stack
    for query in [*plain_queries(stack), *ODD_QUERIES]:
        for headers in HEADERS:
            assert_same(lane, stack, query, headers)


def test_every_page_of_a_walk_equals_the_stacks(
    lane_and_stack: tuple[TestClient, TestClient],
) -> None:
    lane, stack = lane_and_stack
    speaker = stack.get("/v1/quotes?limit=1").json()["items"][0]["speaker"]["id"]
    assert len(walk(stack, "limit=1")) > 3  # through the dated quotes to the undated ones
    for query in ("limit=1", "limit=40", f"speaker={speaker}&limit=25", "said_to=2099-12-31"):
        pages = walk(stack, query)
        assert pages == walk(lane, query)
        for page in pages:
            assert_same(lane, stack, page, {"Accept-Encoding": "identity"})


def test_a_cursor_of_another_query_is_the_stacks_to_refuse(
    lane_and_stack: tuple[TestClient, TestClient],
) -> None:
    lane, stack = lane_and_stack
    cursor = stack.get("/v1/quotes?limit=1").json()["next"]
    other_size, other_filter = f"limit=2&cursor={cursor}", f"said_from=2000-01-01&cursor={cursor}"
    for query in (other_size, other_filter):
        assert_same(lane, stack, query, {})
    assert lane.get(f"/v1/quotes?{other_size}").status_code == 200  # the page size may change
    assert lane.get(f"/v1/quotes?{other_filter}").status_code == 422


def test_the_lane_answers_plain_lists_itself(lane_and_stack: tuple[TestClient, TestClient]) -> None:
    lane, _ = lane_and_stack
    alone = lane_alone(lane)
    identity = {"Accept-Encoding": "identity"}
    for query in [*plain_queries(lane), *walk(lane, "limit=2")[1:3]]:
        path = f"/v1/quotes?{query}"
        expected = lane.get(path, headers=identity)
        if expected.json()["items"]:
            assert comparable(alone.get(path, headers=identity), identity) == comparable(
                expected, identity
            ), query
        else:  # an empty page is left to the stack
            with pytest.raises(AssertionError, match="the stack was asked"):
                alone.get(path, headers=identity)
    for query in ("limit=2&facet=speaker", "cursor=not-a-cursor", "speaker=no-such-actor"):
        with pytest.raises(AssertionError, match="the stack was asked"):
            alone.get(f"/v1/quotes?{query}", headers=identity)
    gzip = {"Accept-Encoding": "gzip"}
    for query in ("limit=2", "limit=500"):
        path = f"/v1/quotes?{query}"
        if len(lane.get(path, headers=identity).content) < INLINE_GZIP_MAXIMUM:
            gzipped = comparable(lane.get(path, headers=gzip), gzip)
            assert comparable(alone.get(path, headers=gzip), gzip) == gzipped
        else:  # compressed in a worker thread, by the stack
            with pytest.raises(AssertionError, match="the stack was asked"):
                alone.get(path, headers=gzip)


def test_list_answers_are_counted_under_their_route(
    mini_db: str, make_client: ClientFactory
) -> None:
    lane = make_client(mini_db, document_lane="true")
    labels = {"method": "GET", "route": "/v1/quotes", "status": "200"}
    before = REGISTRY.get_sample_value("summitkb_http_requests_total", labels) or 0
    lane_alone(lane).get("/v1/quotes?limit=2", headers={"Accept-Encoding": "identity"})
    assert REGISTRY.get_sample_value("summitkb_http_requests_total", labels) == before + 1


def test_a_database_error_in_the_lane_is_left_to_the_stack(
    mini_db: str, make_client: ClientFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    lane, stack = (
        make_client(mini_db, document_lane="true"),
        make_client(mini_db, document_lane="false"),
    )

    def failing_page(_request: PlainList) -> Any:
        raise DBAPIError("SELECT", {}, sqlite3.OperationalError("disk I/O error"))

    monkeypatch.setattr(
        "app.queries.document_lists.DocumentLists.page", lambda _self, r: failing_page(r)
    )
    identity = {"Accept-Encoding": "identity"}
    assert_same(lane, stack, "limit=2", identity)
    assert lane.get("/v1/quotes?limit=2", headers=identity).json()["items"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (b"", PlainList(50)),
        (b"limit=7", PlainList(7)),
        (
            b"speaker=vladimir-putin&said_from=2025-08-01&said_to=2025-08-31&limit=500&cursor=eyJ9",
            PlainList(500, "vladimir-putin", dt.date(2025, 8, 1), dt.date(2025, 8, 31), "eyJ9"),
        ),
        (
            b"said_to=2025-08-31&facet=speaker",
            PlainList(50, said_to=dt.date(2025, 8, 31), speaker_facet=True),
        ),
        (b"facet=speaker", None),
        (b"facet=speaker&said_to=2025-08-31&speaker=vladimir-putin", None),
        (b"facet=topic&said_to=2025-08-31", None),
        (b"limit=501", None),
        (b"limit=0", None),
        (b"limit=08", None),
        (b"said_to=2025-02-29", None),
        (b"said_to=2025-8-1", None),
        (b"speaker=a&speaker=b", None),
        (b"speaker=%41", None),
        (b"speaker=a+b", None),
        (b"speaker=" + b"x" * 201, None),
        (b"speaker", None),
        (b"speaker=a&", None),
        (b"topic=ceasefire", None),
        (b"cursor=ab%3D", None),
        ("speaker=é".encode(), None),
    ],
)
def test_plain_list_queries(query: bytes, expected: PlainList | None) -> None:
    assert plain_list(query) == expected


def test_a_repeated_header_is_left_to_the_stack(
    lane_and_stack: tuple[TestClient, TestClient],
) -> None:
    lane, stack = lane_and_stack
    alone = lane_alone(lane)
    repeated = [("Accept-Encoding", "identity"), ("Accept-Encoding", "gzip")]
    for path in ("/v1/quotes?limit=3", "/v1/quotes"):
        assert comparable(lane.get(path, headers=repeated), {}) == comparable(
            stack.get(path, headers=repeated), {}
        )
        with pytest.raises(AssertionError, match="the stack was asked"):
            alone.get(path, headers=repeated)
