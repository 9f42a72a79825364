"""Dependencies shared by the routers: the session, page sizes, common errors."""

from collections.abc import Callable
from typing import Annotated, Any, Concatenate, ParamSpec, TypeVar

from fastapi import Depends, Request
from sqlalchemy import Connection, event
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

from app.queries.dataset_version import NOTED_VERSION, dataset_version
from app.schemas.common import problem_response

P = ParamSpec("P")
T = TypeVar("T")

# Session.info key under which a request's session keeps the request's state.
REQUEST_STATE = "request_state"
LIMIT_DEFAULT = 50
LIMIT_MAX = 500


def request_session(request: Request) -> Session:
    """A new read session that notes the dataset version it reads in `request`'s state."""
    session: Session = request.app.state.sessionmaker(info={REQUEST_STATE: request.state})
    return session


async def get_session(request: Request) -> Session:
    """A read session per request; it never commits.

    Creating it does no I/O, so this runs on the event loop; the route's first query opens the
    transaction (in a worker thread), and `note_dataset_version` reads the version there. The
    read that opens it ends it (`read_in_thread`), so the dependency needs no teardown: as a
    generator with a `finally`, it cost each request more than its one-row lookup. A plain
    function, not a `def` dependency: FastAPI would run that in a worker thread.
    """
    return request_session(request)


def note_dataset_version(session: Session, _transaction: Any, connection: Connection) -> None:
    """`after_begin` hook: read the dataset version as the transaction's first statement.

    That read fixes the transaction's snapshot (SQLite, or PostgreSQL at REPEATABLE READ): the
    answer and its X-Dataset-Version header come from that one dataset. The session notes it too,
    so that queries in the transaction need not read it again (snapshot_version).
    """
    state = session.info.get(REQUEST_STATE)
    if state is not None:
        state.dataset_version = session.info[NOTED_VERSION] = dataset_version(connection)


def watch_dataset_version(sessions: sessionmaker[Session]) -> None:
    event.listen(sessions, "after_begin", note_dataset_version)


SessionDep = Annotated[Session, Depends(get_session)]


# The problems routes declare: what each status means, and an example of it.
PROBLEMS: dict[int, dict[str, Any]] = {
    401: problem_response(
        "No API key, or one that is unknown or revoked: send a key as `Authorization: Bearer "
        "<key>` (`WWW-Authenticate` names the scheme).",
        401,
        "this request needs an API key, sent as `Authorization: Bearer <key>`",
        "/v1/quotes",
    ),
    403: problem_response(
        "The key is valid but its scope does not cover this request.",
        403,
        "this request needs a key of scope 'admin'; the key sent is 'write'",
        "/v1/quotes",
    ),
    404: problem_response(
        "No record with that id.",
        404,
        "no quote with id 'no-such-quote'",
        "/v1/quotes/no-such-quote",
    ),
    410: problem_response(
        "The record was deleted: `revision` is the number of the revision that deleted it (its "
        "revisions stay listed).",
        410,
        "quote 'putin-sincerely-interested' was deleted (revision 412); its revisions stay listed",
        "/v1/quotes/putin-sincerely-interested",
        revision=412,
    ),
    422: problem_response(
        "A parameter is invalid, or an id names no record; `errors` names each parameter and why "
        "(for an id, the nearest ids).",
        422,
        "query.actor: no actor has the id 'putin'; did you mean 'vladimir-putin'?",
        "/v1/quotes",
        errors=[
            {
                "location": "query.actor",
                "message": "no actor has the id 'putin'; did you mean 'vladimir-putin'?",
            }
        ],
    ),
}


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The documented problem answers of `statuses`, as the media type they are sent as (which
    typed clients read their shape from), each with its example."""
    return {status: PROBLEMS[status] for status in statuses}


async def read_in_thread(
    session: Session,
    function: Callable[Concatenate[Session, P], T],
    *args: P.args,
    **kwargs: P.kwargs,
) -> T:
    """`function(session, ...)` in a worker thread, which then ends the read transaction.

    One thread hop per request: the rollback is made there too, not on the event loop (a call
    that gives up the GIL there waits for it behind busy workers). Only for answers that are
    wholly built when `function` returns, not for streamed ones.
    """

    def read() -> T:
        try:
            return function(session, *args, **kwargs)
        finally:
            session.close()

    return await run_in_threadpool(read)
