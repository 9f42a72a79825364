"""The query string each route declares: value types whose schema says what the server enforces,
and the parameter models routes take their query in (a name a model does not declare is a 422).
The filters of lists are in app.api.filters."""

import re
from collections.abc import Sequence
from typing import Annotated, Any, Literal

from fastapi import Path, Query
from pydantic import BaseModel, BeforeValidator, ConfigDict, StringConstraints
from pydantic_core import PydanticCustomError

from app.api.deps import LIMIT_DEFAULT, LIMIT_MAX
from app.domain import SLUG_PATTERN
from app.formats.csv_table import BOM_TEXT
from app.formats.negotiation import FORMATS
from app.queries.pagination import PageRequest

ID_MAX = 200
# A cursor is unpadded base64url (app.queries.pagination writes it so); its JSON holds a query's
# fingerprint and a position of at most two values (a date, an id of at most ID_MAX characters).
CURSOR_PATTERN = r"^[A-Za-z0-9_-]+$"
CURSOR_MAX = 1000


def issued_form(value: Any) -> Any:
    """A cursor's characters, checked with the words pagination uses for a cursor it rejects."""
    if isinstance(value, str) and not re.fullmatch(CURSOR_PATTERN, value):
        raise PydanticCustomError("cursor", "not a cursor this API issued")
    return value


CursorValue = Annotated[
    str,
    StringConstraints(pattern=CURSOR_PATTERN, max_length=CURSOR_MAX),
    BeforeValidator(issued_form),
]


def one_of(names: Sequence[str]) -> Any:
    """A Literal of `names`: the schema lists the allowed values and pydantic checks them."""
    return Literal.__getitem__(tuple(names))


def record_id(example: str) -> Any:
    """A record id in the path; the example is a real id, so that "Try it out" finds a record."""
    return Path(
        pattern=SLUG_PATTERN,
        max_length=ID_MAX,
        description="The record's id (a slug: lowercase letters and digits, single hyphens).",
        examples=[example],
        # Parameter-level examples are what Swagger UI fills in for "Try it out".
        openapi_examples={"seed": {"summary": "A record of the seed", "value": example}},
    )


QuoteId = Annotated[str, record_id("fadeev-consultations-insignificant")]
EventId = Annotated[str, record_id("anchorage-summit-2025")]
PositionId = Annotated[str, record_id("zelensky-ceasefire-2025-08-13")]
ActorId = Annotated[str, record_id("vladimir-putin")]
TopicId = Annotated[str, record_id("ceasefire")]
SourceId = Annotated[str, record_id("afp-2025-08-15")]


class QueryModel(BaseModel):
    """A route's whole query string: a name it does not declare is a 422."""

    model_config = ConfigDict(extra="forbid")


def format_schema(schema: dict[str, Any]) -> None:
    """`format`'s schema: the names it accepts (no `null`: a format is given or left out)."""
    schema.clear()
    schema.update({"type": "string", "enum": list(FORMATS), "title": "Format"})


class JsonQuery(QueryModel):
    """The query of a route answering JSON, which app.formats can also render as another type:
    `format` names the type (checked by app.formats.negotiation.negotiate, whose 422 names the
    formats, so the schema only says what it accepts) and `bom` asks CSV for a byte order mark.
    """

    format: str | None = Query(
        None,
        description="Answer as `json` (default), `csv`, `ndjson` or `jsonld`; the same as"
        " `Accept:` application/json, text/csv, application/x-ndjson or application/ld+json."
        " CSV and NDJSON stream every matching record unless `limit` is given.",
        json_schema_extra=format_schema,
        openapi_examples={name: {"value": name, "summary": type} for name, type in FORMATS.items()},
    )
    bom: bool = Query(False, description=BOM_TEXT)


class PageQuery(JsonQuery):
    """The query of a list: a page size and the cursor of the page."""

    limit: int = Query(
        LIMIT_DEFAULT,
        ge=1,
        le=LIMIT_MAX,
        description=f"Items per page (at most {LIMIT_MAX}).",
        examples=[20],
    )
    cursor: CursorValue | None = Query(
        None, description="The `next` value of the previous page; omit for the first page."
    )

    def page(self) -> PageRequest:
        return PageRequest(limit=self.limit, cursor=self.cursor)


class DatedPageQuery(PageQuery):
    """The query of a list in date order, which may be read newest first."""

    sort: Literal["date", "-date"] = Query(
        "date",
        description="`date`: oldest first (the default); `-date`: newest first. Undated records "
        "come last either way. A cursor continues the order it was issued for.",
        examples=["-date"],
    )

    def page(self) -> PageRequest:
        return PageRequest(limit=self.limit, cursor=self.cursor, descending=self.sort == "-date")
