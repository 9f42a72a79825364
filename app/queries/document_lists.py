"""Pages of the quote list as stored documents, read through the driver: the lane's list reads.

The plain list shapes (at most one speaker, a date range, a page size, a cursor, and the speaker
facet of a date range: app.queries.document_facets) are index range scans bounded by the page
size (ix_quotes_speaker_id_said_on_id, ix_quotes_said_on_id), joined to the stored documents.
Their statements are written and compiled once per shape, and each page follows the rules of
`app.queries.pagination` (the same order, cursor and fingerprint as `quotes.list_quote_rows`):
tests/http/test_list_lane.py compares the two. Anything this module cannot answer exactly as the
stack would (a cursor of another query, an empty page, a dataset reloaded between two
statements) comes back as None, for the stack to answer.
"""

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import ColumnElement, Date, Integer, Select, String, bindparam, select, tuple_

from app.db.models import Dataset, Quote
from app.db.search_tables import derived_quote_documents
from app.errors import InvalidParameter
from app.queries.document_facets import SpeakerFacets
from app.queries.documents import Documents, DriverStatements, driver_dates
from app.queries.pagination import (
    decode_cursor,
    encode_cursor,
    fingerprint,
    parse_cursor_date,
)
from app.queries.quotes import QuoteFilters
from app.schemas.views import Facets

Position = tuple[dt.date | None, str]  # (said_on, None for undated; quote id)


@dataclass(frozen=True)
class PlainList:
    """A quote list request of the shape the lane reads: all values already checked."""

    limit: int
    speaker: str | None = None
    said_from: dt.date | None = None
    said_to: dt.date | None = None
    cursor: str | None = None
    speaker_facet: bool = False  # only with dates and no speaker: the running counts answer it

    def filters(self) -> QuoteFilters:
        speaker = [self.speaker] if self.speaker is not None else None
        return QuoteFilters(speaker=speaker, said_from=self.said_from, said_to=self.said_to)

    @property
    def dated_only(self) -> bool:
        """A date bound excludes the undated quotes: no need to look for them."""
        return self.said_from is not None or self.said_to is not None


@dataclass(frozen=True)
class DocumentPage:
    version: str
    documents: list[bytes]
    next: str | None
    facets: Facets | None = None


@dataclass(frozen=True)
class Shape:
    """Which conditions a statement has: it is compiled once per shape."""

    dated: bool
    speaker: bool
    said_from: bool
    said_to: bool
    after: bool

    def statement(self) -> Select[Any]:
        quotes, documents = Quote.__table__.c, derived_quote_documents.c
        conditions: list[ColumnElement[bool]] = [
            quotes.said_on.is_not(None) if self.dated else quotes.said_on.is_(None)
        ]
        if self.speaker:
            conditions.append(quotes.speaker_id == bindparam("speaker"))
        if self.said_from:
            conditions.append(quotes.said_on >= bindparam("said_from"))
        if self.said_to:
            conditions.append(quotes.said_on <= bindparam("said_to"))
        if self.after:
            after_on, after_id = (
                bindparam("after_on", type_=Date),
                bindparam("after_id", type_=String),
            )
            seek = tuple_(quotes.said_on, quotes.id) > tuple_(after_on, after_id)
            conditions.append(seek if self.dated else quotes.id > after_id)
        order = (quotes.said_on, quotes.id) if self.dated else (quotes.id,)
        # The version comes from the same statement, hence the same snapshot, as the rows.
        version = select(Dataset.version).scalar_subquery()
        return (
            select(version, quotes.id, quotes.said_on, documents.body)
            .join_from(Quote.__table__, derived_quote_documents, documents.id == quotes.id)
            .where(*conditions)
            .order_by(*order)
            .limit(bindparam("count", type_=Integer))
        )


class DocumentLists:
    """Pages of the plain quote list shapes over `documents`' connection."""

    def __init__(self, documents: Documents) -> None:
        self.documents = documents
        self.statements = DriverStatements(documents.engine, Shape.statement)
        self.date_param = driver_dates(documents.engine)
        self.speaker_facets = SpeakerFacets(documents)

    def page(self, request: PlainList) -> DocumentPage | None:
        """The page `request` asks for, or None where the stack should answer."""
        query_print = fingerprint("quotes", asdict(request.filters()))
        try:
            position = self.position(request, query_print)
        except InvalidParameter:
            return None  # the stack explains the error
        rows = self.rows(request, position, request.limit + 1)
        versions = {row[0] for row in rows}
        if len(versions) != 1:
            return None  # an empty page, or a reload between the dated and undated parts
        version = versions.pop()
        counts = None
        if request.speaker_facet:
            counts = self.speaker_facets.of_range(request.said_from, request.said_to, version)
            if counts is None:
                return None
        next_cursor = None
        if len(rows) > request.limit:
            rows = rows[: request.limit]
            next_cursor = encode_cursor(query_print, [_iso(rows[-1][2]), rows[-1][1]])
        return DocumentPage(version, [bytes(row[3]) for row in rows], next_cursor, counts)

    def position(self, request: PlainList, query_print: str) -> Position | None:
        if request.cursor is None:
            return None
        lead, key = decode_cursor(request.cursor, query_print, 2)
        if not isinstance(key, str):
            raise InvalidParameter("cursor: not a cursor this API issued")
        return None if lead is None else parse_cursor_date(lead), key

    def rows(self, request: PlainList, position: Position | None, count: int) -> list[Any]:
        """Dated quotes first (by date, then id), then undated ones (by id): as Keyset.fetch."""
        rows: list[Any] = []
        with self.documents.connection() as connection:
            if position is None or position[0] is not None:
                rows = self.part(connection, request, True, position, count)
            if len(rows) < count and not request.dated_only:
                after = position if position is not None and position[0] is None else None
                rows += self.part(connection, request, False, after, count - len(rows))
        return rows

    def part(
        self,
        connection: Any,
        request: PlainList,
        dated: bool,
        after: Position | None,
        count: int,
    ) -> list[Any]:
        shape = Shape(
            dated=dated,
            speaker=request.speaker is not None,
            said_from=request.said_from is not None,
            said_to=request.said_to is not None,
            after=after is not None,
        )
        params: dict[str, Any] = {"count": count}
        if request.speaker is not None:
            params["speaker"] = request.speaker
        if request.said_from is not None:
            params["said_from"] = self.date_param(request.said_from)
        if request.said_to is not None:
            params["said_to"] = self.date_param(request.said_to)
        if after is not None:
            after_on, params["after_id"] = after
            if dated and after_on is not None:
                params["after_on"] = self.date_param(after_on)
        return self.statements[shape].rows(connection, **params)


def _iso(said_on: Any) -> str | None:
    """A said_on as the cursor writes it: SQLite returns the stored text, PostgreSQL a date."""
    return said_on.isoformat() if isinstance(said_on, dt.date) else said_on
