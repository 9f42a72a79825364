"""A query over its time budget is cancelled and answered with a documented 503 problem.

The elapsed time against the budget is measured under bench/load (budget.py), not asserted here:
the suite checks the mechanism (a query that would run for minutes returns, as a 503).
"""

from collections.abc import Iterator
from types import SimpleNamespace

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import TextClause, text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from app.api.deps import SessionDep
from app.api.export import LISTERS, Resource
from app.config import Settings
from app.db.budget import allow_longer, apply_time_budget, is_over_budget
from app.db.engine import build_engine
from app.main import create_app
from app.queries.pagination import PageRequest
from app.schemas.records import TopicRead
from tests.reliability.conftest import assert_documented_problem


def counting_to(last: int) -> TextClause:
    """A query that counts from 1 to `last`, one recursive step at a time."""
    return text(
        f"WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < {last})"
        " SELECT count(*) FROM n"
    )


SLOW = counting_to(1_000_000_000)  # minutes of work on either database, unless a budget stops it
# About a second on either database here, several times a 100 ms budget.
MEDIUM = counting_to(3_000_000)


def test_a_slow_query_is_cancelled_by_the_budget(mini_db: str) -> None:
    engine = build_engine(mini_db)
    apply_time_budget(engine, 200)
    try:
        with engine.connect() as connection:
            with pytest.raises(OperationalError) as cancelled:
                connection.execute(SLOW).scalar()
            assert is_over_budget(cancelled.value)
            connection.rollback()
            assert connection.execute(text("SELECT 1")).scalar() == 1, "usable afterwards"
    finally:
        engine.dispose()


def test_an_export_transaction_has_a_budget_of_its_own(mini_db: str) -> None:
    engine = build_engine(mini_db)
    apply_time_budget(engine, 100)
    try:
        with Session(engine) as session:
            allow_longer(session, 600_000)
            assert session.execute(MEDIUM).scalar_one() == 3_000_000
        with Session(engine) as session, pytest.raises(OperationalError) as cancelled:
            session.execute(MEDIUM).scalar_one()  # the next transaction is back on the budget
        assert is_over_budget(cancelled.value)
    finally:
        engine.dispose()


def test_other_database_errors_are_not_over_budget(mini_db: str) -> None:
    engine = build_engine(mini_db)
    apply_time_budget(engine, 200)
    try:
        with engine.connect() as connection, pytest.raises(DBAPIError) as failed:
            connection.execute(text("SELECT no_such_column FROM topics"))
        assert not is_over_budget(failed.value)
    finally:
        engine.dispose()


@pytest.fixture
def slow_app(mini_db: str) -> Iterator[FastAPI]:
    app = create_app(Settings(database_url=mini_db, query_time_budget_ms=300))

    @app.get("/v1/slow", responses={200: {"description": "A count."}})
    def slow(session: SessionDep) -> int:
        """A deliberately slow query."""
        return int(session.execute(SLOW).scalar_one())

    yield app


def test_a_request_over_budget_is_a_503_problem_with_retry_after(slow_app: FastAPI) -> None:
    with TestClient(slow_app) as client:
        response = client.get("/v1/slow")
        body = assert_documented_problem(response, 503)
        assert "time budget" in body["detail"]
        assert response.headers["retry-after"] == "1"
        assert client.get("/v1/meta").status_code == 200
        documented = slow_app.openapi()["paths"]["/v1/slow"]["get"]["responses"]["503"]
        assert "application/problem+json" in documented["content"]


def export_client(mini_db: str, budget_ms: int) -> TestClient:
    settings = Settings(
        database_url=mini_db, query_time_budget_ms=100, export_time_budget_ms=budget_ms
    )
    return TestClient(create_app(settings))


def test_an_export_runs_on_the_export_budget(mini_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch slower than the query budget does not cut the export off; one slower than the
    export's budget does (a stream that has started can only stop)."""

    def slow_read(session: Session, page: PageRequest) -> SimpleNamespace:
        if page.cursor is None:  # the first page is read before the answer starts
            return SimpleNamespace(items=[], next="slow")
        count = session.execute(MEDIUM).scalar_one()
        return SimpleNamespace(items=[str(count).encode()], next=None)

    monkeypatch.setitem(LISTERS, Resource.topics, ("topic", TopicRead, slow_read))
    with export_client(mini_db, 600000) as client:
        answer = client.get("/v1/export/topics").text
    assert answer == '{"type":"topic","record":3000000}\n'
    with export_client(mini_db, 100) as client:
        with pytest.raises(RuntimeError) as cut:
            client.get("/v1/export/topics")
        assert is_over_budget(cut.value.__cause__ or cut.value)
