"""The loader: read a seed folder, verify it whole, then write it in one transaction."""

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from app import derived
from app.db.engine import build_engine, truncate_wal
from app.db.load_lock import LOADING, Waiting
from app.db.revision import SchemaNotCurrent, require_current_schema
from app.loader.plan import Plan, build_plan
from app.loader.problems import Problem, SeedRejected
from app.loader.records import RESOURCES
from app.loader.replaced import rewrite_replaced
from app.loader.revisions import (
    Edit,
    EditsWouldBeLost,
    edits_since_load,
    mark_load,
    write_load_revisions,
)
from app.loader.write import Change, delete_records, diff, record_dataset, stored_version, upsert

__all__ = [
    "Edit",
    "EditsWouldBeLost",
    "LoadReport",
    "Problem",
    "SchemaNotCurrent",
    "SeedRejected",
    "check_seed",
    "load_seed",
    "pending_edits",
]


@dataclass
class LoadReport:
    version: str
    changes: dict[str, Change]
    counts: dict[str, int]
    written: bool


def check_seed(seed_dir: Path, max_file_bytes: int) -> tuple[str, Plan]:
    """Validate and verify the whole seed; raise SeedRejected listing every problem. The plan
    holds the seed's rows in a scratch file until it is closed."""
    plan, problems = build_plan(seed_dir, max_file_bytes)
    if problems:
        plan.close()
        raise SeedRejected(problems)
    return plan.version, plan


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector: a large seed is millions of acyclic objects, and
    collecting while they are built costs time and finds nothing."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load_seed(
    seed_dir: Path,
    database_url: str,
    max_file_bytes: int,
    waiting: Waiting | None = None,
    discard_edits: bool = False,
) -> LoadReport:
    """Load the seed at `seed_dir` into the database, all or nothing; while another load runs,
    wait for it to end (`waiting` hears how long it has waited, every few seconds). A database
    whose schema is not at the migrations' head is refused (SchemaNotCurrent) before the seed
    is read; one with records edited through the API since the last load is refused
    (EditsWouldBeLost) unless `discard_edits`."""
    engine = build_engine(database_url)
    try:
        with engine.connect() as connection:
            require_current_schema(connection)
        with gc_paused():
            version, plan = check_seed(seed_dir, max_file_bytes)
        try:
            with engine.connect() as connection:
                connection = connection.execution_options(**{LOADING: waiting or _quietly})
                with connection.begin():
                    report = _write(connection, version, plan, discard_edits)
                truncate_wal(connection)
        finally:
            plan.close()
        return report
    finally:
        engine.dispose()


def pending_edits(database_url: str) -> list[Edit]:
    """The records edited through the API since the last load (SchemaNotCurrent if the schema
    is not at the migrations' head)."""
    engine = build_engine(database_url)
    try:
        with engine.connect() as connection:
            require_current_schema(connection)
            return edits_since_load(connection)
    finally:
        engine.dispose()


def _quietly(_waited_s: float) -> None:
    pass


def _write(connection: Connection, version: str, plan: Plan, discard_edits: bool) -> LoadReport:
    edits = edits_since_load(connection)
    if edits and not discard_edits:
        raise EditsWouldBeLost(edits)
    counts = plan.counts()
    changes = {resource: diff(connection, resource, plan) for resource in RESOURCES}
    touched = any(change.touched for change in changes.values())
    if not touched and stored_version(connection) == version and derived.is_complete(connection):
        if edits:  # edited, and edited back: nothing to write, but the edits are now seen
            mark_load(connection)
        return LoadReport(version, changes, counts, written=False)
    for resource in RESOURCES:
        upsert(connection, resource, plan)
    for resource in reversed(RESOURCES):
        delete_records(connection, resource, plan)
    rewrite_replaced(connection, plan)
    derived.rebuild(connection)
    write_load_revisions(connection, plan, version)
    record_dataset(connection, version, counts)
    mark_load(connection)
    return LoadReport(version, changes, counts, written=True)
