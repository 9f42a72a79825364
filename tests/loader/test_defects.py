"""A seed with any one defect is refused whole: the database stays byte-identical (every row on
PostgreSQL) and each problem is named as `file:line: reason`."""

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from app.loader import SeedRejected, load_seed
from tests.conftest import MAX_BYTES, MINI_SEED
from tests.loader.test_load import file_digest, snapshot
from tests.loader.test_verification import replace_in

PROBLEM = re.compile(r"^(?P<file>[\w./-]+\.(yaml|jsonl|txt)):(?P<line>\d+): \S.*$")
Defect = Callable[[Path], None]


def bad_yaml(seed: Path) -> None:
    (seed / "topics.yaml").write_text("- id: x\n  name: [unclosed\n", encoding="utf-8")


def python_object_tag(seed: Path) -> None:
    replace_in(seed / "topics.yaml", "- id: ceasefire", "- !!python/object:os.system\n  id: x")


def type_error(seed: Path) -> None:
    replace_in(seed / "quotes.yaml", "said_on: 2025-08-13", "said_on: [2025, 8, 13]")


def dangling_reference(seed: Path) -> None:
    replace_in(seed / "quotes.yaml", "speaker: alexey-fadeev", "speaker: nobody-at-all")


def unverifiable_excerpt(seed: Path) -> None:
    replace_in(seed / "quotes.yaml", "Fadeev said in a briefing.", "Fadeev said on a call.")


def duplicate_id(seed: Path) -> None:
    replace_in(seed / "topics.yaml", "- id: security-guarantees", "- id: ceasefire")


def oversized_file(seed: Path) -> None:
    with (seed / "actors.yaml").open("a", encoding="utf-8") as actors:
        actors.write("# padding\n" * 200_000)  # 2 MB, over the limit below


DEFECTS: dict[str, tuple[Defect, str, int | None]] = {
    "bad YAML": (bad_yaml, "topics.yaml", 3),
    "!!python/object tag": (python_object_tag, "topics.yaml", 1),
    "type error": (type_error, "quotes.yaml", 4),
    "dangling reference": (dangling_reference, "quotes.yaml", 3),
    "unverifiable excerpt": (unverifiable_excerpt, "quotes.yaml", 10),
    "duplicate id": (duplicate_id, "topics.yaml", None),
    "oversized file": (oversized_file, "actors.yaml", 0),  # line 0: the whole file
}
LIMIT = 1 << 20  # larger than every file of the mini seed, smaller than the padded one


@pytest.mark.parametrize("name", DEFECTS)
def test_a_defective_seed_changes_nothing_and_names_the_problem(
    empty_db: str, seed_copy: Path, name: str
) -> None:
    defect, file, line = DEFECTS[name]
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    before = snapshot(empty_db)
    digest = file_digest(empty_db) if empty_db.startswith("sqlite") else None
    defect(seed_copy)
    with pytest.raises(SeedRejected) as rejected:
        load_seed(seed_copy, empty_db, LIMIT)
    problems = [str(problem) for problem in rejected.value.problems]
    assert all(PROBLEM.match(problem) for problem in problems), problems
    named = [PROBLEM.match(problem) for problem in problems]
    assert any(
        match and match["file"] == file and (line is None or int(match["line"]) == line)
        for match in named
    ), problems
    assert snapshot(empty_db) == before
    if digest is not None:
        assert file_digest(empty_db) == digest
