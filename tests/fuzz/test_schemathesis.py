"""Property-based fuzzing of the whole OpenAPI schema with schemathesis, in-process over ASGI.

Every operation gets the examples, coverage and fuzzing phases, valid and invalid data, and
every check schemathesis has (no 5xx, status codes, content types, response schemas and headers
as documented, invalid data rejected, valid data accepted, 405 with Allow for other methods...),
on SQLite and, when SUMMITKB_TEST_POSTGRES_URL is set, on PostgreSQL.

    .venv/bin/pytest tests/fuzz -n 2                          # 100 examples per operation
    SUMMITKB_FUZZ_EXAMPLES=1000 .venv/bin/pytest tests/fuzz -n 2   # the nightly size
"""

import os
from typing import Any

import schemathesis
from schemathesis import Case
from schemathesis.checks import positive_data_acceptance
from schemathesis.config import SchemathesisConfig

from app.config import Settings
from app.main import create_app
from tests.databases import backends
from tests.fuzz import hooks  # noqa: F401  (registers the hooks schemathesis.toml names)
from tests.fuzz.conftest import FUZZ_KEY, fuzz_database

SEED = 20250815
EXAMPLES = int(os.environ.get("SUMMITKB_FUZZ_EXAMPLES", "100"))

CONFIG = {
    "seed": SEED,
    "suppress-health-check": ["too_slow", "filter_too_much", "data_too_large"],
    "generation": {
        "mode": "all",
        "max-examples": EXAMPLES,
        "database": "none",
        "deterministic": True,
        # A NUL in any parameter is a documented 422 (README, Limits and safety) that the schema
        # does not spell out; tests/reliability sends one in every string parameter.
        "allow-x00": False,
    },
    "phases": {
        "examples": {"enabled": True},
        "coverage": {"enabled": True},
        "fuzzing": {"enabled": True},
        "stateful": {"enabled": False},
    },
    "checks": {"enabled": True},
    # Writes with a write key, as the OpenAPI document's bearer scheme sends it: cases meant to
    # lack it (`ignored_auth`, a missing required header) are sent without it.
    "auth": {"openapi": {"apiKey": {"bearer": FUZZ_KEY}}},
}


def schema_for(backend: str) -> schemathesis.BaseSchema:
    # No write rate: every case of every write reaches the write itself, not a 429.
    settings = Settings(database_url=fuzz_database(backend), write_rate_per_minute=0)
    app = create_app(settings)
    return schemathesis.openapi.from_asgi(
        "/openapi.json", app, config=SchemathesisConfig.from_dict(CONFIG)
    )


# Values that a schema cannot fully describe, so that a schema-valid one may rightly get a 422:
# a cursor is valid only if this API issued it for the same query, and a text slice only if it
# lies within that source's text, whose length the schema cannot know; a search `q` only if it
# parses in the search language (balanced quotes and parentheses, some letters or digits); an id
# filter only if it names a record of the dataset; a `to` only if it is not before its `from`.
DATA_DEPENDENT = {"cursor", "start", "end", "q", "actor", "topic", "event", "source", "to"}


def is_negative(case: Case[Any]) -> bool:
    return case.meta is not None and case.meta.generation.mode.is_negative


# A write is valid only if its record passes the knowledge's checks (its excerpts stand in their
# sources, its references name records, its id is free) and, for an edit, if `If-Match` names the
# record's current ETag, and a delete only if nothing refers to the record: a schema-valid case
# may rightly get a 409, 410, 412, 422 or 428.
WRITES = {"POST", "PATCH", "DELETE"}


def excluded_checks(case: Case[Any]) -> list[Any]:
    if is_negative(case):
        return []
    data_dependent = DATA_DEPENDENT & set(case.query or {}) or case.method.upper() in WRITES
    return [positive_data_acceptance] if data_dependent else []


@schemathesis.pytest.parametrize(**{backend: schema_for(backend) for backend in backends()})
def test_the_api_holds_to_its_schema(case: Case[Any]) -> None:
    """Every operation, writes included, with a write key (CONFIG's auth)."""
    case.call_and_validate(excluded_checks=excluded_checks(case))
