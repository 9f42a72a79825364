"""An answer's headers edited as the raw list its start message carries, in one pass.

Starlette's `MutableHeaders` looks through the whole list again for each header it sets; the
layers of app.http add a dozen headers to every answer, so they edit the list once instead.
Names are lowercase bytes, as Starlette's responses write them.
"""

from collections.abc import Mapping

from starlette.types import Message

RawHeaders = list[tuple[bytes, bytes]]
NOTHING: Mapping[bytes, bytes] = {}


def edit_headers(
    start: Message,
    replace: Mapping[bytes, bytes] = NOTHING,
    defaults: Mapping[bytes, bytes] = NOTHING,
    vary: bytes = b"",
) -> None:
    """Set each header of `replace` (dropping any value it had), add each of `defaults` the
    answer lacks, and add `vary` to its Vary header, in `start`'s header list."""
    raw: RawHeaders = start.get("headers") or []
    edited = [(name, value) for name, value in raw if name not in replace] if replace else raw
    present = {name for name, _ in edited}
    edited = [*edited, *replace.items()]
    edited += [(name, value) for name, value in defaults.items() if name not in present]
    if vary:
        edited = with_vary(edited, vary)
    start["headers"] = edited


def with_vary(raw: RawHeaders, vary: bytes) -> RawHeaders:
    """`raw` with `vary` added to its (first) Vary header, or in a Vary header of its own."""
    for index, (name, value) in enumerate(raw):
        if name == b"vary":
            kept = [pair for pair in raw[index + 1 :] if pair[0] != b"vary"]
            return [*raw[:index], (b"vary", value + b", " + vary), *kept]
    return [*raw, (b"vary", vary)]


def header(raw: RawHeaders, name: bytes) -> bytes | None:
    """The first value of header `name` in `raw`."""
    for found, value in raw:
        if found == name:
            return value
    return None
