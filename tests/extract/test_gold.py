"""The quote gold (bench/extract/gold) passes its checker, and the checker refuses what is wrong:
a text that is not the span, a span without quote marks, an unknown speaker, a span outside its
article, a date its words do not give, a date after the article, a group of one."""

import copy
import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
CHECKER = ROOT / "bench" / "extract" / "gold" / "check.py"


def load_checker() -> Any:
    spec = importlib.util.spec_from_file_location("gold_check", CHECKER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


check = load_checker()
DOCUMENTS = {document.name: document for document in check.seed_documents()}


def records_of(document: Any) -> list[dict[str, Any]]:
    records: list[dict[str, Any]] = check.load_yaml(document.gold)
    return records


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_the_gold_of_each_source_text_is_clean(name: str) -> None:
    count, problems = check.check_document(DOCUMENTS[name])
    assert problems == []
    assert count > 0


def test_the_checker_runs_from_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, str(CHECKER)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout
    assert result.stdout.splitlines()[-1].endswith(" records, 0 problems")


AFP = "004_9f4e31e1b15dc781.txt"
RECORDER = "002_11fbb14d59f80fc6.txt"


def broken(name: str, index: int, **changes: Any) -> list[str]:
    document = DOCUMENTS[name]
    record = copy.deepcopy(records_of(document)[index])
    record.update(changes)
    problems: list[str] = check.check_record(record, document)
    return problems


def test_each_gold_record_checked_here_is_clean_before_it_is_broken() -> None:
    assert check.check_record(records_of(DOCUMENTS[AFP])[1], DOCUMENTS[AFP]) == []
    assert check.check_record(records_of(DOCUMENTS[RECORDER])[2], DOCUMENTS[RECORDER]) == []


def test_a_text_that_is_not_the_span_is_refused() -> None:
    problems = broken(AFP, 1, text="We hope")
    assert any("is not document[" in p for p in problems)


def test_a_span_without_quote_marks_around_it_is_refused() -> None:
    record = records_of(DOCUMENTS[AFP])[1]
    start = record["start"] + 3
    text = DOCUMENTS[AFP].text[start : record["end"]]
    problems = broken(AFP, 1, start=start, text=text)
    assert any("no quote marks" in p for p in problems)


def test_an_unknown_speaker_id_is_refused() -> None:
    problems = broken(AFP, 1, speaker="vladimir-putin-2")
    assert any("not in seed/actors.yaml" in p for p in problems)


def test_a_span_outside_its_article_is_refused() -> None:
    problems = broken(RECORDER, 2, article="europe-pushes-for-ukraine-role")
    assert any("outside article" in p for p in problems)


def test_a_sidebar_record_must_lie_in_a_listed_sidebar() -> None:
    problems = broken(RECORDER, 2, article=None)
    assert any("in no sidebar" in p for p in problems)


def test_weekday_words_must_give_the_date() -> None:
    # 'Trump said Wednesday', in the article of Thursday 2025-08-07: Wednesday is 2025-08-06.
    problems = broken(RECORDER, 2, date="2025-08-05")
    assert any("give 2025-08-06" in p for p in problems)


def test_a_date_after_the_article_is_refused() -> None:
    problems = broken(AFP, 1, date="2025-08-16")
    assert any("after its article" in p for p in problems)


def test_another_date_than_the_article_needs_its_words() -> None:
    problems = broken(AFP, 1, date="2025-08-14")
    assert any("needs date_words" in p for p in problems)


def test_a_week_must_be_written_as_an_iso_week() -> None:
    problems = broken(AFP, 1, date_precision="week")
    assert any("is not a week" in p for p in problems)


def test_a_group_of_one_record_is_refused() -> None:
    records = copy.deepcopy(records_of(DOCUMENTS[AFP]))
    records[0]["group"] = "alone"
    assert any("has one record" in p for p in check.check_groups("x.yaml", records))


def heldout_folder(folder: Path, records: list[dict[str, Any]]) -> Path:
    """A held-out folder made of the AFP text (one article of 2025-08-15) and the given gold."""
    (folder / "gold").mkdir()
    (folder / "afp.txt").write_text(DOCUMENTS[AFP].text, encoding="utf-8")
    listing = [{"slug": "afp", "title": "AFP", "published_on": "2025-08-15"}]
    (folder / "sources.yaml").write_text(yaml.safe_dump(listing), encoding="utf-8")
    (folder / "gold" / "afp.yaml").write_text(yaml.safe_dump(records), encoding="utf-8")
    return folder


def as_heldout(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**record, "speaker": None, "article": "afp"} for record in records]


def test_a_held_out_folder_is_checked_with_its_own_dates_and_no_actor_ids(tmp_path: Path) -> None:
    records = as_heldout(records_of(DOCUMENTS[AFP]))
    [document] = check.heldout_documents(heldout_folder(tmp_path, records))
    assert check.check_document(document) == (len(records), [])


def test_a_held_out_record_may_not_name_an_actor_id(tmp_path: Path) -> None:
    records = as_heldout(records_of(DOCUMENTS[AFP]))
    records[0]["speaker"] = "vladimir-putin"
    [document] = check.heldout_documents(heldout_folder(tmp_path, records))
    _, problems = check.check_document(document)
    assert any("speaker must be null" in p for p in problems)


def test_a_quote_may_run_on_past_its_paragraph_only_as_part_of_a_group() -> None:
    text = 'He said, "First part.\n\n"Second part."'
    start = text.index("First")
    end = start + len("First part.")
    assert check.check_marks(text, start, end, run_on=True) is None
    assert check.check_marks(text, start, end, run_on=False) is not None
