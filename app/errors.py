"""Domain errors: each carries the HTTP status a client gets for it (app.api.errors renders
them). Nothing here knows about HTTP frameworks, so every layer may raise them."""

from typing import Any


class DomainError(Exception):
    """An error a client can act on; `status` is its HTTP status."""

    status: int = 400
    retry_after: int | None = None  # seconds, for answers a client may simply try again

    def __init__(self, detail: str, **extra: Any) -> None:
        super().__init__(detail)
        self.detail = detail
        self.extra = extra

    def headers(self) -> dict[str, str]:
        """The headers its answer carries besides the problem body."""
        return {} if self.retry_after is None else {"Retry-After": str(self.retry_after)}


class NotFound(DomainError):
    status = 404


class Unauthorized(DomainError):
    """No API key, or one that is unknown or revoked (RFC 6750: the challenge names the
    scheme, and `invalid_token` when a key was sent)."""

    status = 401

    def __init__(self, detail: str, *, key_sent: bool) -> None:
        super().__init__(detail)
        self.challenge = 'Bearer error="invalid_token"' if key_sent else "Bearer"

    def headers(self) -> dict[str, str]:
        return {"WWW-Authenticate": self.challenge}


class Forbidden(DomainError):
    """A valid key whose scope does not cover the request."""

    status = 403

    def __init__(self, detail: str, *, needed: str) -> None:
        super().__init__(detail)
        self.needed = needed

    def headers(self) -> dict[str, str]:
        return {"WWW-Authenticate": f'Bearer error="insufficient_scope", scope="{self.needed}"'}


class Gone(DomainError):
    """The record was deleted: `revision` is the number of the revision that deleted it."""

    status = 410


class Moved(DomainError):
    """The id was merged into or renamed to another record of its resource: `successor`."""

    status = 308

    def __init__(self, detail: str, record_id: str, successor: str) -> None:
        super().__init__(detail, successor=successor)
        self.record_id = record_id
        self.successor = successor


class InvalidParameter(DomainError):
    status = 422


class TooManyRequests(DomainError):
    """A key wrote faster than its rate allows: it may write again after `retry_after` s."""

    status = 429

    def __init__(self, detail: str, *, retry_after: int) -> None:
        super().__init__(detail, retry_after=retry_after)
        self.retry_after = retry_after


class Unavailable(DomainError):
    """Over a limit of the server's (time, capacity): the same request may succeed shortly."""

    status = 503
    retry_after = 1


class DatabaseUnavailable(Unavailable):
    """The database is missing, unreadable or unreachable: an operator has to act (restore,
    migrate, load), so a client had better not retry at once."""

    retry_after = 30


class Conflict(DomainError):
    """The write names a record that is already there (an id taken)."""

    status = 409


class PreconditionFailed(DomainError):
    """`If-Match` names no current representation of the record: it changed since."""

    status = 412


class PreconditionRequired(DomainError):
    """A write that changes a record must say which representation it changes (`If-Match`)."""

    status = 428


class UnsupportedMediaType(DomainError):
    status = 415


class CrossOrigin(DomainError):
    """A write sent by a page of an origin the settings do not list."""

    status = 403
