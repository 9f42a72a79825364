"""The loader refuses what it cannot verify, and names every problem as file:line: field: reason."""

from pathlib import Path

import pytest

from app.loader import SeedRejected, check_seed
from tests.conftest import MAX_BYTES


def problems_of(seed: Path) -> list[str]:
    with pytest.raises(SeedRejected) as rejected:
        check_seed(seed, MAX_BYTES)
    return [str(problem) for problem in rejected.value.problems]


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_number(path: Path, fragment: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if fragment in line)


def test_the_mini_seed_passes() -> None:
    from tests.conftest import MINI_SEED

    version, plan = check_seed(MINI_SEED, MAX_BYTES)
    assert len(version) == 64
    assert set(plan["quotes"]) >= {"putin-next-time-in-moscow"}


def test_an_excerpt_not_in_the_text_is_rejected_with_file_and_line(seed_copy: Path) -> None:
    replace_in(seed_copy / "events.yaml", "no apparent breakthrough deal", "a breakthrough deal")
    line = line_number(seed_copy / "events.yaml", "a breakthrough deal")
    assert problems_of(seed_copy) == [
        f"events.yaml:{line}: citations.0.excerpt: the excerpt does not occur verbatim"
        " in source 'afp-2025-08-15'"
    ]


def test_straight_quotes_for_typographic_ones_are_named_as_such(seed_copy: Path) -> None:
    replace_in(seed_copy / "quotes.yaml", "'\"We consider", "'“We consider")
    [problem] = problems_of(seed_copy)
    assert "differs from the text only in quote marks or whitespace" in problem


def test_an_ambiguous_excerpt_needs_a_start_and_a_given_start_is_checked(seed_copy: Path) -> None:
    # "listening exercise" occurs twice in the China Daily text.
    replace_in(
        seed_copy / "events.yaml",
        "excerpt: But Fadeev on Wednesday said the EU rhetoric",
        "excerpt: listening exercise",
    )
    [problem] = problems_of(seed_copy)
    assert "occurs more than once" in problem and "add start" in problem
    replace_in(
        seed_copy / "events.yaml",
        "excerpt: listening exercise",
        "excerpt: listening exercise\n      start: 5",
    )
    [problem] = problems_of(seed_copy)
    assert "citations.0.start: the excerpt is not at offset 5" in problem


def test_a_quote_must_stand_in_each_of_its_excerpts(seed_copy: Path) -> None:
    replace_in(seed_copy / "quotes.yaml", "text: Next time in Moscow", "text: Next time in Kyiv")
    [problem] = problems_of(seed_copy)
    assert problem.endswith("citations.0.excerpt: the quote's text is not in this excerpt")


def test_every_problem_is_reported_in_one_pass(seed_copy: Path) -> None:
    replace_in(seed_copy / "quotes.yaml", "speaker: alexey-fadeev", "speaker: alexei-fadeev")
    replace_in(seed_copy / "positions.yaml", "topic: ceasefire", "topic: truce")
    replace_in(seed_copy / "events.yaml", "kind: summit", "kind: picnic")
    replace_in(
        seed_copy / "actors.yaml",
        "organisation: russian-foreign-ministry",
        "organisation: foreign-ministry",
    )
    found = problems_of(seed_copy)
    assert len(found) == 4
    assert any("quotes.yaml" in p and "speaker: unknown actor 'alexei-fadeev'" in p for p in found)
    assert any("positions.yaml" in p and "topic: unknown topic 'truce'" in p for p in found)
    assert any("events.yaml" in p and "kind: Input should be" in p for p in found)
    assert any("affiliations.0.organisation: unknown actor 'foreign-ministry'" in p for p in found)


def test_duplicate_ids_name_the_first(seed_copy: Path) -> None:
    replace_in(seed_copy / "topics.yaml", "- id: security-guarantees", "- id: ceasefire")
    [problem] = problems_of(seed_copy)
    assert "id: duplicate id 'ceasefire' (first at line 1)" in problem


def test_the_same_words_twice_for_one_speaker_are_refused(seed_copy: Path) -> None:
    replace_in(
        seed_copy / "quotes.yaml",
        "- id: putin-next-time-in-moscow",
        "- id: putin-next-time-in-moscow-again\n  text: Next time in Moscow\n"
        "  speaker: vladimir-putin\n  said_on: 2025-08-15\n  citations:\n"
        "    - source: afp-2025-08-15\n      excerpt: “Next time in Moscow,”\n"
        "- id: putin-next-time-in-moscow",
    )
    found = problems_of(seed_copy)
    assert any("the same words by the same speaker are already quote" in p for p in found)
    assert all("putin-next-time-in-moscow" in p for p in found), found


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("- id: x\n  name: [unclosed\n", "topics.yaml:3: file: invalid YAML: expected ',' or ']'"),
        ("- !!python/object:os.system {}\n", "topics.yaml:1: file: invalid YAML"),
        ("id: not-a-list\n", "topics.yaml:1: file: expected a list of records"),
        ("- id: Not A Slug\n  name: X\n", "topics.yaml:1: id: String should match pattern"),
        (
            "- id: x\n  name: X\n  colour: red\n",
            "topics.yaml:3: colour: Extra inputs are not permitted",
        ),
    ],
)
def test_malformed_files_are_named(seed_copy: Path, content: str, expected: str) -> None:
    (seed_copy / "topics.yaml").write_text(content, encoding="utf-8")
    assert any(problem.startswith(expected) for problem in problems_of(seed_copy))


