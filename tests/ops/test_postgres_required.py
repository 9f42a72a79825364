"""A run that asks for PostgreSQL and cannot reach it fails: it never skips those tests."""

import os
import subprocess
import sys

from tests.databases import ROOT

UNREACHABLE = "postgresql+psycopg://postgres@127.0.0.1:1/postgres?connect_timeout=2"


def test_an_unreachable_postgres_fails_the_run() -> None:
    env = {**os.environ, "SUMMITKB_TEST_POSTGRES_URL": UNREACHABLE}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-p",
            "no:cacheprovider",
            "-q",
            "tests/test_migrations.py::test_models_and_migrations_do_not_drift",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    summary = done.stdout.strip().splitlines()[-1]
    assert done.returncode == 1, done.stdout
    assert "1 passed" in summary  # SQLite
    assert "1 error" in summary  # PostgreSQL
    assert "skipped" not in summary
    assert "OperationalError" in done.stdout
