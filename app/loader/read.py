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
        seed.problems.append(Problem(str(root), 0, "seed", "not a folder"))
        return seed
    for resource, model in RESOURCES.items():
        seed.records[resource] = _read_resource(seed, resource, model, max_file_bytes)
    return seed


def _resource_path(seed: ParsedSeed, resource: str) -> Path | None:
    candidates = [seed.root / f"{resource}.{ext}" for ext in ("yaml", "yml", "jsonl")]
    present = [path for path in candidates if path.is_file()]
    if len(present) > 1:
        names = ", ".join(path.name for path in present)
        seed.problems.append(Problem(present[1].name, 0, resource, f"given twice: {names}"))
    return present[0] if present else None


def _read_resource(
    seed: ParsedSeed, resource: str, model: type[Record], max_file_bytes: int
) -> list[Located]:
    path = _resource_path(seed, resource)
    if path is None:
        seed.problems.append(Problem(f"{resource}.yaml", 0, resource, "file is missing"))
        return []
    name = path.name
    if path.stat().st_size > max_file_bytes:
        reason = f"file is larger than the limit of {max_file_bytes} bytes"
        seed.problems.append(Problem(name, 0, resource, reason))
        return []
    content = path.read_bytes()
    seed.note_file(name, content)
    located = []
    for line, raw in _parse(seed, name, content):
        valid = _validate(seed, name, model, line, raw)
        if valid is not None:
            located.append(valid)
        elif isinstance(raw, dict) and isinstance(raw.get("id"), str):
            seed.invalid_ids.setdefault(resource, set()).add(raw["id"])
    return located


def _parse(seed: ParsedSeed, name: str, content: bytes) -> list[tuple[int, Any]]:
    """(line, raw record) pairs of one resource file; problems if it cannot be parsed."""
    try:
        text = content.decode("utf-8")
        if name.endswith(".jsonl"):
            return load_jsonl(text)
        data = load_yaml(text)
    except UnicodeDecodeError as error:
        seed.problems.append(Problem(name, 0, "file", f"not UTF-8 ({error.reason})"))
        return []
    except yaml.MarkedYAMLError as error:
        line = error.problem_mark.line + 1 if error.problem_mark else 0
        reason = f"invalid YAML: {error.problem or error.context}"
        if error.context and error.context_mark:
            reason += f" ({error.context} at line {error.context_mark.line + 1})"
        seed.problems.append(Problem(name, line, "file", reason))
        return []
    except yaml.YAMLError as error:
        seed.problems.append(Problem(name, 0, "file", f"invalid YAML: {error}"))
        return []
    except JsonLineError as error:
        seed.problems.append(Problem(name, error.line, "file", str(error)))
        return []
    if data is None:
        return []
    if not isinstance(data, list):
        seed.problems.append(Problem(name, 1, "file", "expected a list of records"))
        return []
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
