"""Routes for tests of the auth dependencies alone: each says who asked, or refuses."""

from typing import Any

from fastapi import APIRouter
from sqlalchemy import create_engine

from app.api.auth import AdminKey, OptionalKey, WriteKey
from app.domain import KeyScope
from app.keys import create_key

PROBE = "/v1/auth-probe"


def probe_router() -> APIRouter:
    router = APIRouter()

    @router.post(PROBE + "/write")
    async def write(holder: WriteKey) -> dict[str, Any]:
        return {"name": holder.name, "scope": holder.scope}

    @router.post(PROBE + "/admin")
    async def admin(holder: AdminKey) -> dict[str, Any]:
        return {"name": holder.name, "scope": holder.scope}

    @router.get(PROBE + "/optional")
    async def optional(holder: OptionalKey) -> dict[str, Any]:
        return {"name": None if holder is None else holder.name}

    return router


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def make_key(url: str, name: str, scope: KeyScope) -> str:
    """A new key in the database at `url`: its token."""
    engine = create_engine(url)
    with engine.begin() as connection:
        token = create_key(connection, name, scope)
    engine.dispose()
    return token
