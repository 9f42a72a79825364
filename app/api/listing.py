"""Parameters shared by the quote and event lists: `q`, `facet`, `include` and `fields`."""

from collections.abc import Awaitable, Callable, Sequence
from typing import Annotated, Any, Literal

import orjson
from fastapi import Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, TypeAdapter

from app.api.answer import rendered
from app.queries.facets import COUNTINGS, check_names
from app.queries.listing import INCLUDES, QuoteDocumentPage, check_includes
from app.schemas.views import Facets, Included

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


def one_of(names: Sequence[str]) -> Any:
    """A Literal of `names`, so that the schema lists the allowed values and FastAPI checks them."""
    return Literal.__getitem__(tuple(names))


def facet_param(resource: str) -> Callable[..., Awaitable[list[str]]]:
    """A `?facet=` dependency for `resource`; unknown names are a 422."""
    known = ", ".join(COUNTINGS[resource])
    FacetName = one_of(list(COUNTINGS[resource]))  # noqa: N806 (a type)

    async def facet(
        facet: Annotated[
            list[FacetName] | None,  # type: ignore[valid-type]  # a Literal built at run time
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


def include_param(resource: str) -> Callable[..., Awaitable[list[str]]]:
    """An `?include=` dependency for `resource` (one level deep); other names are a 422."""
    known = ", ".join(INCLUDES[resource])
    IncludeName = one_of(INCLUDES[resource])  # noqa: N806 (a type)

    async def include(
        include: Annotated[
            list[IncludeName] | None,  # type: ignore[valid-type]  # a Literal built at run time
            Query(
                description=f"Embed related records in `included` (one level deep): {known}.",
                examples=[[INCLUDES[resource][0]]],
                max_length=5,
            ),
        ] = None,
    ) -> list[str]:
        return check_includes(resource, include or [])

    return include


def fields_param(model: type[BaseModel]) -> Callable[..., Awaitable[list[str]]]:
    """A sparse `?fields=` dependency for lists of `model`; `id` is always kept."""
    known = list(model.model_fields)
    FieldName = one_of(known)  # noqa: N806 (a type)

    async def fields(
        fields: Annotated[
            list[FieldName] | None,  # type: ignore[valid-type]  # a Literal built at run time
            Query(
                description="Only these fields of each item (repeat for several; `id` is always "
                f"kept): {', '.join(known)}.",
                examples=[[known[1], known[2]]],
                max_length=len(known),
            ),
        ] = None,
    ) -> list[str]:
        return _checked_fields(fields or [], known)

    return fields


def _checked_fields(given: list[str], known: list[str]) -> list[str]:
    return list(dict.fromkeys(["id", *given])) if given else []


def list_rendered(page: type[BaseModel], answer: type[BaseModel]) -> dict[str, Any]:
    """The `router.get` arguments of a list of `page`s: whole or sparse pages (`answer`) in
    every format, or a 422 problem."""
    return rendered(page, 422, ok={"model": answer, "description": "A page of the list."})


def sparse(page: BaseModel, fields: Sequence[str]) -> Any:
    """The page as is, or, with `fields`, a JSON body whose items keep only those fields."""
    if not fields:
        return page
    body = page.model_dump(
        mode="json",
        include={"items": {"__all__": set(fields)}, "next": True, "facets": True, "included": True},
    )
    return JSONResponse(body)


FACETS = TypeAdapter(Facets | None)
INCLUDED = TypeAdapter(Included | None)


def document_page(page: QuoteDocumentPage, fields: Sequence[str]) -> Response:
    """The page as JSON, its items spliced in as stored (or, with `fields`, cut down to those)."""
    items: list[Any] = [orjson.Fragment(document) for document in page.items]
    if fields:
        items = [_kept(orjson.loads(document), fields) for document in page.items]
    facets = FACETS.dump_python(page.facets, mode="json")
    included = INCLUDED.dump_python(page.included, mode="json")
    return Response(page_json(items, page.next, facets, included), media_type="application/json")


def page_json(
    items: Sequence[Any], next_cursor: str | None, facets: Any = None, included: Any = None
) -> bytes:
    """A list page's body; stored documents (bytes) are spliced in as they are."""
    spliced = [orjson.Fragment(item) if isinstance(item, bytes) else item for item in items]
    body = {"items": spliced, "next": next_cursor, "facets": facets, "included": included}
    return orjson.dumps(body)


def _kept(item: dict[str, Any], fields: Sequence[str]) -> dict[str, Any]:
    return {name: value for name, value in item.items() if name in fields}
