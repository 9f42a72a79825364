"""Validators and cache headers: ETag, Last-Modified, Cache-Control, X-Dataset-Version, 304s.

Within one dataset version every answer is a function of the request, so the ETag is a digest of
the dataset version, the API version, the method, path, sorted query and negotiated media type:
a matching `If-None-Match` is answered 304 without running the route at all. Tags are weak, as a
gzip and an identity body are the same representation. (A single record's own strong tag, set by
its route, is kept; gzip gives it the suffix of its coding, app.etags.) Successful answers may be
cached for a short while and must then be revalidated; errors, and answers to a request that sent
a key (`Authorization`), are never stored. Only the API's data (under /v1/) gets validators:
health and metrics answers change by the second.
"""

import datetime as dt
import functools
import hashlib
from collections.abc import Callable
from email.utils import format_datetime, parsedate_to_datetime
from urllib.parse import parse_qsl

from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.errors import DomainError
from app.etags import uncoded
from app.formats.negotiation import negotiate
from app.http.dataset_stamp import DatasetStamp, Stamp
from app.http.raw_headers import edit_headers, header

CONDITIONAL_METHODS = {"GET", "HEAD"}
DATA_PREFIX = "/v1/"


def entity_tag(version: str, api_version: str, scope: Scope, accept: str | None) -> str:
    """The weak ETag of the answer to `scope` from dataset `version`."""
    query = sorted(parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True))
    try:
        media = negotiate(dict(query).get("format"), accept)
    except DomainError:
        media = f"unacceptable:{accept}"
    method = "GET" if scope["method"] == "HEAD" else scope["method"]  # HEAD: the GET's tag
    key = repr((version, api_version, method, scope["path"], query, media))
    return f'W/"{hashlib.sha256(key.encode()).hexdigest()[:32]}"'


def _opaque(tag: str) -> str:
    """The tag as weak comparison reads it: weak or strong, identity or gzip coding alike."""
    return uncoded(tag.strip().removeprefix("W/"))


def none_match(header: str, tag: str) -> bool:
    """True if `tag` is among the tags of an If-None-Match header (weak comparison)."""
    return any(_opaque(candidate) == _opaque(tag) for candidate in header.split(","))


def not_modified_since(header: str, stamp: Stamp) -> bool:
    try:
        since = parsedate_to_datetime(header)
    except (TypeError, ValueError, OverflowError):  # not an HTTP-date: ignored (RFC 9110 13.1.3)
        return False
    if since.tzinfo is None:
        return False
    return stamp.loaded_at.replace(microsecond=0) <= since


