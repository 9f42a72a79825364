"""X-Dataset-Version: the version of the dataset an answer was read from.

The session dependency reads the version as the first statement of the request's transaction,
so the header names the snapshot the answer itself came from, even while a reload commits.
"""

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEADER = "X-Dataset-Version"


class DatasetVersionHeader:
    """Set X-Dataset-Version on answers whose route read the database."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_version(message: Message) -> None:
            version = scope.get("state", {}).get("dataset_version")
            if message["type"] == "http.response.start" and version is not None:
                MutableHeaders(scope=message)[HEADER] = version
            await send(message)

        await self.app(scope, receive, send_with_version)
