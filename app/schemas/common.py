"""Shapes shared by every resource: citations, references, pages, problems."""

import datetime as dt
from http import HTTPStatus
from typing import Annotated, Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

from app.domain import Precision

T = TypeVar("T")
PROBLEM_JSON = "application/problem+json"


class Schema(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class ArticleRef(Schema):
    """The article (or dated update) of the source's document that holds a citation's excerpt."""

    id: str = Field(
        description="The article's id, unique within its source.",
        examples=["all-accumulated-issues"],
    )
    title: str = Field(
        examples=["Trump, Putin to discuss 'all accumulated issues' in Alaska, Russia says"]
    )
    published_on: dt.date = Field(
        description='The day the article was published: the day its relative dates ("on '
        'Tuesday", "today") are counted from.',
        examples=["2025-08-14"],
    )


class CitationRead(Schema):
    """Where a fact is written: a verbatim excerpt of a source and its offsets in the source's text.

    Offsets count Unicode code points from the start of the stored text (`GET
    /v1/sources/{source_id}/text`), end exclusive, so `text[start:end] == excerpt` in Python.
    JavaScript strings count UTF-16 code units: convert before slicing there (`Array.from(text)`).
    The excerpt lies in one article of the source's document (`article`), whose range is listed
    with the source (`GET /v1/sources/{source_id}`).
    """

    source_id: str = Field(examples=["chinadaily-2025-08-14"])
    source_title: str = Field(
        examples=["Trump, Putin to discuss 'all accumulated issues' in Alaska, Russia says"]
    )
    publisher: str = Field(examples=["China Daily"])
    published_on: dt.date = Field(
        description="The day the cited article was published (`article.published_on`).",
        examples=["2025-08-14"],
    )
    article: ArticleRef = Field(description="The article of the source that holds the excerpt.")
    excerpt: str = Field(description="The verbatim words of the source that support the fact.")
    start: int = Field(description="Offset of the excerpt's first code point.", examples=[495])
    end: int = Field(description="Offset just past the excerpt's last code point.", examples=[535])
    words: str | None = Field(
        default=None,
        description="For a quote the excerpt reports in part: the words of the quote it holds "
        "(otherwise it holds the quote's whole text).",
        examples=[None],
    )


class Ref(Schema):
    """A link to another record: its id and a human-readable name."""

    id: str = Field(examples=["alexey-fadeev"])
    name: str = Field(examples=["Alexey Fadeev"])


Cited = Annotated[list[CitationRead], Field(description="The sources that support this record.")]

DateOn = Annotated[
    dt.date | None,
    Field(description="First day of the period the date names; null when unknown."),
]
DatePrecision = Annotated[
    Precision,
    Field(description="How precisely the date is known: day, week, month, year or unknown."),
]


# A date and time with no UTC offset, as a source prints it: not an RFC 3339 `date-time`.
LocalDateTime = Annotated[
    dt.datetime,
    WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$"}),
]


class Page(BaseModel, Generic[T]):
    """One page of a list, and the cursor of the next page."""

    items: list[T] = Field(description="The records of this page, in the list's order.")
    next: str | None = Field(
        description="Opaque cursor of the next page (pass back as `?cursor=`); null on the last."
    )


class ParameterError(BaseModel):
    """One invalid parameter of a request."""

    location: str = Field(examples=["query.limit"])
    message: str = Field(examples=["Input should be greater than or equal to 1"])


class Problem(BaseModel):
    """An RFC 9457 problem details body: every error of this API has this shape."""

    type: str = Field(default="about:blank", examples=["about:blank"])
    title: str = Field(examples=["Not Found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["no quote with id 'no-such-quote'"])
    instance: str = Field(examples=["/v1/quotes/no-such-quote"])
    errors: list[ParameterError] = Field(
        default_factory=list, description="On a 422: each invalid parameter and what is wrong."
    )


def problem_body(status: int, detail: str, instance: str, **extra: Any) -> dict[str, Any]:
    """The body of an RFC 9457 problem answer (a `Problem`)."""
    return {
        "type": "about:blank",
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": instance,
        **extra,
    }


def problem_response(
    description: str, status: int, detail: str, instance: str, **extra: Any
) -> dict[str, Any]:
    """The OpenAPI entry of a problem answer, with an example body of its own status: without
    one, Swagger UI shows for every status the one body it builds from the fields' examples."""
    example = problem_body(status, detail, instance, **extra)
    schema = {"$ref": "#/components/schemas/Problem"}
    return {
        "description": description,
        "content": {PROBLEM_JSON: {"schema": schema, "example": example}},
    }
