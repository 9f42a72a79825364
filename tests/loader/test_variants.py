"""Variant sets (variants.yaml) and topic aliases: checked like every record, each problem named
as file:line: field: reason; a seed may have no variants file."""

from pathlib import Path

import pytest

from app.loader import check_seed
from tests.conftest import MAX_BYTES
from tests.loader.test_verification import problems_of, replace_in

SPELLINGS = """- id: ceasefire-spellings
  kind: spelling
  words: [ceasefire, cease-fire]
  citations:
    - source: chinadaily-2025-08-14
      excerpt: Zelensky has called for a full ceasefire
"""


def with_variants(seed: Path, text: str) -> Path:
    (seed / "variants.yaml").write_text(text, encoding="utf-8")
    return seed


def test_a_seed_without_variants_and_one_with_them_pass(seed_copy: Path) -> None:
    assert check_seed(seed_copy, MAX_BYTES)[1]["variants"] == []
    assert check_seed(with_variants(seed_copy, SPELLINGS), MAX_BYTES)[1]["variants"] == [
        "ceasefire-spellings"
    ]


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("kind: spelling", "kind: spelling\n  sense: x", "sense: Extra inputs are not permitted"),
        ("kind: spelling", "kind: guess", "kind: Input should be 'spelling' or 'synonym'"),
        ("[ceasefire, cease-fire]", "[ceasefire]", "words: List should have at least 2 items"),
        (
            "[ceasefire, cease-fire]",
            "[ceasefire, cease-fire, Cease Fire]",
            "words.2: the same words as 'cease-fire' once case, accents and punctuation",
        ),
        ("[ceasefire, cease-fire]", "[ceasefire, '...']", "words.1: no letters or digits"),
        (
            "[ceasefire, cease-fire]",
            "[ceasefire, a cease to the fire]",
            "words.1: at most 4 words",
        ),
        (
            "excerpt: Zelensky has called for a full ceasefire",
            "excerpt: Zelensky has called",
            "citations.0.excerpt: the excerpt holds none of the set's words",
        ),
        (
            "excerpt: Zelensky has called for a full ceasefire",
            "excerpt: Zelensky has called for a full truce",
            "citations.0.excerpt: the excerpt does not occur verbatim",
        ),
        (
            "kind: spelling",
            "kind: synonym",
            "words.1: no excerpt holds 'cease-fire': a synonym must be a word the texts use",
        ),
    ],
)
def test_a_wrong_variant_set_is_refused(seed_copy: Path, old: str, new: str, problem: str) -> None:
    seed = with_variants(seed_copy, SPELLINGS.replace(old, new))
    found = problems_of(seed)
    assert any(line.startswith("variants.yaml:") and problem in line for line in found), found


def test_topic_aliases_are_checked(seed_copy: Path) -> None:
    topics = seed_copy / "topics.yaml"
    replace_in(topics, "  name: Ceasefire\n", "  name: Ceasefire\n  aliases: [truce, [x]]\n")
    found = problems_of(seed_copy)
    assert any("aliases.1: Input should be a valid string" in line for line in found), found
    replace_in(topics, "[truce, [x]]", "[cessation of hostilities]")
    assert check_seed(seed_copy, MAX_BYTES)[1]["topics"]
