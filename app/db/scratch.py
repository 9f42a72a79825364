"""A PostgreSQL schema of its own for a run that must not touch anything else in the database
(a test, a benchmark), dropped when the run ends."""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.schema import CreateSchema, DropSchema


@contextmanager
def scratch_schema(admin_url: str, prefix: str) -> Iterator[str]:
    """A URL of `admin_url`'s database whose connections work in a new schema, `prefix_` and a
    random suffix, dropped with everything in it on exit."""
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(CreateSchema(schema))
    url = make_url(admin_url).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(DropSchema(schema, cascade=True))
        admin.dispose()
