"""The bodies of writes: the loader's own record models, with the id derived where a body gives
none, and a new source's text carried inline."""

from typing import Annotated, Any

from pydantic import (
    ConfigDict,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError
from slugify import slugify

from app.loader.records import (
    ActorRecord,
    EventRecord,
    PositionRecord,
    QuoteRecord,
    Record,
    SourceRecord,
    TopicRecord,
)

ID_WORDS = 80  # characters of a derived id at most (cut at a word's end)


def derived_id(*parts: Any) -> str | None:
    """An id made of `parts` (a name, a date), if they are all given as text."""
    if not parts or not all(isinstance(part, str) and part for part in parts):
        return None
    return slugify(" ".join(parts), max_length=ID_WORDS, word_boundary=True) or None


def _id_optional(schema: dict[str, Any]) -> None:
    """The body's schema: `id` may be left out (it is then derived)."""
    schema["required"] = [name for name in schema.get("required", []) if name != "id"]


def _with_id(data: Any, *fields: str) -> Any:
    """`data` with an id made of the values of `fields` if it has none (a date is cut to its
    day: a source's `published_at` may hold a time)."""
    if isinstance(data, dict) and "id" not in data:
        values = [data.get(name) for name in fields]
        made = derived_id(
            *(
                v[:10] if name.endswith("_at") and isinstance(v, str) else v
                for name, v in zip(fields, values, strict=True)
            )
        )
        if made is not None:
            return {"id": made, **data}
    return data


class ActorBody(ActorRecord):
    """A new actor; without `id`, its id is made of its name."""

    model_config = ConfigDict(json_schema_extra=lambda s, _c: _id_optional(s))

    @model_validator(mode="before")
    @classmethod
    def _derive_id(cls, data: Any) -> Any:
        return _with_id(data, "name")


class TopicBody(TopicRecord):
    """A new topic; without `id`, its id is made of its name."""

    model_config = ConfigDict(json_schema_extra=lambda s, _c: _id_optional(s))

    @model_validator(mode="before")
    @classmethod
    def _derive_id(cls, data: Any) -> Any:
        return _with_id(data, "name")


class EventBody(EventRecord):
    """A new event, with its participants; without `id`, its id is made of its title and
    start."""

    model_config = ConfigDict(json_schema_extra=lambda s, _c: _id_optional(s))

    @model_validator(mode="before")
    @classmethod
    def _derive_id(cls, data: Any) -> Any:
        return _with_id(data, "title", "start")


class QuoteBody(QuoteRecord):
    """A new quote; without `id`, its id is made of its speaker and words."""

    model_config = ConfigDict(json_schema_extra=lambda s, _c: _id_optional(s))

    @model_validator(mode="before")
    @classmethod
    def _derive_id(cls, data: Any) -> Any:
        return _with_id(data, "speaker", "text")


class PositionBody(PositionRecord):
    """A new position; without `id`, its id is made of its actor, topic and date."""

    model_config = ConfigDict(json_schema_extra=lambda s, _c: _id_optional(s))

    @model_validator(mode="before")
    @classmethod
    def _derive_id(cls, data: Any) -> Any:
        return _with_id(data, "actor", "topic", "held_on")


def _source_schema(schema: dict[str, Any]) -> None:
    _id_optional(schema)
    schema["properties"].pop("file", None)
    schema["required"] = [name for name in schema["required"] if name != "file"]


class SourceBody(SourceRecord):
    """A new source, its document's text inline (stored as given); without `id`, its id is made
    of its publisher and date. Its document's file, where an export of the seed writes the text,
    is `documents/<id>.txt`."""

    model_config = ConfigDict(json_schema_extra=lambda s, _c: _source_schema(s))

    file: str = ""
    text: Annotated[str, StringConstraints(min_length=1)]

    @model_validator(mode="before")
    @classmethod
    def _derive_id_and_file(cls, data: Any) -> Any:
        data = _with_id(data, "publisher", "published_at")
        if isinstance(data, dict) and "file" not in data and isinstance(data.get("id"), str):
            data = {**data, "file": document_file(data["id"])}
        return data

    @field_validator("file")
    @classmethod
    def _derived_file(cls, value: str, info: ValidationInfo) -> str:
        if "id" in info.data and value != document_file(info.data["id"]):
            message = "a source's file is documents/<id>.txt: leave it out"
            raise PydanticCustomError("derived", message)
        return value


def document_file(source_id: str) -> str:
    """Where an export of the seed writes a source's text."""
    return f"documents/{source_id}.txt"


BODIES: dict[str, type[Record]] = {
    "sources": SourceBody,
    "topics": TopicBody,
    "actors": ActorBody,
    "events": EventBody,
    "quotes": QuoteBody,
    "positions": PositionBody,
}
