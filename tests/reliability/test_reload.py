"""While reloads run, 16 concurrent readers of a real server see no error, and every answer
comes whole from one dataset version: the one its X-Dataset-Version header names."""

import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from app.config import Settings
from app.loader import load_seed
from app.main import create_app
from tests.conftest import MAX_BYTES, MINI_SEED
from tests.reliability.datasets import BigSeeds, copy_database
from tests.search.extended_seed import extended_seed

READERS = 16
RELOADS = 4
PATHS = [
    "/v1/quotes?limit=20",
    "/v1/events?limit=20",
    "/v1/positions?limit=20",
    "/v1/actors?limit=20",
    "/v1/sources?limit=20",
    "/v1/topics",
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def served(big_seeds: BigSeeds, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A uvicorn process serving a copy of the old dataset on loopback: (base URL, database)."""
    database = copy_database(big_seeds.old_db, tmp_path / "served.db")
    port = free_port()
    command = [sys.executable, "-m", "uvicorn", "--factory", "app.main:app_from_environment"]
    server = subprocess.Popen(
        [*command, "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        env={**os.environ, "DATABASE_URL": f"sqlite:///{database}"},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base)
        yield base, database
    finally:
        server.terminate()
        server.wait(timeout=30)


def wait_until_up(base: str) -> None:
    for _ in range(300):
        try:
            httpx.get(f"{base}/v1/meta", timeout=1).raise_for_status()
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise AssertionError("the server did not start")


def answers(base: str) -> tuple[str, dict[str, Any]]:
    """The dataset version now served, and the body of each of PATHS."""
    bodies = {path: httpx.get(base + path).json() for path in PATHS}
    return httpx.get(base + "/v1/meta").json()["version"], bodies


def read_until(base: str, stop: threading.Event, offset: int) -> list[tuple[str, int, str, Any]]:
    seen = []
    with httpx.Client(base_url=base, timeout=30) as client:
        turn = offset
        while not stop.is_set():
            path = PATHS[turn % len(PATHS)]
            response = client.get(path)
            body = response.json() if response.status_code == 200 else response.text
            seen.append(
                (path, response.status_code, response.headers.get("x-dataset-version", ""), body)
            )
            turn += 1
    return seen


def test_readers_see_one_whole_dataset_while_reloads_run(
    served: tuple[str, Path], big_seeds: BigSeeds
) -> None:
    base, database = served
    url = f"sqlite:///{database}"
    expected = dict([answers(base)])
    load_seed(big_seeds.new, url, MAX_BYTES)
    expected.update([answers(base)])
    assert set(expected) == {big_seeds.old_version, big_seeds.new_version}

    stop = threading.Event()
    results: list[list[tuple[str, int, str, Any]]] = [[] for _ in range(READERS)]

    def reader(index: int) -> None:
        results[index] = read_until(base, stop, index)

    threads = [threading.Thread(target=reader, args=(index,)) for index in range(READERS)]
    for thread in threads:
        thread.start()
    for turn in range(RELOADS):
        load_seed(big_seeds.old if turn % 2 == 0 else big_seeds.new, url, MAX_BYTES)
        time.sleep(0.2)
    stop.set()
    for thread in threads:
        thread.join(timeout=60)

    seen = [answer for answers_of_one in results for answer in answers_of_one]
    errors = [(path, status) for path, status, _, _ in seen if status != 200]
    assert errors == []
    mixed = [path for path, _, version, body in seen if expected[version][path] != body]
    assert mixed == []
    versions = {version for _, _, version, _ in seen}
    assert versions == set(expected), "both datasets were served during the reloads"
    assert len(seen) >= READERS * RELOADS


SEARCHERS = 8
SEARCHES = ["/v1/search?q=ceasefire", "/v1/search?q=putin OR zelensk*", "/v1/quotes?q=putin"]


def test_searches_answer_while_reloads_run(empty_db: str, tmp_path: Path) -> None:
    """Each reload rebuilds the search index; every connection that searched before it goes on
    searching after it (a reload once cost each pooled SQLite connection a failed search)."""
    seeds = [MINI_SEED, extended_seed(tmp_path)]
    load_seed(seeds[0], empty_db, MAX_BYTES)
    stop = threading.Event()
    statuses: list[list[int]] = [[] for _ in range(SEARCHERS)]
    with TestClient(create_app(Settings(database_url=empty_db))) as client:

        def searcher(index: int) -> None:
            turn = index
            while not stop.is_set():
                statuses[index].append(client.get(SEARCHES[turn % len(SEARCHES)]).status_code)
                turn += 1

        threads = [threading.Thread(target=searcher, args=(index,)) for index in range(SEARCHERS)]
        for thread in threads:
            thread.start()
        for turn in range(1, 2 * RELOADS + 1):
            load_seed(seeds[turn % 2], empty_db, MAX_BYTES)
            time.sleep(0.2)
        stop.set()
        for thread in threads:
            thread.join(timeout=60)
    answered = [status for of_one in statuses for status in of_one]
    assert [status for status in answered if status != 200] == []
    assert len(answered) >= SEARCHERS * RELOADS
