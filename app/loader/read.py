"""Read a seed folder: parse every resource file and validate every record."""

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from app.loader.lines import JsonLineError, line_of, load_jsonl, load_yaml
from app.loader.problems import Problem
from app.loader.records import RESOURCES, Record


@dataclass(frozen=True)
class Located:
    """A validated record and where it was written."""

    record: Any
    file: str
    line: int
    raw: Any

    def line_for(self, *loc: int | str) -> int:
        return line_of(self.raw, loc) or self.line


@dataclass
class ParsedSeed:
    root: Path
    records: dict[str, list[Located]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    file_hashes: dict[str, str] = field(default_factory=dict)
    # Ids of records that failed validation: references to them are not reported a second time.
    invalid_ids: dict[str, set[str]] = field(default_factory=dict)
    # Resources whose file could not be read: references to them are not reported either.
    unreadable: set[str] = field(default_factory=set)

    def file_problem(self, name: str, line: int, reason: str) -> None:
        self.problems.append(Problem(name, line, "file", reason, whole_file=True))

    def note_file(self, relative: str, content: bytes) -> None:
        self.file_hashes[relative] = hashlib.sha256(content).hexdigest()

    @property
    def version(self) -> str:
        listing = "\n".join(
            f"{name}\t{digest}" for name, digest in sorted(self.file_hashes.items())
        )
        return hashlib.sha256(listing.encode()).hexdigest()


def read_seed(root: Path, max_file_bytes: int) -> ParsedSeed:
    """Parse and validate all resource files of the seed at `root`."""
    seed = ParsedSeed(root=root)
    if not root.is_dir():
        seed.problems.append(Problem(str(root), 0, "seed", "not a folder", whole_file=True))
        return seed
    for resource, model in RESOURCES.items():
        seed.records[resource] = _read_resource(seed, resource, model, max_file_bytes)
    return seed


def outside(root: Path, path: Path) -> bool:
    """Whether `path` (following links) is outside the seed folder `root`."""
    return not path.resolve().is_relative_to(root.resolve())


def _resource_path(seed: ParsedSeed, resource: str) -> Path | None:
    candidates = [seed.root / f"{resource}.{ext}" for ext in ("yaml", "yml", "jsonl")]
    present = [path for path in candidates if path.is_file()]
    if len(present) > 1:
        names = ", ".join(path.name for path in present)
        seed.file_problem(present[1].name, 0, f"{resource} given twice: {names}")
    return present[0] if present else None


def _read_resource(
    seed: ParsedSeed, resource: str, model: type[Record], max_file_bytes: int
) -> list[Located]:
    parsed = _read_file(seed, resource, max_file_bytes)
    if parsed is None:
        seed.unreadable.add(resource)
        return []
    name, records = parsed
    located = []
    for line, raw in records:
        valid = _validate(seed, name, model, line, raw)
        if valid is not None:
            located.append(valid)
        elif isinstance(raw, dict) and isinstance(raw.get("id"), str):
            seed.invalid_ids.setdefault(resource, set()).add(raw["id"])
    return located


def _read_file(
    seed: ParsedSeed, resource: str, max_file_bytes: int
) -> tuple[str, list[tuple[int, Any]]] | None:
    """The name and the (line, raw record) pairs of a resource's file; None, with the problem
    reported, if there is no such file or it cannot be read."""
    path = _resource_path(seed, resource)
    if path is None:
        seed.file_problem(f"{resource}.yaml", 0, f"missing: the seed has no {resource} file")
        return None
    name = path.name
    if outside(seed.root, path):
        seed.file_problem(name, 0, "a link to a file outside the seed folder: refused")
        return None
    if path.stat().st_size > max_file_bytes:
        seed.file_problem(name, 0, f"larger than the limit of {max_file_bytes} bytes")
        return None
    content = path.read_bytes()
    seed.note_file(name, content)
    records = _parse(seed, name, content)
    return None if records is None else (name, records)


def _parse(seed: ParsedSeed, name: str, content: bytes) -> list[tuple[int, Any]] | None:
    """(line, raw record) pairs of one resource file; None, with a problem, if it cannot be
    parsed or holds no list."""
    try:
        text = content.decode("utf-8")
        if name.endswith(".jsonl"):
            return load_jsonl(text)
        data = load_yaml(text)
    except UnicodeDecodeError as error:
        seed.file_problem(name, 0, f"not UTF-8 ({error.reason})")
        return None
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 0
        reason = f"invalid YAML: {error.problem or error.context}"
        if error.context and error.context_mark:
            reason += f" ({error.context} at line {error.context_mark.line + 1})"
        seed.file_problem(name, line, reason)
        return None
    except yaml.YAMLError as error:
        seed.file_problem(name, 0, f"invalid YAML: {error}")
        return None
    except JsonLineError as error:
        seed.file_problem(name, error.line, str(error))
        return None
    if data is None:
        seed.file_problem(name, 1, "empty: no records (write [] for a resource that has none)")
        return None
    if not isinstance(data, list):
        seed.file_problem(name, 1, "expected a list of records")
        return None
    return [(getattr(raw, "line", 0), raw) for raw in data]


def _validate(
    seed: ParsedSeed, name: str, model: type[Record], line: int, raw: Any
) -> Located | None:
    if not isinstance(raw, dict):
        seed.problems.append(Problem(name, line, "record", "expected a mapping"))
        return None
    try:
        record = model.model_validate(raw)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            where = ".".join(str(step) for step in detail["loc"]) or "record"
            at = line_of(raw, detail["loc"]) or line
            seed.problems.append(Problem(name, at, where, detail["msg"]))
        return None
    return Located(record=record, file=name, line=line, raw=raw)
