"""A route's result read as records: a page's items, a matrix's cells, or the one record.

Where the records are and which models they have comes from the route's response model, so a
list has its CSV columns even when it is empty.
"""

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, get_args

import orjson
from pydantic import BaseModel

from app.formats.columns import Column, columns_of, columns_of_record, models_in

# A stored document (the JSON of a record model, as the read model keeps it), a record model, or
# a record already cut down to some fields.
Item = bytes | BaseModel | dict[str, Any]
Record = dict[str, Any]


@dataclass(frozen=True)
class Shape:
    """Where the records of a route's answers are, and their models."""

    rows_key: str | None  # `items`, `cells`... or None: the answer is one record
    models: tuple[type[BaseModel], ...]

    @property
    def single(self) -> bool:
        return self.rows_key is None

    def items(self, result: Any) -> Sequence[Item]:
        if self.rows_key is None:
            return [result]
        items: Sequence[Item] = getattr(result, self.rows_key)
        return items

    def columns(self, first: Record | None) -> list[Column]:
        """The models' columns, less the fields a sparse `first` record leaves out; the record's
        own keys where there is no model."""
        columns = columns_of(list(self.models))
        if first is None:
            return columns
        if not columns:
            return columns_of_record(first)
        return [column for column in columns if column.path[0] in first]


def _list_models(annotation: Any) -> list[type[BaseModel]]:
    return [model for arg in get_args(annotation) for model in models_in(arg)]


@functools.cache
def shape_of(model: Any) -> Shape:
    """The shape of answers of `model`: a page (`items` and `next`), a model with one list of
    records and no id of its own (the stance matrix's `cells`), or one record (which may hold a
    list of parts: a source's `articles`)."""
    fields = getattr(model, "model_fields", {})
    if "items" in fields and "next" in fields:
        return Shape("items", tuple(_list_models(fields["items"].annotation)))
    lists = {name: _list_models(field.annotation) for name, field in fields.items()}
    lists = {name: models for name, models in lists.items() if models}
    if len(lists) == 1 and "id" not in fields:
        name, models = next(iter(lists.items()))
        return Shape(name, tuple(models))
    return Shape(None, tuple(models_in(model)))


def as_record(item: Item, fields: Sequence[str] = ()) -> Record:
    """`item` as a JSON object, cut down to `fields` if any are given."""
    if isinstance(item, bytes):
        record: Record = orjson.loads(item)
    elif isinstance(item, BaseModel):
        record = item.model_dump(mode="json", by_alias=True)
    else:
        record = item
    if fields:
        return {name: value for name, value in record.items() if name in fields}
    return record


def as_json(item: Item, fields: Sequence[str] = ()) -> bytes:
    """`item` as JSON text: a stored document as it is, a model serialised as the JSON answer
    serialises it."""
    if fields or isinstance(item, dict):
        return orjson.dumps(as_record(item, fields))
    if isinstance(item, bytes):
        return item
    return item.__pydantic_serializer__.to_json(item, by_alias=True)
