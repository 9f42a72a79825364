"""How long a query over its time budget takes to be cancelled, against the budget itself."""

import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from server import ROOT, build_database
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from app.db.budget import apply_time_budget, is_over_budget
from app.db.engine import build_engine

SLOW = text(
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 1000000000)"
    " SELECT count(*) FROM n"
)


def measure_budget(budget_ms: int, repeats: int) -> dict[str, Any]:
    """Run a query that would take minutes `repeats` times under `budget_ms`; time each."""
    with tempfile.TemporaryDirectory() as folder:
        engine = build_engine(build_database(Path(folder), ROOT / "seed"))
        apply_time_budget(engine, budget_ms)
        ratios = []
        for _ in range(repeats):
            with engine.connect() as connection:
                started = time.monotonic()
                try:
                    connection.execute(SLOW).scalar()
                except OperationalError as error:
                    assert is_over_budget(error)
                ratios.append((time.monotonic() - started) * 1000 / budget_ms)
        engine.dispose()
    return {
        "budget_ms": budget_ms,
        "repeats": repeats,
        "ratio_max": round(max(ratios), 4),
        "ratio_median": round(statistics.median(ratios), 4),
        "ratios": [round(ratio, 4) for ratio in ratios],
    }
