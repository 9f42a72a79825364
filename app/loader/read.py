"""Read a seed folder: parse each resource file once, one record at a time, and validate it."""

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import yaml
from pydantic import ValidationError

from app.loader.lines import JsonLineError, NoRecords, iter_jsonl, iter_yaml, line_of
from app.loader.problems import Problem
from app.loader.records import OPTIONAL, Record


@dataclass(frozen=True)
class Located:
    """A validated record and where it was written."""

    record: Any
    file: str
    line: int
    raw: Any

    def line_for(self, *loc: int | str) -> int:
        return line_of(self.raw, loc) or self.line


class Reading(Protocol):
    """Where a reader leaves what it learns besides the valid records."""

    problems: list[Problem]

    def note_file(self, name: str, digest: str) -> None: ...

    def note_invalid(self, resource: str, record_id: str) -> None: ...

    def note_unreadable(self, resource: str, name: str) -> None:
        """The file of `resource` could not be read whole: what follows from it is not reported."""


def read_resource(
    root: Path, resource: str, model: type[Record], max_file_bytes: int, reading: Reading
) -> Iterator[Located]:
    """The valid records of one resource file, in file order; problems go to `reading`."""
    path = _resource_path(root, resource, reading)
    if path is None and resource in OPTIONAL:
        return
    if path is None:
        _file_problem(reading, f"{resource}.yaml", 0, f"missing: the seed has no {resource} file")
        reading.note_unreadable(resource, f"{resource}.yaml")
        return
    name = path.name
    if outside(root, path):
        _file_problem(reading, name, 0, "a link to a file outside the seed folder: refused")
    elif path.stat().st_size > max_file_bytes:
        _file_problem(reading, name, 0, f"larger than the limit of {max_file_bytes} bytes")
    else:
        digest = hashlib.sha256()
        whole = True
        for line, raw in _parse(path, digest, reading):
            if raw is UNREADABLE:
                whole = False
                break
            valid = _validate(reading, name, model, line, raw)
            if valid is not None:
                yield valid
            elif isinstance(raw, dict) and isinstance(raw.get("id"), str):
                reading.note_invalid(resource, raw["id"])
        reading.note_file(name, digest.hexdigest())
        if whole:
            return
    reading.note_unreadable(resource, name)


def outside(root: Path, path: Path) -> bool:
    """Whether `path` (following links) is outside the seed folder `root`."""
    return not path.resolve().is_relative_to(root.resolve())


def _file_problem(reading: Reading, name: str, line: int, reason: str) -> None:
    """A problem with a file as a whole: the root cause of what follows, so it is listed first."""
    reading.problems.append(Problem(name, line, "file", reason, whole_file=True))


def _resource_path(root: Path, resource: str, reading: Reading) -> Path | None:
    candidates = [root / f"{resource}.{ext}" for ext in ("yaml", "yml", "jsonl")]
    present = [path for path in candidates if path.is_file()]
    if len(present) > 1:
        names = ", ".join(path.name for path in present)
        _file_problem(reading, present[1].name, 0, f"{resource} given twice: {names}")
    return present[0] if present else None


# What `_parse` yields last when a file cannot be read to its end (the problem is reported).
UNREADABLE = object()


def _parse(path: Path, digest: Any, reading: Reading) -> Iterator[tuple[int, Any]]:
    """(line, raw record) pairs of one resource file, hashing its bytes as they are read."""
    name = path.name
    try:
        if name.endswith(".jsonl"):
            with path.open("rb") as lines:
                yield from iter_jsonl(_hashed(lines, digest))
            return
        content = path.read_bytes()
        digest.update(content)
        yield from iter_yaml(content.decode("utf-8"))
        return
    except UnicodeDecodeError as error:
        _file_problem(reading, name, 0, f"not UTF-8 ({error.reason})")
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 0
        reason = f"invalid YAML: {error.problem or error.context}"
        if error.context and error.context_mark:
            reason += f" ({error.context} at line {error.context_mark.line + 1})"
        _file_problem(reading, name, line, reason)
    except yaml.YAMLError as error:
        _file_problem(reading, name, 0, f"invalid YAML: {error}")
    except JsonLineError as error:
        _file_problem(reading, name, error.line, str(error))
    except NoRecords as error:
        _file_problem(reading, name, 1, str(error))
    yield 0, UNREADABLE


def _hashed(lines: Iterator[bytes], digest: Any) -> Iterator[bytes]:
    for line in lines:
        digest.update(line)
        yield line


def _validate(
    reading: Reading, name: str, model: type[Record], line: int, raw: Any
) -> Located | None:
    if not isinstance(raw, dict):
        reading.problems.append(Problem(name, line, "record", "expected a mapping"))
        return None
    try:
        record = model.model_validate(raw)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            where = ".".join(str(step) for step in detail["loc"]) or "record"
            at = line_of(raw, detail["loc"]) or line
            reading.problems.append(Problem(name, at, where, detail["msg"]))
        return None
    return Located(record=record, file=name, line=line, raw=raw)
