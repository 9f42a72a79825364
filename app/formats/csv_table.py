"""CSV text, written with the csv module: RFC 4180 quoting, CRLF line ends, UTF-8."""

import csv
import io
import re
from collections.abc import Iterable
from typing import Any

from app.formats.columns import Column, cell

CSV_CONTENT_TYPE = "text/csv; charset=utf-8; header=present"
# Excel reads a CSV file as UTF-8 only when it starts with a byte order mark (otherwise as the
# system's code page, which garbles dashes and accented names): `?bom=true` asks for one.
UTF8_BOM = "\ufeff".encode()
BOM_TEXT = (
    "Start a CSV answer with a UTF-8 byte order mark, so that Excel reads it as UTF-8 (without "
    "one, Excel garbles dashes and accented letters). Other formats have none and ignore it."
)
# OWASP's advice against CSV injection: a spreadsheet reads a cell that starts with one of these
# as a formula, so such a cell gets a leading apostrophe and is read as text. Numbers (-3, +0.5)
# are left as they are.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"[+-]?\d+(\.\d+)?([eE][+-]?\d+)?")


def guarded(text: str) -> str:
    """`text`, with an apostrophe before it if a spreadsheet would take it for a formula."""
    if text.startswith(FORMULA_STARTS) and not NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_lines(rows: Iterable[list[str]]) -> str:
    """`rows` as CSV text; quoting of commas, quotes and newlines is the csv module's."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(rows)
    return buffer.getvalue()


def csv_header(columns: list[Column]) -> bytes:
    return csv_lines([[column.name for column in columns]]).encode()


def csv_rows(columns: list[Column], records: Iterable[dict[str, Any]]) -> bytes:
    """One chunk of CSV: a row per record, its cells in the order of `columns`."""
    rows = ([guarded(cell(record, column)) for column in columns] for record in records)
    return csv_lines(rows).encode()
