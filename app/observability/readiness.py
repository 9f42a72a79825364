"""Readiness: the database answers, its schema is at the migrations' head, a dataset is loaded."""

import logging
from dataclasses import dataclass

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from app.db.revision import schema_outcome
from app.errors import NotFound
from app.queries.catalog import get_meta
from app.schemas.records import MetaRead

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Readiness:
    """Each check's outcome ("ok" or why not) and, when loaded, the dataset."""

    checks: dict[str, str]
    meta: MetaRead | None

    @property
    def ready(self) -> bool:
        return all(outcome == "ok" for outcome in self.checks.values())


def check_readiness(engine: Engine) -> Readiness:
    """Run the checks in order; those after a failed one are not run."""
    checks = dict.fromkeys(("database", "schema", "dataset"), "not checked")
    step = "database"
    try:
        with engine.connect() as connection:
            checks["database"] = "ok"
            step = "schema"
            checks["schema"] = schema_outcome(connection)
            if checks["schema"] != "ok":
                return Readiness(checks, None)
            step = "dataset"
            meta = loaded_dataset(connection)
            checks["dataset"] = "ok" if meta else "no dataset is loaded: run `summitkb load`"
            return Readiness(checks, meta)
    except SQLAlchemyError as error:
        # The reason goes to the log; the public answer names the check and the error's kind.
        log.warning("readiness check %s failed", step, exc_info=error)
        cause = getattr(error, "orig", None) or error
        checks[step] = f"failed: {type(cause).__name__}"
        return Readiness(checks, None)


def loaded_dataset(connection: Connection) -> MetaRead | None:
    with Session(connection) as session:
        try:
            return get_meta(session)
        except NotFound:
            return None
