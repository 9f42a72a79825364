"""The database's knowledge written as a seed (`summitkb export-seed DIR`): one YAML file per
resource, records in the order of their ids, and each source's document under its `file`. A
load of the export gives the same knowledge (the same `GET /v1/export`), edits made through the
API included: after them the database is the truth, and this is how `seed/` catches up."""

from enum import Enum
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import Connection, select

from app.curation.stored import stored_record
from app.db.models import Source
from app.loader.records import OPTIONAL, RESOURCES
from app.loader.write import table


class NotAnEmptyFolder(Exception):
    """The export would mix with files already there."""


def export_seed(connection: Connection, folder: Path) -> dict[str, int]:
    """Write the seed into `folder` (absent or empty); the number of records of each resource."""
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise NotAnEmptyFolder(f"{folder} is not an empty folder: the export would mix with it")
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for resource in RESOURCES:
        records = _records(connection, resource)
        counts[resource] = len(records)
        if records or resource not in OPTIONAL:
            _write_yaml(folder / f"{resource}.yaml", records)
        if resource == "sources":
            for record in records:
                _write_document(connection, folder, record)
    return counts


def _records(connection: Connection, resource: str) -> list[dict[str, Any]]:
    ids = table(resource).c.id
    ordered = connection.scalars(select(ids).order_by(ids))
    found = (stored_record(connection, resource, record_id) for record_id in ordered)
    return [_plain(record) for record in found if record is not None]


def _plain(value: Any) -> Any:
    """`value` with its enums as their values, as YAML writes them safely (dates stay dates:
    a source's `published_at` is a date or a moment, and YAML keeps which)."""
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return value.value if isinstance(value, Enum) else value


def _write_yaml(path: Path, records: list[dict[str, Any]]) -> None:
    text = yaml.safe_dump(records, allow_unicode=True, sort_keys=False, width=100)
    path.write_text(text, encoding="utf-8")


def _write_document(connection: Connection, folder: Path, record: dict[str, Any]) -> None:
    """The source's stored text, byte for byte, at its `file` (which must lie in the folder)."""
    path = (folder / record["file"]).resolve()
    if not path.is_relative_to(folder.resolve()):
        raise ValueError(f"source {record['id']!r} names a file outside the seed: {record['file']}")
    text: str = connection.scalar(select(Source.text).where(Source.id == record["id"])) or ""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode("utf-8"))
