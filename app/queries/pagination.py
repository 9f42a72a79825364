"""Keyset pagination: an opaque cursor names the last row seen and the query it belongs to."""

import base64
import binascii
import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import RowMapping, Select, tuple_
from sqlalchemy.orm import Session

from app.errors import InvalidParameter

AnySelect = Select[*tuple[Any, ...]]


@dataclass(frozen=True)
class Keyset:
    """An order: optionally a leading column (nulls last), always ending in the primary key."""

    key: Any  # a mapped column attribute, e.g. Quote.id
    lead: Any = None
    lead_is_date: bool = False

    def fetch(
        self,
        session: Session,
        query: AnySelect,
        position: list[Any] | None,
        count: int,
        dated_only: bool = False,
    ) -> list[RowMapping]:
        """Up to `count` rows of `query` strictly after `position` (None: from the start).

        With a leading column the dated rows come first, found by a row-value seek
        `(lead, key) > (?, ?)` that an index on (..., lead, key) answers directly, then the
        undated rows by key: two index-friendly queries instead of one OR that scans. With
        `dated_only` (the query's own filters exclude undated rows) the second is not run.
        """
        if self.lead is None:
            if position is not None:
                query = query.where(self.key > position[0])
            return _rows(session, query.order_by(self.key).limit(count))
        rows: list[RowMapping] = []
        if position is None or position[0] is not None:
            dated = query.where(self.lead.is_not(None))
            if position is not None:
                lead_value = parse_cursor_date(position[0]) if self.lead_is_date else position[0]
                dated = dated.where(tuple_(self.lead, self.key) > (lead_value, position[1]))
            rows = _rows(session, dated.order_by(self.lead, self.key).limit(count))
        if len(rows) < count and not dated_only:
            undated = query.where(self.lead.is_(None))
            if position is not None and position[0] is None:
                undated = undated.where(self.key > position[1])
            rows += _rows(session, undated.order_by(self.key).limit(count - len(rows)))
        return rows

    def position_of(self, row: RowMapping) -> list[Any]:
        key = row[self.key.key]
        if self.lead is None:
            return [key]
        lead = row[self.lead.key]
        return [lead.isoformat() if isinstance(lead, dt.date) else lead, key]

    @property
    def width(self) -> int:
        return 1 if self.lead is None else 2


def _rows(session: Session, query: AnySelect) -> list[RowMapping]:
    return list(session.execute(query).mappings())


def parse_cursor_date(value: Any) -> dt.date:
    """The date a cursor holds; 422 if it holds anything else."""
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise InvalidParameter("cursor: not a cursor this API issued") from None


def fingerprint(scope: str, filters: dict[str, Any]) -> str:
    """A short digest of what a list was asked for, so a cursor is only valid for its own query."""
    payload = orjson.dumps([scope, filters], option=orjson.OPT_SORT_KEYS, default=str)
    return hashlib.sha256(payload).hexdigest()[:16]


def encode_cursor(query_print: str, position: Sequence[Any]) -> str:
    raw = orjson.dumps([query_print, list(position)])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, query_print: str, width: int) -> list[Any]:
    """The position stored in `cursor`; 422 if it is malformed or belongs to another query."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        stored_print, position = orjson.loads(raw)
    except (binascii.Error, ValueError, TypeError, orjson.JSONDecodeError):
        raise InvalidParameter("cursor: not a cursor this API issued") from None
    if stored_print != query_print:
        raise InvalidParameter("cursor: belongs to another query (its filters or order differ)")
    if not isinstance(position, list) or len(position) != width:
        raise InvalidParameter("cursor: not a cursor this API issued")
    if not all(isinstance(value, str | int | None) for value in position):
        raise InvalidParameter("cursor: not a cursor this API issued")
    return position


@dataclass(frozen=True)
class PageRequest:
    limit: int
    cursor: str | None = None


def paginate(
    session: Session,
    query: AnySelect,
    keyset: Keyset,
    page: PageRequest,
    query_print: str,
    dated_only: bool = False,
) -> tuple[list[RowMapping], str | None]:
    """Run `query` in keyset order from the cursor on; return one page and the next cursor."""
    position = decode_cursor(page.cursor, query_print, keyset.width) if page.cursor else None
    rows = keyset.fetch(session, query, position, page.limit + 1, dated_only)
    if len(rows) <= page.limit:
        return rows, None
    rows = rows[: page.limit]
    return rows, encode_cursor(query_print, keyset.position_of(rows[-1]))
