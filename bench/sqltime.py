"""Replay the SQL our app issues for given paths, with plain sqlite3, in one process.

    DATABASE_URL=sqlite:///DB python bench/sqltime.py DB SPEC.json

SPEC.json maps a scenario key to a list of request paths. Each path is requested once through
the app in-process (ASGI, no network) to capture its SQL statements (a SQLAlchemy event on all
engines), then once more to time the
in-process request; the captured statements are replayed with sqlite3 (the app's pragmas) and
timed with their fetch. Prints one JSON line: per scenario the statements per request and the
p50/p99 of the summed SQL time and of the ASGI time.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

captured: list[tuple[str, Any]] = []
SKIP = ("BEGIN", "COMMIT", "ROLLBACK", "PRAGMA", "SAVEPOINT", "RELEASE")


@event.listens_for(Engine, "before_cursor_execute")
def _capture(conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
    if not statement.lstrip().upper().startswith(SKIP):
        captured.append((statement, params))


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    db, spec_file = sys.argv[1], sys.argv[2]
    spec: dict[str, list[str]] = json.loads(Path(spec_file).read_text())
    from fastapi.testclient import TestClient

    from app.config import Settings
    from app.main import create_app

    raw = sqlite3.connect(db)
    for pragma in ("PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=10000"):
        raw.execute(pragma)
    out: dict[str, Any] = {}
    with TestClient(create_app(Settings())) as client:
        for key, paths in spec.items():
            sql_ms: list[float] = []
            asgi_ms: list[float] = []
            n_stmts: list[int] = []
            statuses: dict[int, int] = {}
            for path in paths:
                captured.clear()
                resp = client.get(path)
                statuses[resp.status_code] = statuses.get(resp.status_code, 0) + 1
                stmts = list(captured)
                t0 = time.perf_counter()
                client.get(path)
                asgi_ms.append((time.perf_counter() - t0) * 1000)
                total = 0.0
                for statement, params in stmts:
                    t0 = time.perf_counter()
                    raw.execute(statement, params or ()).fetchall()
                    total += time.perf_counter() - t0
                sql_ms.append(total * 1000)
                n_stmts.append(len(stmts))
            out[key] = {
                "requests": len(paths),
                "statuses": statuses,
                "statements_p50": statistics.median(n_stmts),
                "sql_p50_ms": round(pct(sql_ms, 50), 3),
                "sql_p99_ms": round(pct(sql_ms, 99), 3),
                "sql_mean_ms": round(statistics.fmean(sql_ms), 3),
                "asgi_p50_ms": round(pct(asgi_ms, 50), 3),
                "asgi_p99_ms": round(pct(asgi_ms, 99), 3),
            }
            print(f"{key}: {out[key]}", file=sys.stderr)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
