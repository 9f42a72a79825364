"""Editors at once: one winner per revision, the others 412; and a write while a load holds
the database waits a bounded time, then answers 503 with Retry-After."""

import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from app.config import Settings
from app.db.engine import build_engine
from app.db.load_lock import LOADING
from app.db.models import Revision
from app.main import create_app
from tests.curation.conftest import Api, keys_for
from tests.curation.helpers import new_quote

POSITION = "/v1/positions/zelensky-ceasefire"
EDITORS = 16


@pytest.fixture
def patient_api(mini_url: str) -> Iterator[Api]:
    """Writes that wait long enough for 16 others to end before them (all with one key, which
    no rate limits here: these are editors racing, not a key writing too fast)."""
    write, admin = keys_for(mini_url)
    settings = Settings(
        database_url=mini_url,
        write_lock_wait_ms=30000,
        request_timeout_ms=60000,
        write_rate_per_minute=0,
    )
    with TestClient(create_app(settings)) as client:
        yield Api(client, write, admin)


def at_once(work: Any) -> list[Any]:
    """`work(n)` for each editor n, all started together."""
    start = threading.Barrier(EDITORS)

    def editor(number: int) -> Any:
        start.wait()
        return work(number)

    with ThreadPoolExecutor(EDITORS) as pool:
        return list(pool.map(editor, range(EDITORS)))


def test_sixteen_editors_of_one_record_make_one_winner_per_revision(patient_api: Api) -> None:
    api = patient_api
    tag = api.etag(POSITION)

    def edit_once(number: int) -> int:
        answer = api.patch(POSITION, {"statement": f"Edit {number}."}, tag)
        return int(answer.status_code)

    first = Counter(at_once(edit_once))
    assert first == {200: 1, 412: EDITORS - 1}

    def edit_until_made(number: int) -> list[int]:
        statuses: list[int] = []
        while not statuses or statuses[-1] != 200:
            patch = {"statement": f"Edit {number} again."}
            answer = api.patch(POSITION, patch, api.etag(POSITION))
            statuses.append(answer.status_code)
        return statuses

    rounds = at_once(edit_until_made)
    assert all(set(statuses[:-1]) <= {412} for statuses in rounds)
    loaded, *items = api.client.get(POSITION + "/revisions", params={"limit": 100}).json()["items"]
    assert loaded["author"] == "summitkb load"
    assert len(items) == 1 + EDITORS
    made = sorted(item["change"]["statement"] for item in items[1:])
    assert made == sorted(f"Edit {number} again." for number in range(EDITORS))


def hold_the_database(url: str) -> Any:
    """A connection that holds the writers' lock as a load does, until it is closed."""
    engine = build_engine(url)
    connection = engine.connect().execution_options(**{LOADING: lambda _waited: None})
    transaction = connection.begin()
    return engine, connection, transaction


def test_a_write_while_a_load_holds_the_database_is_503_after_a_bounded_wait(
    mini_url: str,
) -> None:
    write, admin = keys_for(mini_url)
    settings = Settings(database_url=mini_url, write_lock_wait_ms=300)
    with TestClient(create_app(settings)) as client:
        api = Api(client, write, admin)
        engine, connection, transaction = hold_the_database(mini_url)
        try:
            refused = api.post("quotes", new_quote())
            assert refused.status_code == 503
            assert refused.headers["retry-after"] == "5"
            assert "held the database" in refused.json()["detail"]
            assert api.client.get("/v1/quotes/putin-next-time-in-moscow").status_code == 200
        finally:
            transaction.rollback()
            connection.close()
        assert api.post("quotes", new_quote()).status_code == 201
        try:
            with engine.connect() as reading:
                authors = reading.scalars(select(Revision.author).where(Revision.by_key)).all()
        finally:
            engine.dispose()
        assert authors == ["newsroom"]
