"""CORS for the origins in settings; a page from any other origin gets no CORS headers at all."""

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.types import Message, Send


class AllowedOriginsCORS(CORSMiddleware):
    """Starlette's CORS, except that it tells a disallowed origin nothing (not even what it
    would expose), as if the request had come with no `Origin`."""

    async def send(self, message: Message, send: Send, request_headers: Headers) -> None:
        origin = request_headers.get("Origin")
        if origin is not None and not self.is_allowed_origin(origin=origin):
            request_headers = Headers(
                raw=[(k, v) for k, v in request_headers.raw if k.lower() != b"origin"]
            )
        await super().send(message, send, request_headers)
