"""What every write reads of its request before the write itself: the origin it comes from, the
JSON body (415 if not sent as JSON, 422 if not JSON), `If-Match` (428 without); and how a write
is run and answered."""

from collections.abc import Callable
from typing import Annotated, Any, Protocol, TypeVar
from urllib.parse import urlsplit

import orjson
from fastapi import Depends, Header, Query, Request
from fastapi.responses import Response
from sqlalchemy import Connection
from starlette.concurrency import run_in_threadpool

from app.api.auth import WriteKey
from app.api.params import QueryModel
from app.curation import Deleted, Written, in_write
from app.curation.check import BODY, Rejected
from app.errors import CrossOrigin, PreconditionRequired, UnsupportedMediaType
from app.keys import KeyHolder
from app.loader.problems import Problem
from app.schemas.writes import BatchWritten, WrittenRecord
from app.write_limit import WriteRate, take_write


class Versioned(Protocol):
    """What a write leaves: the dataset version it made."""

    @property
    def version(self) -> str: ...


V = TypeVar("V", bound=Versioned)
T = TypeVar("T")
JSON = "application/json"
MERGE_PATCH = "application/merge-patch+json"


class WriteQuery(QueryModel):
    summary: str | None = Query(
        None,
        min_length=1,
        max_length=500,
        description="An edit summary: why the change is made, kept with its revision.",
        examples=["From the syndicated copy of the AFP report"],
    )


Summary = Annotated[WriteQuery, Query()]
IfMatch = Annotated[
    str | None,
    Header(
        description="The `ETag` of the record as last read (`GET` of the record, or the answer "
        "of the last write): the edit is made only if it is still current (else 412). A weak tag "
        '(`W/"..."`) never matches.'
    ),
]


async def within_write_rate(request: Request, holder: WriteKey) -> KeyHolder:
    """The holder of a write key that has a write left to spend (else 429, app.write_limit)."""
    settings = request.app.state.settings
    if settings.write_rate_per_minute:
        rate = WriteRate(settings.write_rate_per_minute, settings.write_burst)
        wait_s = settings.write_lock_wait_ms / 1000
        await run_in_threadpool(
            in_write,
            request.app.state.write_engine,
            wait_s,
            lambda connection: take_write(connection, holder.name, rate),
        )
    return holder


# The holder of the key a write is made with, once it is known to be a write key within its rate.
Writer = Annotated[KeyHolder, Depends(within_write_rate)]


def refuse_cross_origin(request: Request) -> None:
    """A write sent from another origin than the API's own is refused unless listed."""
    origin = request.headers.get("origin")
    if origin is None:
        return
    settings = request.app.state.settings
    own = {_origin(settings.public_base_url), f"{request.url.scheme}://{request.url.netloc}"}
    if origin not in own and origin not in settings.cors_write_origins:
        raise CrossOrigin(f"writes from the origin {origin!r} are not allowed")


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


async def json_body(request: Request, *accepted: str) -> Any:
    """The body, parsed as JSON: 415 unless its type is one of `accepted`, 422 if not JSON."""
    media = request.headers.get("content-type", "").partition(";")[0].strip().lower()
    if media not in accepted:
        raise UnsupportedMediaType(
            f"send the body as {' or '.join(accepted)}", accepted=list(accepted)
        )
    try:
        return orjson.loads(await request.body())
    except orjson.JSONDecodeError as error:
        raise Rejected([Problem(BODY, 0, "", f"not JSON: {error}")]) from None


def required_tag(if_match: str | None) -> str:
    if if_match is None or not if_match.strip():
        raise PreconditionRequired(
            "an edit or a delete needs If-Match: the ETag of the record as last read"
        )
    return if_match


async def run_writes(
    request: Request, work: Callable[[Connection], list[Written]]
) -> list[Written]:
    """Run `work` in one write transaction (in a worker thread); the answer then carries the
    dataset version its last write made, and this process reads its validators again."""
    return await _run(request, work, lambda written: written[-1].version)


async def run_write(request: Request, work: Callable[[Connection], V]) -> V:
    """Run `work`, one write (a record made, edited or deleted), as `run_writes` runs a batch."""
    return await _run(request, work, lambda done: done.version)


async def _run(request: Request, work: Callable[[Connection], T], version: Callable[[T], str]) -> T:
    app = request.app
    wait_s = app.state.settings.write_lock_wait_ms / 1000
    done = await run_in_threadpool(in_write, app.state.write_engine, wait_s, work)
    request.state.dataset_version = version(done)
    app.state.stamp.forget()
    return done


def written_answer(request: Request, written: Written, status: int) -> Response:
    """The record as the write left it, with its strong ETag and its address."""
    headers = {
        "ETag": written.etag,
        "Location": location(request, written),
        "Cache-Control": "no-store",
    }
    return Response(written.body, status_code=status, media_type=JSON, headers=headers)


def batch_answer(request: Request, written: list[Written]) -> Response:
    """What a batch wrote: each record's id, revision, ETag and address, in order."""
    records = [
        WrittenRecord(
            resource=w.resource,
            id=w.record_id,
            revision=w.revision or 0,
            etag=w.etag,
            location=location(request, w),
        )
        for w in written
    ]
    body = orjson.dumps(BatchWritten(written=records).model_dump(mode="json"))
    return Response(body, status_code=201, media_type=JSON, headers={"Cache-Control": "no-store"})


def location(request: Request, written: Written) -> str:
    base = request.app.state.settings.public_base_url
    return f"{base}/v1/{written.resource}/{written.record_id}"


def deleted_answer(_deleted: Deleted) -> Response:
    """No content: the record is gone (`GET` of it now answers 410)."""
    return Response(status_code=204, headers={"Cache-Control": "no-store"})
