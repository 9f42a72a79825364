"""The columns a read serves from a record's table: all but those only loads and writes use (the
record's content hash, and `curated`, what its curator wrote, decoded from JSON per row)."""

from typing import Any

from sqlalchemy import ColumnElement, Select, select

from app.db.models import Base

UNSERVED = frozenset({"content_hash", "curated"})


def served_columns(model: type[Base], *left_out: str) -> list[ColumnElement[Any]]:
    """The table's served columns, without those `left_out` too."""
    return [c for c in model.__table__.c if c.key not in UNSERVED and c.key not in left_out]


def served(model: type[Base]) -> Select[Any]:
    """A SELECT of the served columns of `model`'s table."""
    return select(*served_columns(model))