def test_an_oversized_file_is_refused(seed_copy: Path) -> None:
    with pytest.raises(SeedRejected) as rejected:
        check_seed(seed_copy, max_file_bytes=200)
    assert any("larger than the limit" in str(p) for p in rejected.value.problems)


def test_a_document_outside_the_seed_is_refused(seed_copy: Path) -> None:
    replace_in(
        seed_copy / "sources.yaml",
        "file: documents/004_9f4e31e1b15dc781.txt",
        "file: ../../etc/passwd",
    )
    found = problems_of(seed_copy)
    assert any("file: no document at '../../etc/passwd' inside the seed" in p for p in found)


def test_jsonl_records_are_read_with_their_line_numbers(seed_copy: Path) -> None:
    (seed_copy / "topics.yaml").unlink()
    (seed_copy / "topics.jsonl").write_text(
        '{"id": "ceasefire", "name": "Ceasefire"}\n'
        '{"id": "europe-role-in-talks", "name": "Europe"}\n'
        '{"id": "security-guarantees"}\n',
        encoding="utf-8",
    )
    assert problems_of(seed_copy) == ["topics.jsonl:3: name: Field required"]


def test_a_resource_given_twice_is_refused(seed_copy: Path) -> None:
    (seed_copy / "topics.jsonl").write_text('{"id": "x", "name": "X"}\n', encoding="utf-8")
    assert any("given twice" in problem for problem in problems_of(seed_copy))


def test_a_day_that_does_not_exist_is_a_problem_of_its_field(seed_copy: Path) -> None:
    replace_in(seed_copy / "quotes.yaml", "said_on: 2025-08-13", "said_on: 2025-02-30")
    line = line_number(seed_copy / "quotes.yaml", "said_on: 2025-02-30")
    assert problems_of(seed_copy) == [
        f"quotes.yaml:{line}: said_on: Value error, '2025-02-30' is not a date: expected"
        " YYYY-MM-DD, YYYY-Www, YYYY-MM, YYYY or null"
    ]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("", "topics.yaml:1: file: empty: no records (write [] for a resource that has none)"),
        (
            "- id: [ceasefire\n  name: Ceasefire\n",
            "topics.yaml:2: file: invalid YAML: expected ',' or ']', but got ':'"
            " (while parsing a flow sequence at line 1)",
        ),
    ],
)
def test_an_unreadable_file_is_the_one_problem_named(
    seed_copy: Path, content: str, expected: str
) -> None:
    """Records that refer to a file's records are not reported too: the file is the cause."""
    (seed_copy / "topics.yaml").write_text(content, encoding="utf-8")
    assert problems_of(seed_copy) == [expected]


def test_an_unreadable_file_is_listed_before_the_problems_of_records(seed_copy: Path) -> None:
    (seed_copy / "topics.yaml").write_text("", encoding="utf-8")
    replace_in(seed_copy / "actors.yaml", "kind: person", "kind: robot")
    found = problems_of(seed_copy)
    assert found[0].startswith("topics.yaml:1: file: empty")
    assert found[1].startswith("actors.yaml:")


def test_a_document_linked_from_outside_the_seed_is_refused(seed_copy: Path) -> None:
    document = seed_copy / "documents" / "004_9f4e31e1b15dc781.txt"
    outside = seed_copy.parent / "elsewhere.txt"
    outside.write_bytes(document.read_bytes())
    document.unlink()
    document.symlink_to(outside)
    line = line_number(seed_copy / "sources.yaml", "file: documents/004_9f4e31e1b15dc781.txt")
    assert problems_of(seed_copy) == [
        f"sources.yaml:{line}: file: 'documents/004_9f4e31e1b15dc781.txt' is a link to a file"
        " outside the seed folder: refused"
    ]


def test_a_resource_file_linked_from_outside_the_seed_is_refused(seed_copy: Path) -> None:
    outside = seed_copy.parent / "topics.yaml"
    (seed_copy / "topics.yaml").rename(outside)
    (seed_copy / "topics.yaml").symlink_to(outside)
    assert problems_of(seed_copy) == [
        "topics.yaml:0: file: a link to a file outside the seed folder: refused"
    ]


def test_a_link_inside_the_seed_is_followed(seed_copy: Path) -> None:
    document = seed_copy / "documents" / "004_9f4e31e1b15dc781.txt"
    kept = seed_copy / "documents" / "kept.txt"
    document.rename(kept)
    document.symlink_to(kept)
    _, plan = check_seed(seed_copy, MAX_BYTES)
    assert len(plan["sources"]) == 2
