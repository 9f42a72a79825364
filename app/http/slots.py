"""Slots: a bounded number of requests (or streams) under way at once."""

import anyio
from starlette.types import Message


class Slot:
    """One request's claim on one of `slots`: taken once, given back once."""

    def __init__(self, slots: anyio.CapacityLimiter) -> None:
        self.slots = slots
        self.held = False

    async def take(self) -> None:
        """Wait for a slot, first come first served."""
        await self.slots.acquire_on_behalf_of(self)
        self.held = True

    def take_now(self) -> bool:
        """Take a slot if one is free at once; whether it was."""
        try:
            self.slots.acquire_on_behalf_of_nowait(self)
        except anyio.WouldBlock:
            return False
        self.held = True
        return True

    def give_back(self) -> None:
        if self.held:
            self.held = False
            self.slots.release_on_behalf_of(self)


def is_stream(start: Message) -> bool:
    """Whether an answer's body comes in parts of unknown total length (an export, a whole list
    as CSV or NDJSON), from its start message."""
    headers = dict(start.get("headers", []))
    return start["status"] not in (204, 304) and b"content-length" not in headers
