"""Gzip for clients that ask for it, and a direct path for those that do not."""

import zlib

from starlette.middleware.gzip import GZipMiddleware
from starlette.types import Message, Receive, Scope, Send

from app.etags import coded
from app.http.raw_headers import RawHeaders, edit_headers, header

GZIP_LEVEL = 6
# Larger bodies are compressed in a worker thread (GZip's `thread_minimum_size`).
INLINE_GZIP_MAXIMUM = 128 * 1024


def gzip_body(body: bytes) -> bytes:
    """`body` gzipped as GZip (Starlette's GZipResponder) gzips a whole body, byte for byte."""
    compressor = zlib.compressobj(GZIP_LEVEL, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return compressor.compress(body) + compressor.flush()


def accepts_gzip(scope: Scope) -> bool:
    return any(name == b"accept-encoding" and b"gzip" in value for name, value in scope["headers"])


class GZip(GZipMiddleware):
    """Starlette's gzip middleware, without its per-response bookkeeping when the client does
    not accept gzip: the answer then goes out as it is, with `Vary: Accept-Encoding` (a client
    that accepted gzip could have had another encoding of it)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        if accepts_gzip(scope):
            await super().__call__(scope, receive, tag_the_coding(scope, send))
            return

        async def send_with_vary(message: Message) -> None:
            if message["type"] == "http.response.start":
                edit_headers(message, vary=b"Accept-Encoding")
            await send(message)

        await self.app(scope, receive, send_with_vary)


def tag_the_coding(scope: Scope, send: Send) -> Send:
    """`send`, giving a gzipped answer's strong ETag the suffix of its coding (app.etags); a 304
    keeps the form of the tag the client sent, as its 200 would have had it."""

    async def send_coded_tag(message: Message) -> None:
        if message["type"] == "http.response.start":
            raw = message.get("headers") or []
            tag = (header(raw, b"etag") or b"").decode("latin-1")
            if tag and not tag.startswith("W/") and _sent_coded(scope, raw, message, tag):
                edit_headers(message, {b"etag": coded(tag).encode("latin-1")})
        await send(message)

    return send_coded_tag


def _sent_coded(scope: Scope, raw: RawHeaders, message: Message, tag: str) -> bool:
    if message["status"] == 304:
        if_none_match = header(scope["headers"], b"if-none-match") or b""
        return coded(tag) in if_none_match.decode("latin-1")
    return header(raw, b"content-encoding") == b"gzip"
