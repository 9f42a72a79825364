"""Parse seed files while remembering the line of every record and field."""

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, cast

import orjson
import yaml


class LineDict(dict[str, Any]):
    """A mapping from a seed file that knows the line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict[str, int]


class LineLoader(yaml.SafeLoader):
    """yaml.SafeLoader (no tags, no objects) whose mappings are LineDicts."""

    def construct_line_dict(self, node: yaml.MappingNode) -> Iterator[LineDict]:
        data = LineDict()
        data.line = node.start_mark.line + 1
        data.key_lines = {str(key.value): key.start_mark.line + 1 for key, _value in node.value}
        yield data
        data.update(cast(dict[str, Any], self.construct_mapping(node)))

    def construct_date_or_text(self, node: yaml.ScalarNode) -> Any:
        """A date or a timestamp; its text if it names none (2025-02-30), so that the field's
        validation reports it, with its line, instead of the whole file failing."""
        try:
            return self.construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


LineLoader.add_constructor("tag:yaml.org,2002:map", LineLoader.construct_line_dict)
LineLoader.add_constructor("tag:yaml.org,2002:timestamp", LineLoader.construct_date_or_text)


class NoRecords(ValueError):
    """The file holds no list of records: it is empty, or holds one value of another kind."""


EMPTY = "empty: no records (write [] for a resource that has none)"


def iter_yaml(text: str) -> Iterator[tuple[int, Any]]:
    """(line, record) for each item of the file's top-level list, built one item at a time so
    that a large file never exists as one tree of objects."""
    loader = LineLoader(text)
    events: Any = loader  # PyYAML's event methods are untyped
    try:
        events.get_event()  # the stream's start
        if events.check_event(yaml.StreamEndEvent):
            raise NoRecords(EMPTY)
        events.get_event()  # the document's start
        if events.check_event(yaml.SequenceStartEvent):
            events.get_event()
            while not events.check_event(yaml.SequenceEndEvent):
                node = events.compose_node(None, None)
                yield node.start_mark.line + 1, loader.construct_document(node)
            events.get_event()
        elif loader.construct_document(events.compose_node(None, None)) is None:
            raise NoRecords(EMPTY)
        else:
            raise NoRecords("expected a list of records")
        events.get_event()  # the document's end
        if not events.check_event(yaml.StreamEndEvent):
            mark = events.get_event().start_mark
            raise yaml.composer.ComposerError(
                "expected a single document in the stream", None, "but found another", mark
            )
    finally:
        loader.dispose()


class JsonLineError(ValueError):
    def __init__(self, line: int, reason: str) -> None:
        self.line = line
        super().__init__(reason)


def iter_jsonl(lines: Iterable[bytes]) -> Iterator[tuple[int, Any]]:
    """(line number, record) for each non-blank line; records stay plain dicts, for speed."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            value = orjson.loads(raw.decode("utf-8"))
        except UnicodeDecodeError as error:
            raise JsonLineError(number, f"not UTF-8 ({error.reason})") from None
        except orjson.JSONDecodeError as error:
            raise JsonLineError(number, f"invalid JSON: {error.msg}") from None
        if not isinstance(value, dict):
            raise JsonLineError(number, "expected one JSON object per line")
        yield number, value


def line_of(record: Any, loc: tuple[int | str, ...]) -> int:
    """The line of the deepest element of `record` that `loc` (a pydantic error path) reaches."""
    line = getattr(record, "line", 0)
    node = record
    for step in loc:
        if isinstance(node, LineDict) and isinstance(step, str):
            line = node.key_lines.get(step, line)
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int) and 0 <= step < len(node):
            node = node[step]
            line = getattr(node, "line", line)
        else:
            break
    return line


def read_text(path: Path) -> str:
    """A seed file's text, exactly as stored (no newline translation)."""
    return path.read_bytes().decode("utf-8")
