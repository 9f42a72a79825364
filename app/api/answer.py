"""How a data route answers: the media type it negotiates, and the one renderer it hands its
result to (app.formats.render)."""

import functools
from collections.abc import Callable, Sequence
from typing import Any, Concatenate, ParamSpec, TypeVar

from fastapi import Request, Response
from pydantic import BaseModel
from sqlalchemy.orm import Session
from starlette.datastructures import URL

from app.api.deps import problem_responses, read_in_thread, request_session
from app.api.filters import named_ids
from app.api.params import JsonQuery, PageQuery
from app.etags import strong_tag
from app.formats.negotiation import JSON, negotiate
from app.formats.openapi import format_responses
from app.formats.render import P, Snapshot, Target, as_is, respond, stream
from app.formats.shape import shape_of
from app.queries.known_ids import check_ids
from app.queries.pagination import PageRequest
from app.queries.representation import representation

A = ParamSpec("A")
R = TypeVar("R")


def conditional(name: str, description: str) -> dict[str, Any]:
    """A validator header, as the OpenAPI document declares it: read by the conditional-request
    layer (app.http.caching) before the route runs, so the route does not parse it again. No
    example: "Try it out" would send it, and get a 304 with an empty body."""
    return {
        "name": name,
        "in": "header",
        "required": False,
        "description": description,
        "schema": {"type": "string"},
    }


CONDITIONAL_HEADERS = [
    conditional(
        "If-None-Match",
        'ETags of copies held (`W/"..."`, as `ETag` gave them); a match answers 304 Not Modified.',
    ),
    conditional(
        "If-Modified-Since",
        "An HTTP date (`Fri, 15 Aug 2025 23:00:00 GMT`, as `Last-Modified` gave it): answers 304 "
        "if the dataset was loaded at or before it.",
    ),
]


def snapshot_of(request: Request) -> Snapshot:
    """How a stream answering `request` opens its session: a session of its own (the stream
    outlives the request's dependencies), whose first statement notes the dataset version."""

    opened = functools.partial(request_session, request)
    return Snapshot(opened, request.app.state.settings.export_time_budget_ms)


def public_url(request: Request, base: str) -> URL:
    """The request's URL under the public base URL instead of its `Host`."""
    query = request.url.query
    return URL(f"{base}{request.url.path}" + (f"?{query}" if query else ""))


def negotiated(request: Request, query: JsonQuery) -> Target:
    """What this request is answered as; an unknown `format` is a 422, an `Accept` nothing
    offered meets a 406."""
    media = negotiate(query.format, request.headers.get("accept"))
    base = request.app.state.settings.public_base_url
    return Target(
        media=media,
        shape=shape_of(request.scope["route"].response_model),
        path=request.url.path,
        url=public_url(request, base),
        base=base,
        limit_given="limit" in request.query_params,
        snapshot=snapshot_of(request),
        bom=query.bom,
    )


def ids_checked(
    query: BaseModel, read: Callable[Concatenate[Session, A], R]
) -> Callable[Concatenate[Session, A], R]:
    """`read`, in the same session and thread after a check that each id `query` filters on
    names a record (or a record's former id): one that does not is a 422 naming the nearest."""
    named = named_ids(query)
    if not named:
        return read

    def checked(session: Session, /, *args: A.args, **kwargs: A.kwargs) -> R:
        check_ids(session, named)
        return read(session, *args, **kwargs)

    return checked


async def answer_list(
    request: Request,
    query: PageQuery,
    read: Callable[[Session, PageRequest], P],
    fields: Sequence[str] = (),
    json: Callable[[P], Any] = as_is,
) -> Any:
    """A list's answer: the page `query` asks for (as JSON, `json(page)` if given), or, as CSV
    or NDJSON without `limit`, every record from the page's cursor on, streamed; either way
    only once each id it filters on is known to name a record."""
    target, page, read = negotiated(request, query), query.page(), ids_checked(query, read)
    if target.whole_list:
        return await stream(target, read, page.cursor, fields)
    result = await read_in_thread(request_session(request), read, page)
    return respond(target, result, fields, json)


async def answer_record(
    request: Request,
    query: JsonQuery,
    resource: str,
    record_id: str,
    read: Callable[[Session, str], Any],
) -> Any:
    """One record's answer. As JSON, the very bytes a write's If-Match is checked against, with
    their strong ETag (a digest of them); in another type, `read`'s record rendered."""
    target, session = negotiated(request, query), request_session(request)
    if target.media == JSON:
        body = await read_in_thread(session, representation, resource, record_id)
        return Response(body, media_type=JSON, headers={"ETag": strong_tag(body)})
    return respond(target, await read_in_thread(session, read, record_id))


async def answer_read(
    request: Request,
    query: JsonQuery,
    read: Callable[Concatenate[Session, A], Any],
    *args: A.args,
    **kwargs: A.kwargs,
) -> Any:
    """The answer of a route that reads one result (a matrix, the dataset's metadata):
    `read(session, ...)`, rendered in the negotiated media type."""
    target = negotiated(request, query)
    return respond(target, await read_in_thread(request_session(request), read, *args, **kwargs))


def answers(model: Any, *problems: int, ok: dict[str, Any] | None = None) -> dict[int | str, Any]:
    """The documented answers of a route rendered from `model`: its 200 (`ok`) in every format,
    a 304, a 406, and the problems of the statuses `problems`."""
    return {**problem_responses(*problems), **format_responses(model, ok)}


def rendered(model: Any, *problems: int, ok: dict[str, Any] | None = None) -> dict[str, Any]:
    """The `router.get` arguments of a route rendered from answers of `model`: its response
    model and its documented answers."""
    return {
        "response_model": model,
        "responses": answers(model, *problems, ok=ok),
        "openapi_extra": {"parameters": CONDITIONAL_HEADERS},
    }
