"""API keys: made once and shown once, stored only as a SHA-256 hash of the token, found by
that hash, revoked by name. The token is 256 random bits, so a plain hash is as strong as a slow
one and lets a key be looked up in one indexed read."""

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.exc import IntegrityError

from app.db.models import ApiKey
from app.domain import KeyScope

TOKEN_PREFIX = "skb_"


@dataclass(frozen=True)
class KeyHolder:
    """Who sent a request with a valid key: the key's name (the author of its revisions)."""

    name: str
    scope: KeyScope

    def may(self, needed: KeyScope) -> bool:
        return self.scope == KeyScope.ADMIN or self.scope == needed


@dataclass(frozen=True)
class KeyListing:
    name: str
    scope: KeyScope
    created_at: dt.datetime
    revoked_at: dt.datetime | None


class NameTaken(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(f"a key named {name!r} exists already")


class NoSuchKey(Exception):
    def __init__(self, name: str) -> None:
        super().__init__(f"no active key is named {name!r}")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_key(connection: Connection, name: str, scope: KeyScope) -> str:
    """Store a new key's hash under `name` and return its token: the only time it is shown."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = {
        "name": name,
        "scope": scope,
        "token_hash": token_hash(token),
        "created_at": dt.datetime.now(dt.UTC),
    }
    try:
        with connection.begin_nested():
            connection.execute(insert(ApiKey), row)
    except IntegrityError as error:
        raise NameTaken(name) from error
    return token


def find_key(connection: Connection, token: str) -> KeyHolder | None:
    """The holder of `token` if it is a key that has not been revoked; read on every request,
    so a revocation holds from the next one."""
    wanted = token_hash(token)
    query = select(ApiKey.name, ApiKey.scope, ApiKey.token_hash).where(
        ApiKey.token_hash == wanted, ApiKey.revoked_at.is_(None)
    )
    row = connection.execute(query).first()
    # The index found the row by its hash; the comparison that decides takes constant time.
    if row is None or not hmac.compare_digest(row.token_hash, wanted):
        return None
    return KeyHolder(row.name, KeyScope(row.scope))


def list_keys(connection: Connection) -> list[KeyListing]:
    query = select(ApiKey.name, ApiKey.scope, ApiKey.created_at, ApiKey.revoked_at)
    rows = connection.execute(query.order_by(ApiKey.name)).all()
    return [
        KeyListing(row.name, KeyScope(row.scope), row.created_at, row.revoked_at) for row in rows
    ]


def revoke_key(connection: Connection, name: str) -> None:
    """Mark the key revoked (it stays listed, so its revisions keep a known author)."""
    statement = (
        update(ApiKey)
        .where(ApiKey.name == name, ApiKey.revoked_at.is_(None))
        .values(revoked_at=dt.datetime.now(dt.UTC))
    )
    if connection.execute(statement).rowcount == 0:
        raise NoSuchKey(name)
