"""The cost of a load's revisions alone: as many revision rows as a load of the database's
records writes, inserted by the loader's own batches, timed, then rolled back.

    .venv/bin/python bench/revisions.py bench/.work/db/bench-100000.db
"""

import datetime as dt
import sys
import time
from collections.abc import Iterator
from itertools import islice
from typing import Any

from sqlalchemy import func, insert, select

from app.db.engine import build_engine
from app.db.models import Revision
from app.loader.records import RESOURCES
from app.loader.revisions import BATCH, LOAD_AUTHOR
from app.loader.write import table


def rows(counts: dict[str, int]) -> Iterator[dict[str, Any]]:
    common = {"author": LOAD_AUTHOR, "by_key": False, "summary": "bench", "kind": "create"}
    common["made_at"] = dt.datetime.now(dt.UTC)
    for resource, count in counts.items():
        for number in range(count):
            change = {"content_hash": f"{number:064x}"}
            yield {
                **common,
                "resource": resource,
                "record_id": f"{resource}-{number}",
                "change": change,
            }


def main(path: str) -> None:
    engine = build_engine(f"sqlite:///{path}")
    with engine.connect() as connection, connection.begin() as transaction:
        counts = {
            name: connection.scalar(select(func.count()).select_from(table(name)))
            for name in RESOURCES
        }
        started, cpu = time.perf_counter(), time.process_time()
        pending = rows(counts)
        while batch := list(islice(pending, BATCH)):
            connection.execute(insert(Revision), batch)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        transaction.rollback()
    print(f"{sum(counts.values()):,} revisions: {wall:.2f} s wall, {cpu:.2f} s CPU")


if __name__ == "__main__":
    main(sys.argv[1])
