"""NDJSON: one JSON document per line, UTF-8, `\\n` after every line."""

from collections.abc import Iterable
from typing import Any

import orjson

NDJSON_CONTENT_TYPE = "application/x-ndjson"


def ndjson_lines(records: Iterable[Any]) -> bytes:
    """One chunk of NDJSON: a line per record (any JSON-serialisable value)."""
    return b"".join(orjson.dumps(record) + b"\n" for record in records)


def typed_line(record_type: str, record_json: bytes) -> bytes:
    """A line of the whole-dataset export: `{"type": ..., "record": {...}}`."""
    return b'{"type":' + orjson.dumps(record_type) + b',"record":' + record_json + b"}\n"
