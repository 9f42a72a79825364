"""What every stored record's seed form is made of: fields at their defaults left out, partial
dates as the seed writes them, and citations."""

import datetime as dt
from typing import Any

from sqlalchemy import Connection, select

from app.db.models import Citation
from app.domain import Precision
from app.loader.dates import PartialDate, written


def tidy(record: dict[str, Any]) -> dict[str, Any]:
    """Without the fields that hold their defaults (null, or an empty list)."""
    return {name: value for name, value in record.items() if value not in (None, [])}


def date_of(on: dt.date | None, precision: Precision) -> str | None:
    return None if on is None else written(PartialDate(on, Precision(precision)))


def citations_of(connection: Connection, owner: str, owner_id: str) -> list[dict[str, Any]]:
    column = Citation.__table__.c[f"{owner}_id"]
    query = select(Citation.source_id, Citation.excerpt, Citation.start_offset, Citation.words)
    rows = connection.execute(query.where(column == owner_id).order_by(Citation.ordinal))
    return [
        tidy({"source": source, "excerpt": excerpt, "start": start, "words": words})
        for source, excerpt, start, words in rows
    ]