class Caching:
    """Add validators and cache headers to GET answers; answer 304 where the client is current."""

    def __init__(self, app: ASGIApp, stamp: DatasetStamp, build: Callable[[], str], max_age: int):
        self.app = app
        self.stamp = stamp
        self.build = build
        self.cache_control = cache_control(max_age)
        self.raw_cache_control = self.cache_control.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # Only data answers wait for a fresh stamp: health and pages never wait on the database.
        stamp = await self.stamp.current() if _is_data(scope) else self.stamp.stamp
        headers = Headers(scope=scope)
        if "authorization" in headers:
            send = no_store(send)
        tag = None
        if stamp is not None and _is_data(scope):
            tag = entity_tag(stamp.version, self.build(), scope, headers.get("accept"))
            if holds_tag(headers, tag):
                await self.not_modified(stamp, tag)(scope, receive, send)
                return
        current = stamp is not None and tag is not None and holds_any(headers, stamp)
        await self.app(scope, receive, self.sender(scope, send, stamp, tag, current))

    def validators(self, stamp: Stamp, tag: str) -> dict[str, str]:
        return {
            "ETag": tag,
            "Last-Modified": http_date(stamp.loaded_at),
            "Cache-Control": self.cache_control,
        }

    def raw_validators(self, stamp: Stamp, tag: str) -> dict[bytes, bytes]:
        """`validators`, as raw headers."""
        return {
            b"etag": tag.encode(),
            b"last-modified": http_date(stamp.loaded_at).encode(),
            b"cache-control": self.raw_cache_control,
        }

    def retag(self, scope: Scope, version: str, stamp: Stamp, tag: str) -> str:
        """The tag for `version`, the dataset the answer was read from (the cached stamp may be
        up to `ttl` behind a reload)."""
        if version == stamp.version:
            return tag
        accept = Headers(scope=scope).get("accept")
        return entity_tag(version, self.build(), scope, accept)

    def not_modified(self, stamp: Stamp, tag: str) -> Response:
        headers = {**self.validators(stamp, tag), "X-Dataset-Version": stamp.version}
        # A 304 names what its 200 varies on (RFC 9110, 15.4.5). It is answered here, inside
        # gzip's layer, so it says Accept-Encoding itself.
        return Response(status_code=304, headers={**headers, "Vary": "Accept, Accept-Encoding"})

    def sender(
        self, scope: Scope, send: Send, stamp: Stamp | None, tag: str | None, current: bool
    ) -> Send:
        """`send`, adding the headers; if the client's copy is `current`, a 2xx becomes a 304."""
        swallow = False

        async def send_with_headers(message: Message) -> None:
            nonlocal swallow
            if message["type"] == "http.response.start":
                status = message["status"]
                version = answer_version(scope, stamp)
                replace = {} if version is None else {b"x-dataset-version": version.encode()}
                if stamp is not None and tag is not None and 200 <= status < 300:
                    own_tag = header(message.get("headers") or [], b"etag")
                    answer_tag = (
                        own_tag.decode()
                        if own_tag
                        else self.retag(scope, version or stamp.version, stamp, tag)
                    )
                    defaults = self.raw_validators(stamp, answer_tag)
                    edit_headers(message, replace, defaults, vary=b"Accept")
                    if current or holds_tag(Headers(scope=scope), answer_tag):
                        swallow = True
                        await self.not_modified(stamp, answer_tag)(scope, _no_receive, send)
                        return
                else:
                    if status >= 400:
                        replace[b"cache-control"] = b"no-store"
                    edit_headers(message, replace)
            if not swallow:
                await send(message)

        return send_with_headers


def no_store(send: Send) -> Send:
    """`send`, marking the answer never to be stored: it answers a request that sent a key, so
    it may hold what only a key may read, and no cache may hand it to anyone else."""

    async def send_no_store(message: Message) -> None:
        if message["type"] == "http.response.start":
            edit_headers(message, {b"cache-control": b"no-store"})
        await send(message)

    return send_no_store


def cache_control(max_age: int) -> str:
    """Cache-Control of a successful data answer: reusable for `max_age` s, then revalidated."""
    return f"public, max-age={max_age}, must-revalidate"


@functools.lru_cache(maxsize=8)
def http_date(moment: dt.datetime) -> str:
    """`moment` as an HTTP date; the same few load times are formatted again and again."""
    return format_datetime(moment.astimezone(dt.UTC), usegmt=True)


def answer_version(scope: Scope, stamp: Stamp | None) -> str | None:
    """The dataset version of the answer: the one its route read, where it read one (see
    app.api.deps.note_dataset_version), else the process's cached stamp."""
    version: str | None = scope.get("state", {}).get("dataset_version")
    if version is None and stamp is not None:
        version = stamp.version
    return version


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


def _is_data(scope: Scope) -> bool:
    """Answers that depend on the dataset alone (not health, metrics or pages)."""
    return scope["method"] in CONDITIONAL_METHODS and str(scope["path"]).startswith(DATA_PREFIX)


def holds_tag(headers: Headers, tag: str) -> bool:
    """Whether If-None-Match names `tag`: then the route need not run, since the tag was issued
    for a 2xx answer to this very request from this very dataset."""
    if_none_match = headers.get("if-none-match")
    return (
        if_none_match is not None
        and if_none_match.strip() != "*"
        and none_match(if_none_match, tag)
    )


def holds_any(headers: Headers, stamp: Stamp) -> bool:
    """Whether the client holds some current copy (`If-None-Match: *`, or If-Modified-Since at
    or after the load when there is no If-None-Match). Only a 2xx answer becomes a 304 then
    (RFC 9110 13.2.1), so bad parameters are still a 422."""
    if_none_match = headers.get("if-none-match")
    if if_none_match is not None:
        return if_none_match.strip() == "*"
    if_modified_since = headers.get("if-modified-since")
    return bool(if_modified_since) and not_modified_since(if_modified_since or "", stamp)
