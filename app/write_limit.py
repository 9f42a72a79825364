"""How fast a key may write: a token bucket per key, kept in the database so that every worker
and replica draws on the same one. A key may make `burst` writes at once, then one more each
time `1 / rate` seconds pass; a write past that is refused (429) with the seconds to wait.

Each take is made under the writers' lock (app.curation.in_write), so two workers never both
spend the last token; its own short transaction, so a write that is then refused (422, 409...)
has spent it too.
"""

import math
import time
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from app.db.models import WriteAllowance
from app.errors import TooManyRequests


@dataclass(frozen=True)
class WriteRate:
    """Writes a key may make: `per_minute` on average, `burst` at once."""

    per_minute: int
    burst: int

    @property
    def per_second(self) -> float:
        return self.per_minute / 60


def take_write(
    connection: Connection, key_name: str, rate: WriteRate, now: float | None = None
) -> None:
    """Spend one of the key's tokens; TooManyRequests, naming the seconds until the next, if it
    has none left."""
    now = time.time() if now is None else now
    stored = connection.execute(
        select(WriteAllowance.tokens, WriteAllowance.refilled_at).where(
            WriteAllowance.key_name == key_name
        )
    ).first()
    if stored is None:
        values = {"key_name": key_name, "tokens": rate.burst - 1.0, "refilled_at": now}
        connection.execute(insert(WriteAllowance).values(**values))
        return
    # A clock that went back refills nothing rather than taking tokens away.
    elapsed = max(0.0, now - stored.refilled_at)
    tokens = min(float(rate.burst), stored.tokens + elapsed * rate.per_second)
    if tokens < 1:
        wait_s = math.ceil((1 - tokens) / rate.per_second)
        raise TooManyRequests(
            f"the key {key_name!r} may write {rate.per_minute} times a minute "
            f"({rate.burst} at once); retry in {wait_s} s",
            retry_after=wait_s,
        )
    connection.execute(
        update(WriteAllowance)
        .where(WriteAllowance.key_name == key_name)
        .values(tokens=tokens - 1, refilled_at=now)
    )
