"""The top speakers of a range from running counts: against a plain sort of every speaker."""

import random
from array import array

import pytest

from app.queries.speaker_totals import _top_slots


def reference(upper: list[int], lower: list[int] | None, limit: int) -> list[tuple[int, int]]:
    counts = [(slot, high - (lower[slot] if lower else 0)) for slot, high in enumerate(upper)]
    ranked = sorted((pair for pair in counts if pair[1]), key=lambda pair: (-pair[1], pair[0]))
    return ranked[:limit]


@pytest.mark.parametrize("seed", range(40))
def test_the_top_slots_are_the_largest_counts_ties_by_slot(seed: int) -> None:
    rng = random.Random(seed)
    size = rng.choice([0, 1, 5, 99, 100, 101, 300, 2000])
    lower = [rng.randint(0, 50) for _ in range(size)]
    # Few distinct counts, many zeros: ties at and around the cut.
    upper = [low + rng.choice([0, 0, 0, 1, 2, 3, 7]) for low in lower]
    limit = rng.choice([1, 3, 100, 150])
    expected = reference(upper, lower, limit)
    assert _top_slots(array("i", upper), array("i", lower), limit) == expected
    assert _top_slots(array("i", upper), None, limit) == reference(upper, None, limit)


def test_no_slot_has_a_count() -> None:
    assert _top_slots(array("i", [4, 4]), array("i", [4, 4]), 100) == []
    assert _top_slots(array("i", [4, 4]), None, 0) == []
