"""Keyset pagination: an opaque cursor names the last row seen and the query it belongs to."""

import base64
import binascii
import datetime as dt
import hashlib
import operator
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from sqlalchemy import RowMapping, Select, tuple_
from sqlalchemy.orm import Session

from app.errors import InvalidParameter

AnySelect = Select[*tuple[Any, ...]]
# What a JSON cursor may hold before its positions are checked against their order's types:
# integers a 64-bit column can bind (bool is an int in Python, and refused), text without NUL.
LARGEST = 2**63 - 1
# The largest value an INTEGER column holds on both databases (PostgreSQL's is 32-bit).
INTEGER_MAX = 2**31 - 1


@dataclass(frozen=True)
class Keyset:
    """An order: optionally a leading column (nulls last), always ending in the primary key."""

    key: Any  # a mapped column attribute, e.g. Quote.id
    lead: Any = None

    def fetch(
        self,
        session: Session,
        query: AnySelect,
        position: list[Any] | None,
        count: int,
        dated_only: bool = False,
        descending: bool = False,
    ) -> list[RowMapping]:
        """Up to `count` rows of `query` strictly after `position` (None: from the start).

        Descending reverses the order of the dated rows and of the undated ones, which still come
        last (an unknown date is neither the oldest nor the newest).

        With a leading column the dated rows come first, found by a row-value seek
        `(lead, key) > (?, ?)` that an index on (..., lead, key) answers directly, then the
        undated rows by key: two index-friendly queries instead of one OR that scans. With
        `dated_only` (the query's own filters exclude undated rows) the second is not run.
        """
        after, order = _direction(descending)
        if self.lead is None:
            if position is not None:
                query = query.where(after(self.key, position[0]))
            return _rows(session, query.order_by(order(self.key)).limit(count))
        rows: list[RowMapping] = []
        if position is None or position[0] is not None:
            dated = query.where(self.lead.is_not(None))
            if position is not None:
                seek = after(tuple_(self.lead, self.key), tuple(position))
                dated = dated.where(seek)
            rows = _rows(session, dated.order_by(order(self.lead), order(self.key)).limit(count))
        if len(rows) < count and not dated_only:
            undated = query.where(self.lead.is_(None))
            if position is not None and position[0] is None:
                undated = undated.where(after(self.key, position[1]))
            rows += _rows(session, undated.order_by(order(self.key)).limit(count - len(rows)))
        return rows

    def position_of(self, row: RowMapping) -> list[Any]:
        key = row[self.key.key]
        if self.lead is None:
            return [key]
        lead = row[self.lead.key]
        return [lead.isoformat() if isinstance(lead, dt.date) else lead, key]

    @property
    def kinds(self) -> list["Kind"]:
        """What each position of a cursor in this order must be: the lead may be null."""
        key = kind_of(self.key)
        return [key] if self.lead is None else [optional(kind_of(self.lead)), key]


def _direction(descending: bool) -> tuple[Callable[[Any, Any], Any], Callable[[Any], Any]]:
    """How to seek past a position, and how to order a column, in one direction."""
    if descending:
        return operator.lt, lambda column: column.desc()
    return operator.gt, lambda column: column


def _rows(session: Session, query: AnySelect) -> list[RowMapping]:
    # On the session's connection: a page of rows needs none of the ORM's result handling,
    # which cost more than the statement itself.
    return list(session.connection().execute(query).mappings())


def _not_issued() -> InvalidParameter:
    return InvalidParameter("cursor: not a cursor this API issued")


def parse_cursor_date(value: Any) -> dt.date:
    """The date a cursor holds; 422 if it holds anything else."""
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise _not_issued() from None


# A kind takes a decoded position and returns the value to bind, or raises a 422: every position
# is checked against the type of its column before any SQL runs.
Kind = Callable[[Any], Any]


def text_position(value: Any) -> str:
    if type(value) is not str:
        raise _not_issued()
    return value


def integer_position(value: Any) -> int:
    if type(value) is not int:
        raise _not_issued()
    return value


def column_integer_position(value: Any) -> int:
    """An integer an INTEGER column can hold: a larger one names no row this API paged past."""
    if type(value) is not int or not -INTEGER_MAX <= value <= INTEGER_MAX:
        raise _not_issued()
    return value


def optional(kind: Kind) -> Kind:
    """`kind`, or null (an undated row)."""
    return lambda value: None if value is None else kind(value)


KINDS: dict[type, Kind] = {
    str: text_position,
    int: column_integer_position,
    dt.date: parse_cursor_date,
}


def kind_of(column: Any) -> Kind:
    """The kind of a position in the order of `column`, from the column's Python type."""
    return KINDS[column.type.python_type]


def fingerprint(scope: str, filters: dict[str, Any]) -> str:
    """A short digest of what a list was asked for, so a cursor is only valid for its own query."""
    payload = orjson.dumps([scope, filters], option=orjson.OPT_SORT_KEYS, default=str)
    return hashlib.sha256(payload).hexdigest()[:16]


def encode_cursor(query_print: str, position: Sequence[Any]) -> str:
    raw = orjson.dumps([query_print, list(position)])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _stored_position(cursor: str, query_print: str, width: int) -> list[Any]:
    """The position stored in `cursor`; 422 if it is malformed or belongs to another query."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        stored_print, position = orjson.loads(raw)
    except (binascii.Error, ValueError, TypeError, orjson.JSONDecodeError):
        raise _not_issued() from None
    if stored_print != query_print:
        raise InvalidParameter("cursor: belongs to another query (its filters or order differ)")
    if not isinstance(position, list) or len(position) != width:
        raise _not_issued()
    if not all(_plain(value) for value in position):
        raise _not_issued()
    return position


def _plain(value: Any) -> bool:
    if type(value) is int:
        return -LARGEST <= value <= LARGEST
    return value is None or (type(value) is str and "\x00" not in value)


def decode_position(cursor: str, query_print: str, kinds: Sequence[Kind]) -> list[Any]:
    """The position stored in `cursor`, each value checked by its kind and ready to bind."""
    position = _stored_position(cursor, query_print, len(kinds))
    return [kind(value) for kind, value in zip(kinds, position, strict=True)]


@dataclass(frozen=True)
class PageRequest:
    limit: int
    cursor: str | None = None
    descending: bool = False  # newest first, for lists in date order

    def tied_print(self, query_print: str) -> str:
        """The print a cursor carries: the query's and its direction, so that a cursor of one
        order is refused by the other (it would skip or repeat rows)."""
        return fingerprint(query_print, {"descending": True}) if self.descending else query_print


def paginate(
    session: Session,
    query: AnySelect,
    keyset: Keyset,
    page: PageRequest,
    query_print: str,
    dated_only: bool = False,
) -> tuple[list[RowMapping], str | None]:
    """Run `query` in keyset order from the cursor on; return one page and the next cursor."""
    query_print = page.tied_print(query_print)
    position = decode_position(page.cursor, query_print, keyset.kinds) if page.cursor else None
    rows = keyset.fetch(session, query, position, page.limit + 1, dated_only, page.descending)
    if len(rows) <= page.limit:
        return rows, None
    rows = rows[: page.limit]
    return rows, encode_cursor(query_print, keyset.position_of(rows[-1]))
