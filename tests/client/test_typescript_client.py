"""The TypeScript client: its types are the app's current schema, and its users type-check."""

import fcntl
import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.web.openapi_file import write_openapi
from tests.databases import ROOT

CLIENT = ROOT / "clients" / "typescript"
SCHEMA_TYPES = CLIENT / "src" / "schema.d.ts"
BIN = CLIENT / "node_modules" / ".bin"
NPM_TIMEOUT = 300


def run(command: list[str], cwd: Path = CLIENT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=NPM_TIMEOUT)


@pytest.fixture(scope="module")
def node_modules() -> Iterator[Path]:
    """The client's node_modules, installed from package-lock.json by `npm ci` if absent."""
    if shutil.which("node") is None or shutil.which("npm") is None:
        reason = "Node.js and npm are not installed"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}; CI must check the TypeScript client")
        pytest.skip(reason)
    with (CLIENT / "package-lock.json").open() as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # test workers must not run `npm ci` at the same time
        if not (BIN / "tsc").exists():
            installed = run(["npm", "ci", "--no-audit", "--no-fund"])
            assert installed.returncode == 0, installed.stderr
        fcntl.flock(lock, fcntl.LOCK_UN)
    yield BIN


def test_committed_types_match_the_current_schema(node_modules: Path, tmp_path: Path) -> None:
    openapi = tmp_path / "openapi.json"
    generated = tmp_path / "schema.d.ts"
    write_openapi(openapi)

    result = run([str(node_modules / "openapi-typescript"), str(openapi), "-o", str(generated)])

    assert result.returncode == 0, result.stderr
    assert generated.read_text() == SCHEMA_TYPES.read_text(), (
        "clients/typescript/src/schema.d.ts is not the current schema: run `make client`"
    )


def test_client_examples_and_explorer_type_check(node_modules: Path) -> None:
    result = run([str(node_modules / "tsc"), "--noEmit", "-p", "."])
    assert result.returncode == 0, result.stdout + result.stderr


def test_type_check_catches_a_call_the_schema_does_not_allow(
    node_modules: Path, tmp_path: Path
) -> None:
    # A project of its own in tmp_path, so that other test workers never see the broken file.
    broken = tmp_path / "broken.ts"
    broken.write_text(
        f'import {{ api }} from "{CLIENT / "examples" / "usage"}";\n'
        'export const wrong = api.GET("/v1/quotes", { params: { query: { speaker: "x" } } });\n'
    )
    config = {"extends": str(CLIENT / "tsconfig.json"), "include": [], "files": [str(broken)]}
    (tmp_path / "tsconfig.json").write_text(json.dumps(config))

    result = run([str(node_modules / "tsc"), "--noEmit", "-p", str(tmp_path)])

    assert result.returncode != 0
    assert "broken.ts(2," in result.stdout
