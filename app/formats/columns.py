"""Flat columns for nested records, derived from the response model so that headers are stable.

Nested objects become `parent_child` columns (`speaker_id`, `speaker_name`); a list becomes one
JSON-encoded column, and a list of objects also gets a `<name>_count` column before it
(`citations_count`, `citations`). The first citation is also spelt out in plain columns after
them (`citation_source_id`, `citation_excerpt`...), one per field of the citation model, for
spreadsheets, which cannot read JSON. Columns come from the model, not from the first record, so
an empty list still has its header and an optional object (`event`) always has the same columns.
"""

import types
from dataclasses import dataclass
from typing import Any, Literal, Union, get_args, get_origin

import orjson
from pydantic import BaseModel

from app.schemas.common import CitationRead

Kind = Literal["value", "json", "count"]
# Lists of these models also get their first item as plain columns, named with this prefix.
FIRST_AS_COLUMNS: dict[type[BaseModel], str] = {CitationRead: "citation"}


@dataclass(frozen=True)
class Column:
    name: str
    path: tuple[str | int, ...]  # keys of objects, indexes of lists
    kind: Kind = "value"


def _without_none(annotation: Any) -> list[Any]:
    if get_origin(annotation) in (Union, types.UnionType):
        return [arg for arg in get_args(annotation) if arg is not type(None)]
    return [annotation]


def models_in(annotation: Any) -> list[type[BaseModel]]:
    """The pydantic models an annotation admits (`A | B | None` gives [A, B])."""
    found = []
    for option in _without_none(annotation):
        if isinstance(option, type) and issubclass(option, BaseModel):
            found.append(option)
    return found


def _is_list(annotation: Any) -> bool:
    return any(get_origin(option) in (list, tuple, set) for option in _without_none(annotation))


def _listed_models(annotation: Any) -> list[type[BaseModel]]:
    """The models of a list's items (`list[A] | None` gives [A])."""
    lists = [o for o in _without_none(annotation) if get_origin(o) in (list, tuple, set)]
    return [model for o in lists if get_args(o) for model in models_in(get_args(o)[0])]


def _first_item_columns(models: list[type[BaseModel]], path: tuple[str, ...]) -> list[Column]:
    """The plain columns of a list's first item, for the item models FIRST_AS_COLUMNS names."""
    return [
        Column(f"{FIRST_AS_COLUMNS[model]}_{column.name}", (*path, 0, *column.path), column.kind)
        for model in models
        if model in FIRST_AS_COLUMNS
        for column in columns_of([model])
    ]


def columns_of(models: list[type[BaseModel]], prefix: tuple[str, ...] = ()) -> list[Column]:
    """The columns of records of any of `models`, in field order, without duplicates."""
    seen: dict[str, Column] = {}
    for model in models:
        for name, field in model.model_fields.items():
            key = field.serialization_alias or field.alias or name
            for column in _field_columns(field.annotation, (*prefix, key)):
                seen.setdefault(column.name, column)
    return list(seen.values())


def _field_columns(annotation: Any, path: tuple[str, ...]) -> list[Column]:
    name = "_".join(path)
    nested = models_in(annotation)
    if nested and not _is_list(annotation):
        return columns_of(nested, path)
    if listed := _listed_models(annotation):
        whole = [Column(f"{name}_count", path, "count"), Column(name, path, "json")]
        return whole + _first_item_columns(listed, path)
    if _is_list(annotation) or dict in (get_origin(o) or o for o in _without_none(annotation)):
        return [Column(name, path, "json")]
    return [Column(name, path)]


def columns_of_record(record: dict[str, Any]) -> list[Column]:
    """Columns for a record of unknown model: one per key, nested values JSON-encoded."""
    return [
        Column(key, (key,), "json" if isinstance(value, list | dict) else "value")
        for key, value in record.items()
    ]


def cell(record: dict[str, Any], column: Column) -> str:
    """The text of one cell: '' for null, true/false for booleans, JSON for lists and objects."""
    value: Any = record
    for key in column.path:
        if isinstance(key, int):
            value = value[key] if isinstance(value, list) and len(value) > key else None
        else:
            value = value.get(key) if isinstance(value, dict) else None
    if column.kind == "count":
        return str(len(value)) if isinstance(value, list) else "0"
    if value is None:
        return ""
    if column.kind == "json" or isinstance(value, list | dict):
        return orjson.dumps(value).decode()
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
