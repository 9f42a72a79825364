"""A query over its time budget is cancelled and answered with a documented 503 problem.

The elapsed time against the budget is measured under bench/load (budget.py), not asserted here:
the suite checks the mechanism (a query that would run for minutes returns, as a 503).
"""

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError

from app.api.deps import SessionDep
from app.config import get_settings
from app.db.budget import apply_time_budget, is_over_budget
from app.db.engine import build_engine
from app.main import create_app
from tests.reliability.conftest import assert_documented_problem

# Counts to a billion: minutes of work on either database, unless the budget stops it.
SLOW = text(
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000000000)"
    " SELECT count(*) FROM n"
)


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
def slow_app(mini_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[FastAPI]:
    monkeypatch.setenv("QUERY_TIME_BUDGET_MS", "300")
    get_settings.cache_clear()
    app = create_app(mini_db)
    get_settings.cache_clear()

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
