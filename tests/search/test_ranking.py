"""Ranking stays sensible: each search of ranking.yaml ranks its expected hit first, on every
backend, over the real seed."""

from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict

from tests.search.test_search_api import hits


class Expectation(BaseModel):
    model_config = ConfigDict(extra="forbid")

    q: str
    first: str  # "<type> <id>"
    why: str


EXPECTATIONS = [
    Expectation.model_validate(row)
    for row in yaml.safe_load((Path(__file__).parent / "ranking.yaml").read_text("utf-8"))
]


@pytest.mark.parametrize("expected", EXPECTATIONS, ids=[row.q for row in EXPECTATIONS])
def test_the_expected_hit_ranks_first(seed_api: TestClient, expected: Expectation) -> None:
    ranked = [f"{hit['type']} {hit['id']}" for hit in hits(seed_api, expected.q)]
    assert ranked[:1] == [expected.first], ranked[:5]
