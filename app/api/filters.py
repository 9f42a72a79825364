"""The filters a list's query takes: ids of records, which must name records of the dataset, and
dates, which must be written YYYY-MM-DD and make a range that does not end before it starts."""

import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Query
from pydantic import (
    BaseModel,
    BeforeValidator,
    StringConstraints,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from app.api.params import ID_MAX, QueryModel
from app.domain import SLUG_PATTERN


@dataclass(frozen=True)
class Names:
    """Marks a query field whose values are ids of `resource`: the route checks that each names
    a record (app.queries.known_ids), and suggests the nearest ids for one that does not."""

    resource: str


# Any spelling passes here, so that one that is not an id ("Vladimir Putin") still gets the
# nearest ids by name from that check; the schema says what answers other than a 422.
IdValue = Annotated[
    str,
    StringConstraints(max_length=ID_MAX),
    WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN, "maxLength": ID_MAX}),
]
ActorIds = Annotated[list[IdValue] | None, Names("actors")]
TopicIds = Annotated[list[IdValue] | None, Names("topics")]
EventIds = Annotated[list[IdValue] | None, Names("events")]
SourceIds = Annotated[list[IdValue] | None, Names("sources")]


def id_filter(description: str, example: str) -> Any:
    """A repeatable filter on record ids (`?actor=a&actor=b` matches either); its type is one
    of ActorIds, TopicIds... (which say whose ids)."""
    return Query(
        None,
        description=f"{description} Repeat to match any of several. An id that names no record "
        "is a 422 that suggests the nearest ids.",
        examples=[[example]],
        max_length=50,
    )


def named_ids(query: BaseModel) -> dict[str, tuple[str, list[str]]]:
    """The ids `query` filters on, by parameter: {parameter: (resource, ids)}."""
    return {
        field.alias or name: (marker.resource, getattr(query, name))
        for name, field in type(query).model_fields.items()
        for marker in field.metadata
        if isinstance(marker, Names) and getattr(query, name)
    }


ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def written_as_iso_date(value: Any) -> Any:
    """A date must be written YYYY-MM-DD: pydantic alone also takes "0" or "1723680000" (seconds
    since 1970) as a date."""
    if isinstance(value, str) and not ISO_DATE.fullmatch(value):
        raise PydanticCustomError("date_format", "expected a date as YYYY-MM-DD")
    return value


IsoDate = Annotated[dt.date, BeforeValidator(written_as_iso_date)]


def date_bound(description: str, example: str, alias: str | None = None) -> Any:
    """A date filter, written YYYY-MM-DD (its type is `IsoDate | None`)."""
    return Query(None, alias=alias, description=description, examples=[example])


class DateRangeQuery(QueryModel):
    """A query with a date range, `from` (field `date_from`) to `to` (`date_to`), which the
    model declares: a `to` before its `from` is a 422."""

    @field_validator("date_to", check_fields=False)
    @classmethod
    def not_before_start(cls, end: dt.date | None, info: ValidationInfo) -> dt.date | None:
        start = info.data.get("date_from")
        if end is not None and start is not None and end < start:
            raise PydanticCustomError(
                "date_range",
                "must be on or after `from` ({start}), where the range starts",
                {"start": start.isoformat()},
            )
        return end
