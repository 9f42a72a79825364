"""/metrics counts and times requests by route template, and names the loaded dataset."""

from fastapi.testclient import TestClient
from prometheus_client.parser import text_string_to_metric_families

from tests.ops.conftest import ClientFor

QUOTE_ID = "putin-next-time-in-moscow"
QUOTE_ROUTE = "/v1/quotes/{quote_id}"


def samples(client: TestClient) -> dict[tuple[str, frozenset[tuple[str, str]]], float]:
    """Every sample of the exposition, keyed by name and labels."""
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(response.text)
        for sample in family.samples
    }


def requests_of(
    metrics: dict[tuple[str, frozenset[tuple[str, str]]], float], route: str, status: str
) -> float:
    labels = frozenset({("method", "GET"), ("route", route), ("status", status)})
    return metrics.get(("summitkb_http_requests_total", labels), 0.0)


def test_requests_are_counted_by_route_template(client: TestClient) -> None:
    before = requests_of(samples(client), QUOTE_ROUTE, "200")
    assert client.get(f"/v1/quotes/{QUOTE_ID}").status_code == 200
    assert client.get(f"/v1/quotes/{QUOTE_ID}").status_code == 200
    assert client.get("/v1/quotes/no-such-quote").status_code == 404
    after = samples(client)
    assert requests_of(after, QUOTE_ROUTE, "200") == before + 2
    assert requests_of(after, QUOTE_ROUTE, "404") >= 1
    labels = {value for _name, pairs in after for _key, value in pairs}
    assert QUOTE_ID not in labels
    assert "no-such-quote" not in labels


def test_latency_is_a_histogram_by_route(client: TestClient) -> None:
    client.get(f"/v1/quotes/{QUOTE_ID}")
    metrics = samples(client)
    route = frozenset({("method", "GET"), ("route", QUOTE_ROUTE)})
    assert metrics[("summitkb_http_request_duration_seconds_count", route)] >= 1
    bucket = "summitkb_http_request_duration_seconds_bucket"
    buckets = [labels for name, labels in metrics if name == bucket]
    assert any(("le", "+Inf") in labels and ("route", QUOTE_ROUTE) in labels for labels in buckets)


def test_paths_that_match_no_route_share_one_label(client: TestClient) -> None:
    client.get("/v1/nothing-here/12345")
    metrics = samples(client)
    assert requests_of(metrics, "<unmatched>", "404") >= 1
    assert "/v1/nothing-here/12345" not in {value for _n, pairs in metrics for _k, value in pairs}


def test_the_dataset_version_is_exposed(client: TestClient) -> None:
    version = client.get("/v1/meta").json()["version"]
    metrics = samples(client)
    assert metrics[("summitkb_dataset_info", frozenset({("version", version)}))] == 1
    assert metrics[("summitkb_dataset_loaded", frozenset())] == 1


def test_an_empty_database_exposes_no_dataset(client_for: ClientFor, empty_db: str) -> None:
    metrics = samples(client_for(empty_db))
    assert metrics[("summitkb_dataset_loaded", frozenset())] == 0
    assert not [name for name, _labels in metrics if name == "summitkb_dataset_info"]
