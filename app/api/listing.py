"""Parameters and answers shared by the quote and event lists: `q`, `facet`, `include`, `fields`."""

from collections.abc import Sequence
from typing import Any

import orjson
from fastapi import Query
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, TypeAdapter

from app.api.answer import rendered
from app.api.params import one_of
from app.queries.facets import COUNTINGS, check_names
from app.queries.listing import INCLUDES, QuoteDocumentPage, check_includes
from app.schemas.views import Facets, Included


def listing_names(resource: str, model: type[BaseModel]) -> tuple[Any, Any, Any]:
    """The Literals of the facet, include and field names a list of `resource` takes."""
    return (
        one_of(list(COUNTINGS[resource])),
        one_of(INCLUDES[resource]),
        one_of(list(model.model_fields)),
    )


def asked_extras(resource: str, facet: Any, include: Any) -> tuple[list[str], list[str]]:
    """The facet and include names asked for, deduplicated."""
    return check_names(resource, facet or []), check_includes(resource, include or [])


def search_filter() -> Any:
    """A `?q=` filter: only records matching a search, the list keeping its own order."""
    return Query(
        None,
        min_length=1,
        max_length=500,
        description="Only records matching this search (same language and matching as "
        '`/v1/search`: `"a phrase"`, `prefix*`, `AND`, `OR`, `NOT`; words in any form, names as '
        "written, the dataset's other spellings); the list keeps its usual date order.",
        examples=["ceasefire"],
    )


def facet_query(resource: str) -> Any:
    """A `?facet=` parameter for `resource`: its type is `list[one_of(COUNTINGS[resource])]`."""
    return Query(
        None,
        description=f"Count the whole filtered list by: {', '.join(COUNTINGS[resource])}. Repeat "
        "for several; the counts come back in `facets`.",
        examples=[[next(iter(COUNTINGS[resource]))]],
        max_length=10,
    )


def include_query(resource: str) -> Any:
    """An `?include=` parameter for `resource` (one level deep): `list[one_of(INCLUDES[...])]`."""
    known = INCLUDES[resource]
    return Query(
        None,
        description=f"Embed related records in `included` (one level deep): {', '.join(known)}.",
        examples=[[known[0]]],
        max_length=5,
    )


def fields_query(model: type[BaseModel]) -> Any:
    """A sparse `?fields=` parameter for lists of `model`: `list[one_of(model.model_fields)]`."""
    known = list(model.model_fields)
    return Query(
        None,
        description="Only these fields of each item (repeat for several; `id` is always kept): "
        f"{', '.join(known)}.",
        examples=[[known[1], known[2]]],
        max_length=len(known),
    )


def kept_fields(given: Sequence[str] | None) -> list[str]:
    """The fields asked for, `id` first, deduplicated; none asked for: the whole items."""
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
