"""GET /v1/stances: the actor × topic matrix, now and as of a day."""

from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.api.helpers import assert_problem


def cells(api: TestClient, **params: Any) -> dict[tuple[str, str], dict[str, Any]]:
    response = api.get("/v1/stances", params=params)
    assert response.status_code == 200, response.text
    return {(c["actor"]["id"], c["topic"]["id"]): c for c in response.json()["cells"]}


def test_each_cell_has_the_latest_stance_and_its_evidence(api: TestClient) -> None:
    matrix = cells(api)
    assert set(matrix) == {
        ("volodymyr-zelensky", "ceasefire"),
        ("russia", "ceasefire"),
        ("russian-foreign-ministry", "europe-role-in-talks"),
    }
    europe = matrix["russian-foreign-ministry", "europe-role-in-talks"]
    assert europe["current"]["stance"] == "opposes"
    assert europe["current"]["evidence"] == ["fadeev-consultations-insignificant"]
    assert europe["current"]["citations"][0]["source_id"] == "chinadaily-2025-08-14"
    assert europe["earlier"] == []


def test_earlier_stances_show_where_the_position_changed(api: TestClient) -> None:
    russia = cells(api)["russia", "ceasefire"]
    assert (russia["current"]["position_id"], russia["current"]["stance"]) == (
        "russia-ceasefire",
        "opposes",
    )
    # Two conditional positions in a row are one stance: the later of them is shown.
    assert [(p["position_id"], p["stance"]) for p in russia["earlier"]] == [
        ("russia-ceasefire-2025-07", "conditional")
    ]


def test_as_of_answers_for_that_day(api: TestClient) -> None:
    july = cells(api, as_of="2025-07-15")
    assert set(july) == {("russia", "ceasefire")}
    assert july["russia", "ceasefire"]["current"]["position_id"] == "russia-ceasefire-2025-07"
    assert july["russia", "ceasefire"]["earlier"] == []
    response = api.get("/v1/stances", params={"as_of": "2025-07-15"})
    assert response.json()["as_of"] == "2025-07-15"
    assert cells(api, as_of="2024-01-01") == {}


def test_filters(api: TestClient) -> None:
    assert set(cells(api, actor="russia")) == {("russia", "ceasefire")}
    assert set(cells(api, topic="europe-role-in-talks")) == {
        ("russian-foreign-ministry", "europe-role-in-talks")
    }
    assert api.get("/v1/stances", params={"actor": "nobody"}).status_code == 422


@pytest.mark.parametrize(
    ("params", "detail"), [({"as_of": "2025-13-01"}, "as_of"), ({"as_of": "soon"}, "as_of")]
)
def test_bad_dates_are_problems(api: TestClient, params: dict[str, str], detail: str) -> None:
    assert_problem(api.get("/v1/stances", params=params), 422, detail)
