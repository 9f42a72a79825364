"""Who may write: the API key a request sends as `Authorization: Bearer <key>`.

The key is looked up on every request (app.keys.find_key), so a revoked key is refused from the
very next one. Reads stay public; routes that change the knowledge take `WriteKey` (or
`AdminKey`), and a route whose answer depends on who asks takes `OptionalKey`.
"""

from collections.abc import Awaitable, Callable
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool

from app.domain import KeyScope
from app.errors import Forbidden, Unauthorized
from app.keys import KeyHolder, find_key

# The scheme /docs offers under "Authorize". Without auto_error a missing key reaches our own
# answer (a problem with its challenge) instead of FastAPI's.
BEARER = HTTPBearer(
    scheme_name="apiKey",
    bearerFormat="summitkb key",
    description="An API key made by `summitkb keys create`, sent as `Authorization: Bearer <key>`.",
    auto_error=False,
)

Credentials = Annotated[HTTPAuthorizationCredentials | None, Security(BEARER)]


def key_holder(engine: Engine, token: str) -> KeyHolder | None:
    with engine.connect() as connection:
        return find_key(connection, token)


async def sent_key(request: Request, credentials: Credentials) -> KeyHolder | None:
    """The holder of the key the request sent, or None if it sent none: 401 for a key that is
    unknown or revoked."""
    if credentials is None:
        return None
    engine = request.app.state.engine
    holder = await run_in_threadpool(key_holder, engine, credentials.credentials)
    if holder is None:
        raise Unauthorized("the API key is unknown or has been revoked", key_sent=True)
    return holder


def requiring(needed: KeyScope) -> Callable[..., Awaitable[KeyHolder]]:
    """A dependency that answers the holder of a key whose scope covers `needed`."""

    async def key_of_scope(holder: Annotated[KeyHolder | None, Depends(sent_key)]) -> KeyHolder:
        if holder is None:
            detail = "this request needs an API key, sent as `Authorization: Bearer <key>`"
            raise Unauthorized(detail, key_sent=False)
        if not holder.may(needed):
            sent = holder.scope.value
            detail = f"this request needs a key of scope {needed.value!r}; the key sent is {sent!r}"
            raise Forbidden(detail, needed=needed.value)
        return holder

    return key_of_scope


WriteKey = Annotated[KeyHolder, Security(requiring(KeyScope.WRITE))]
AdminKey = Annotated[KeyHolder, Security(requiring(KeyScope.ADMIN))]
OptionalKey = Annotated[KeyHolder | None, Security(sent_key)]
