"""Prometheus metrics: requests by route template and status, their latency, the dataset loaded.

Routes are labelled by their template (`/v1/quotes/{quote_id}`), never the raw path, so that ids
cannot multiply the series. With several worker processes, set PROMETHEUS_MULTIPROC_DIR to an
empty folder shared by the workers: each scrape then adds up every worker's counts.
"""

import datetime as dt
import os
from collections.abc import Iterator

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, InfoMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector

from app.schemas.records import MetaRead

UNMATCHED_ROUTE = "<unmatched>"

REQUESTS = Counter(
    "summitkb_http_requests",
    "HTTP requests answered, by method, route template and status.",
    ["method", "route", "status"],
)
LATENCY = Histogram(
    "summitkb_http_request_duration_seconds",
    "Time to answer an HTTP request, by method and route template.",
    ["method", "route"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    """Count one answered request and its duration."""
    REQUESTS.labels(method, route, str(status)).inc()
    LATENCY.labels(method, route).observe(seconds)


class DatasetCollector:
    """The loaded dataset's version and load time, read at scrape time."""

    def __init__(self, meta: MetaRead | None) -> None:
        self.meta = meta

    def collect(self) -> Iterator[Metric]:
        loaded = GaugeMetricFamily("summitkb_dataset_loaded", "1 if a dataset is loaded, else 0.")
        loaded.add_metric([], 1 if self.meta else 0)
        yield loaded
        if self.meta is None:
            return
        yield InfoMetricFamily(
            "summitkb_dataset",
            "The loaded dataset's version.",
            value={"version": self.meta.version},
        )
        loaded_at = GaugeMetricFamily(
            "summitkb_dataset_loaded_at_seconds", "When the dataset was loaded (Unix time)."
        )
        loaded_at.add_metric([], self.meta.loaded_at.astimezone(dt.UTC).timestamp())
        yield loaded_at


def request_registry() -> CollectorRegistry:
    """This process's metrics, or every worker's when they share a multiprocess folder."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    registry = CollectorRegistry()
    MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    return registry


def exposition(meta: MetaRead | None) -> bytes:
    """The metrics in Prometheus' text format."""
    dataset = CollectorRegistry(auto_describe=False)
    dataset.register(DatasetCollector(meta))
    return generate_latest(request_registry()) + generate_latest(dataset)
