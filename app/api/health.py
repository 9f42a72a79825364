"""Operations endpoints, outside /v1: liveness, readiness and Prometheus metrics."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response
from prometheus_client import CONTENT_TYPE_PLAIN_0_0_4

from app.api.params import QueryModel
from app.api.routing import ReadRoute
from app.errors import Unavailable
from app.observability.metrics import exposition
from app.observability.readiness import check_readiness
from app.schemas.common import problem_response
from app.schemas.health import LivenessRead, ReadinessRead

router = APIRouter(tags=["operations"], route_class=ReadRoute)

# Probes take no parameters: a name in the query string is a 422, as on every route.
NoQuery = Annotated[QueryModel, Query()]

# Probes and scrapes must see the instance as it is now, never a cached answer.
NO_STORE = "no-store"


class NotReady(Unavailable):
    pass


NOT_READY: dict[int | str, dict[str, Any]] = {
    503: problem_response(
        "A check failed; `detail` says which, `checks` gives every outcome.",
        503,
        "not ready: dataset: no dataset is loaded: run `summitkb load`",
        "/readyz",
        checks={
            "database": "ok",
            "schema": "ok",
            "dataset": "no dataset is loaded: run `summitkb load`",
        },
    )
}


@router.get("/healthz")
async def healthz(response: Response, _query: NoQuery) -> LivenessRead:
    """Liveness: the process answers. The database is not consulted."""
    response.headers["Cache-Control"] = NO_STORE
    return LivenessRead(status="ok")


@router.get("/readyz", responses=NOT_READY)
def readyz(request: Request, response: Response, _query: NoQuery) -> ReadinessRead:
    """Readiness: the database answers, its schema is at head and a dataset is loaded; else 503."""
    readiness = check_readiness(request.app.state.engine)
    if readiness.meta is None or not readiness.ready:
        failed = next(name for name, outcome in readiness.checks.items() if outcome != "ok")
        detail = f"not ready: {failed}: {readiness.checks[failed]}"
        raise NotReady(detail, checks=readiness.checks)
    response.headers["Cache-Control"] = NO_STORE
    return ReadinessRead(
        status="ready", checks=readiness.checks, dataset_version=readiness.meta.version
    )


@router.get("/metrics", include_in_schema=False)
def metrics(request: Request) -> Response:
    """Prometheus metrics in the text exposition format."""
    meta = check_readiness(request.app.state.engine).meta
    return Response(
        exposition(meta), media_type=CONTENT_TYPE_PLAIN_0_0_4, headers={"Cache-Control": NO_STORE}
    )
