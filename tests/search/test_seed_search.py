"""What people type, over the real seed on every backend: other forms and spellings of the words
the texts use find what those words find; names are matched as written."""

import pytest
from fastapi.testclient import TestClient

from tests.search.test_search_api import found


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("guarantee", "guarantees"),
        ("sanction", "sanctions"),
        ("cease-fire", "ceasefire"),  # a spelling declared in seed/variants.yaml
        ("Donbass", "Donbas"),  # likewise
        ("Kiev", "Kyiv"),  # likewise
    ],
)
def test_what_people_type_finds_what_the_texts_write(
    seed_api: TestClient, typed: str, written: str
) -> None:
    assert found(seed_api, typed) == found(seed_api, written) != set()


def test_land_swap_finds_the_topic_of_land_swaps_and_what_is_about_it(seed_api: TestClient) -> None:
    results = found(seed_api, "land swap")
    assert ("topic", "territorial-concessions") in results  # "...concessions and land swaps"
    assert ("position", "trump-territory") in results  # about it: "Has floated territorial swaps"


def test_words_the_texts_use_for_one_another_find_each_other(seed_api: TestClient) -> None:
    # The EU asks for "a ceasefire or de-escalation", the Coalition in the same words for "a
    # ceasefire or significant reduction of hostilities" (seed/variants.yaml).
    assert ("position", "coalition-ceasefire-2025-08-13") in found(seed_api, "de-escalation")
    assert ("position", "eu-ceasefire") in found(seed_api, '"reduction of hostilities"')


def test_a_name_is_matched_as_written(seed_api: TestClient) -> None:
    # "Willing" stems to "will", "Mark" (Rutte) to the stem of "marks", "US" (the United States)
    # to the porter stem of "using": the words find the records that say them, never the ones
    # that only name those actors.
    will = found(seed_api, "will")
    assert ("quote", "rutte-testing-putin") in will
    assert ("actor", "coalition-of-the-willing") not in will
    assert ("actor", "coalition-of-the-willing") in found(seed_api, "willing")
    assert ("actor", "mark-rutte") not in found(seed_api, "marks")
    assert ("actor", "united-states") not in found(seed_api, "using")
