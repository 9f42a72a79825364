"""Each request has an id: the client's if sane, else a new one; echoed, and in every log line."""

import io
import json
import logging
import subprocess
import sys
from collections.abc import Iterator

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient

from app.api.routing import ReadRoute
from app.config import Settings
from app.main import create_app
from app.observability.logs import (
    RequestIdFilter,
    console_formatter,
    json_formatter,
    wants_json,
)
from tests.databases import ROOT

PROBE_LOGGER = "summitkb.probe"


@pytest.fixture
def probe_app(mini_db: str) -> FastAPI:
    """The API with one more route that writes a log line while it answers."""
    app = create_app(Settings(database_url=mini_db))

    @app.get("/probe")
    def probe() -> dict[str, str]:
        logging.getLogger(PROBE_LOGGER).warning("probing")
        return {}

    return app


@pytest.fixture
def log_lines() -> Iterator[io.StringIO]:
    """JSON log lines of every logger, at INFO and above, as the server writes them."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(json_formatter())
    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    level = root.level
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    yield stream
    root.removeHandler(handler)
    root.setLevel(level)


def test_a_sane_request_id_is_echoed(client: TestClient) -> None:
    response = client.get("/v1/topics", headers={"X-Request-ID": "lb-7f3a.42:1"})
    assert response.headers["x-request-id"] == "lb-7f3a.42:1"


@pytest.mark.parametrize(
    "incoming",
    [None, b"", b"has space", b"a" * 129, b"<script>", b"-leading-dash", "naïve".encode()],
)
def test_otherwise_a_new_id_is_made(client: TestClient, incoming: bytes | None) -> None:
    headers = {} if incoming is None else {b"X-Request-ID": incoming}
    first = client.get("/v1/topics", headers=headers).headers["x-request-id"]
    second = client.get("/v1/topics", headers=headers).headers["x-request-id"]
    assert first != second
    assert len(first) == 32
    assert int(first, 16) >= 0


def test_problems_carry_the_id_too(client: TestClient) -> None:
    for path in ("/v1/quotes/no-such-quote", "/v1/quotes?limit=0", "/nowhere"):
        response = client.get(path, headers={"X-Request-ID": "trace-1"})
        assert response.status_code >= 400
        assert response.headers["x-request-id"] == "trace-1"


def test_every_log_line_of_a_request_has_its_id(probe_app: FastAPI, log_lines: io.StringIO) -> None:
    with TestClient(probe_app) as client:
        request_id = client.get("/probe").headers["x-request-id"]
    records = [json.loads(line) for line in log_lines.getvalue().splitlines()]
    mine = [record for record in records if record.get("request_id") == request_id]
    assert {record["logger"] for record in mine} >= {PROBE_LOGGER, "summitkb.access"}
    probe = next(record for record in mine if record["logger"] == PROBE_LOGGER)
    assert probe["message"] == "probing"
    assert probe["level"] == "WARNING"
    assert "timestamp" in probe


def test_the_access_line_has_method_route_status_and_duration(
    client: TestClient, log_lines: io.StringIO
) -> None:
    client.get("/v1/quotes/putin-next-time-in-moscow", headers={"X-Request-ID": "access-1"})
    records = [json.loads(line) for line in log_lines.getvalue().splitlines()]
    access = next(record for record in records if record.get("request_id") == "access-1")
    assert access["logger"] == "summitkb.access"
    assert access["method"] == "GET"
    assert access["route"] == "/v1/quotes/{quote_id}"
    assert access["path"] == "/v1/quotes/putin-next-time-in-moscow"
    assert access["status"] == 200
    assert access["duration_ms"] >= 0


def test_console_lines_show_the_id_and_lines_outside_requests_a_dash() -> None:
    record = logging.LogRecord("summitkb", logging.INFO, __file__, 1, "started", None, None)
    RequestIdFilter().filter(record)
    assert "INFO    summitkb [-] started" in console_formatter().format(record)


def test_the_format_follows_the_setting_and_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stderr.isatty", lambda: True)
    assert not wants_json("auto")
    assert wants_json("json")
    monkeypatch.setattr("sys.stderr.isatty", lambda: False)
    assert wants_json("auto")
    assert not wants_json("console")


def test_the_server_logging_config_writes_json_lines() -> None:
    # In a process of its own: applying a logging config replaces every handler of this one.
    script = (
        "import logging, logging.config; from app.observability.logs import logging_config; "
        "logging.config.dictConfig(logging_config('DEBUG', 'json')); "
        "logging.getLogger('alembic.runtime.migration').info('Context impl SQLiteImpl.'); "
        "logging.getLogger('uvicorn.error').debug('started', extra={'color_message': 'x'})"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    (line,) = [json.loads(text) for text in done.stderr.splitlines()]
    assert line["message"] == "started"
    assert line["logger"] == "uvicorn.error"
    assert line["level"] == "DEBUG"
    assert line["request_id"] == "-"
    assert "color_message" not in line


def test_an_unexpected_error_is_a_500_problem_with_every_header(mini_db: str) -> None:
    """A route's unexpected error is answered inside the chain, so it carries the request id,
    the security headers and CORS, and its traceback is logged."""
    origin = "http://allowed.example"
    app = create_app(Settings(database_url=mini_db, cors_origins=[origin]))
    router = APIRouter(route_class=ReadRoute)

    @router.get("/v1/broken")
    def broken() -> None:
        raise ZeroDivisionError("a bug")

    app.include_router(router)

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/v1/broken", headers={"Origin": origin, "X-Request-ID": "r-500"})
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["x-request-id"] == "r-500"
    assert response.headers["access-control-allow-origin"] == origin
    assert response.headers["x-content-type-options"] == "nosniff"
