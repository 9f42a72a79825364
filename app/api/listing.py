"""Parameters shared by the quote and event lists: `q`, `facet`, `include` and `fields`."""

from collections.abc import Callable, Sequence
from typing import Annotated, Any

from fastapi import Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, StringConstraints

from app.errors import InvalidParameter
from app.queries.facets import COUNTINGS, check_names
from app.queries.listing import INCLUDES, check_includes

SearchFilter = Annotated[
    str | None,
    Query(
        min_length=1,
        max_length=500,
        description='Only records matching this search (same language as `/v1/search`: `"a '
        'phrase"`, `prefix*`, `AND`, `OR`, `NOT`); the list keeps its usual date order.',
        examples=["ceasefire"],
    ),
]
Name = Annotated[str, StringConstraints(max_length=64)]


def facet_param(resource: str) -> Callable[..., list[str]]:
    """A `?facet=` dependency for `resource`; unknown names are a 422."""
    known = ", ".join(COUNTINGS[resource])

    def facet(
        facet: Annotated[
            list[Name] | None,
            Query(
                description=f"Count the whole filtered list by: {known}. Repeat for several; "
                "the counts come back in `facets`.",
                examples=[[next(iter(COUNTINGS[resource]))]],
                max_length=10,
            ),
        ] = None,
    ) -> list[str]:
        return check_names(resource, facet or [])

    return facet


def include_param(resource: str) -> Callable[..., list[str]]:
    """An `?include=` dependency for `resource`; unknown or nested names are a 422."""
    known = ", ".join(INCLUDES[resource])

    def include(
        include: Annotated[
            list[Name] | None,
            Query(
                description=f"Embed related records in `included` (one level deep): {known}.",
                examples=[[INCLUDES[resource][0]]],
                max_length=5,
            ),
        ] = None,
    ) -> list[str]:
        return check_includes(resource, include or [])

    return include


def fields_param(model: type[BaseModel]) -> Callable[..., list[str]]:
    """A sparse `?fields=` dependency for lists of `model`; `id` is always kept."""
    known = list(model.model_fields)

    def fields(
        fields: Annotated[
            list[Name] | None,
            Query(
                description="Only these fields of each item (comma-separated or repeated; `id` "
                f"is always kept): {', '.join(known)}.",
                examples=[["text,speaker"]],
                max_length=len(known),
            ),
        ] = None,
    ) -> list[str]:
        return _checked_fields(fields or [], known)

    return fields


def _checked_fields(given: list[str], known: list[str]) -> list[str]:
    names = [name.strip() for value in given for name in value.split(",") if name.strip()]
    for name in names:
        if name not in known:
            raise InvalidParameter(
                f"fields: unknown field {name!r}; use some of {', '.join(known)}"
            )
    return list(dict.fromkeys(["id", *names])) if names else []


def sparse(page: BaseModel, fields: Sequence[str]) -> Any:
    """The page as is, or, with `fields`, a JSON body whose items keep only those fields."""
    if not fields:
        return page
    body = page.model_dump(
        mode="json",
        include={"items": {"__all__": set(fields)}, "next": True, "facets": True, "included": True},
    )
    return JSONResponse(body)
