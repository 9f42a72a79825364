"""The real seed says why each record dated before an article it cites is earlier: the seed
passes with its `dated_by` words, and without them each such record is refused."""

import re
import shutil
from pathlib import Path

import yaml

from app.loader import check_seed
from tests.conftest import MAX_BYTES, REAL_SEED
from tests.loader.test_verification import problems_of

DATED = ("quotes", "positions", "events")
DATED_BY = re.compile(r"(?m)^  dated_by: .*\n")
PROBLEM = re.compile(r"^(?P<file>\w+)\.yaml:(?P<line>\d+): (?P<field>said_on|held_on|start): ")


def ids_with_dating_words(seed: Path, resource: str) -> set[str]:
    records = yaml.safe_load((seed / f"{resource}.yaml").read_text(encoding="utf-8"))
    return {record["id"] for record in records if record.get("dated_by")}


def record_at(path: Path, line: int) -> str:
    """The id of the record a line of a resource file belongs to."""
    lines = path.read_text(encoding="utf-8").splitlines()[:line]
    return next(text[len("- id: ") :] for text in reversed(lines) if text.startswith("- id: "))


def test_the_real_seed_passes_with_its_dating_words() -> None:
    check_seed(REAL_SEED, MAX_BYTES)[1].close()
    assert any(ids_with_dating_words(REAL_SEED, resource) for resource in DATED)


def test_without_its_dating_words_each_earlier_record_is_refused(tmp_path: Path) -> None:
    seed = tmp_path / "seed"
    shutil.copytree(REAL_SEED, seed)
    for resource in DATED:
        path = seed / f"{resource}.yaml"
        path.write_text(DATED_BY.sub("", path.read_text(encoding="utf-8")), encoding="utf-8")
    found = problems_of(seed)
    assert found
    for problem in found:
        match = PROBLEM.match(problem)
        assert match and "give dated_by" in problem, problem
        record = record_at(seed / f"{match['file']}.yaml", int(match["line"]))
        assert record in ids_with_dating_words(REAL_SEED, match["file"]), problem
