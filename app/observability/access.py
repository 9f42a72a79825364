"""One access log line and the request metrics for each answered HTTP request."""

import logging

from starlette.types import Scope

from app.observability.logs import ACCESS_LOGGER
from app.observability.metrics import UNMATCHED_ROUTE, observe_request

access_log = logging.getLogger(ACCESS_LOGGER)

# Any other method is counted as OTHER, so that made-up methods cannot multiply the series.
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def record_request(scope: Scope, status: int, seconds: float) -> None:
    """Count and time the request under its route template, and write its access log line."""
    method = scope["method"] if scope["method"] in METHODS else "OTHER"
    route = getattr(scope.get("route"), "path", None) or UNMATCHED_ROUTE
    observe_request(method, route, status, seconds)
    duration_ms = round(seconds * 1000, 2)
    access_log.info(
        "%s %s %d %.2fms",
        method,
        scope["path"],
        status,
        duration_ms,
        extra={
            "method": method,
            "route": route,
            "path": scope["path"],
            "status": status,
            "duration_ms": duration_ms,
        },
    )
