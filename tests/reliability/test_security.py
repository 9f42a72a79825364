"""Security basics: no internals in error bodies, security headers, no SQL built from input,
no outgoing HTTP."""

import ast
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from app.config import Settings
from app.http.security import API_POLICY, PAGE_POLICY
from app.loader import load_seed
from app.main import create_app
from tests.conftest import MAX_BYTES, MINI_SEED
from tests.databases import ROOT, sqlite_copy
from tests.reliability.conftest import assert_documented_problem

APP = ROOT / "app"
SQL_CALLS = {"text", "execute", "exec_driver_sql", "executemany", "executescript"}
HTTP_CLIENTS = {"httpx", "requests", "urllib.request", "urllib3", "aiohttp", "http.client"}


LEAKS = ("Traceback", "SELECT", "FROM", "sqlite", "OperationalError", ".py", "line ")


def assert_no_internals(response: Any, status: int, detail: str) -> None:
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["detail"] == detail
    for leak in LEAKS:
        assert leak not in response.text, leak


def test_an_internal_error_shows_no_traceback_and_no_sql(
    sqlite_template: Path, tmp_path: Path
) -> None:
    url = sqlite_copy(sqlite_template, tmp_path)
    load_seed(MINI_SEED, url, MAX_BYTES)
    engine = create_engine(url)
    with engine.begin() as connection:  # a value the code cannot read: a fault of ours
        connection.execute(text("UPDATE dataset SET counts = 'not json'"))
    engine.dispose()
    app = create_app(Settings(database_url=url))
    with TestClient(app, raise_server_exceptions=False) as client:
        for path in ("/v1/quotes", "/v1/actors/vladimir-putin", "/v1/meta"):
            assert_no_internals(client.get(path), 500, "the server failed to answer this request")


def test_a_database_error_shows_no_traceback_and_no_sql(tmp_path: Path) -> None:
    (tmp_path / "broken.db").write_bytes(b"this is not a database" * 100)
    broken = create_app(Settings(database_url=f"sqlite:///{tmp_path / 'broken.db'}"))
    with TestClient(broken, raise_server_exceptions=False) as client:
        for path in ("/v1/quotes", "/v1/actors/vladimir-putin", "/v1/meta"):
            detail = "the database is unavailable (missing, unreadable or unreachable); retry later"
            assert_no_internals(client.get(path), 503, detail)


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    responses = {
        "list": client.get("/v1/quotes"),
        "record": client.get("/v1/meta"),
        "404": client.get("/v1/nothing"),
        "405": client.delete("/v1/quotes"),
        "413": client.request("GET", "/v1/quotes", content=b"x" * 100_000),
        "422": client.get("/v1/quotes?nope=1"),
        "text": client.get("/v1/sources/afp-2025-08-15/text?start=0&end=5"),
        "docs": client.get("/docs"),
    }
    for name, response in responses.items():
        assert response.headers["x-content-type-options"] == "nosniff", name
        assert response.headers["referrer-policy"] == "no-referrer", name
        assert response.headers["x-frame-options"] == "DENY", name
        expected = PAGE_POLICY if name == "docs" else API_POLICY
        assert response.headers["content-security-policy"] == expected, name


def test_the_policies_are_strict() -> None:
    for policy in (API_POLICY, PAGE_POLICY):
        assert "frame-ancestors 'none'" in policy
        assert "*" not in policy and "http" not in policy and "unsafe-eval" not in policy
    assert API_POLICY.startswith("default-src 'none'")


EVIL = {"Origin": "https://evil.example", "Access-Control-Request-Method": "GET"}


def cors_headers(response: Any) -> set[str]:
    return {name for name in response.headers if name.lower().startswith("access-control-")}


def test_a_disallowed_origin_gets_no_cors_headers(client: TestClient) -> None:
    for path in ("/v1/quotes", "/v1/meta", "/v1/nothing", "/docs"):
        assert cors_headers(client.get(path, headers=EVIL)) == set(), path


def test_a_disallowed_preflight_gets_no_cors_headers_and_a_problem(client: TestClient) -> None:
    response = client.options("/v1/quotes", headers=EVIL)
    assert cors_headers(response) == set()
    assert_documented_problem(response)


def python_files() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in APP.rglob("*.py")]


def built_string(node: ast.expr) -> bool:
    """Whether `node` builds a string at run time: an f-string, `+`/`%` on strings, `.format`."""
    if isinstance(node, ast.JoinedStr):
        return any(isinstance(value, ast.FormattedValue) for value in node.values)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return True
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"format", "join"}
    )


def called_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def test_no_sql_is_built_from_strings() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for path, tree in python_files()
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and called_name(node) in SQL_CALLS
        and any(built_string(argument) for argument in node.args[:1])
    ]
    assert offenders == []


def test_the_detector_finds_what_it_should() -> None:
    bad = ast.parse("conn.execute(f'SELECT {x}')\ntext('a' + b)\ncur.execute('%s' % y)")
    calls = [node for node in ast.walk(bad) if isinstance(node, ast.Call)]
    flagged = [c for c in calls if called_name(c) in SQL_CALLS and built_string(c.args[0])]
    assert len(flagged) == 3


def test_the_api_never_fetches_a_url() -> None:
    """No module of the application imports an HTTP client: it never makes outgoing requests."""
    imported = set()
    for path, tree in python_files():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                imported |= {(path.name, alias.name) for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module:
                imported.add((path.name, node.module))
    clients = {
        (name, module) for name, module in imported if module.split(".")[0] in HTTP_CLIENTS
    } | {(name, module) for name, module in imported if module in HTTP_CLIENTS}
    assert clients == set()
