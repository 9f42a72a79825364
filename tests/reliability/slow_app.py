"""The API with two test routes, served by uvicorn in the chain tests (as
`tests.reliability.slow_app:slow_api`): one that holds its worker thread, one that runs many
fast statements."""

import time

from fastapi import FastAPI
from sqlalchemy import text

from app.api.deps import SessionDep
from app.config import Settings
from app.main import create_app


def slow_api() -> FastAPI:
    app = create_app(Settings())

    @app.get("/v1/test/hold", responses={200: {"description": "Slept."}})
    def hold(session: SessionDep, seconds: float) -> float:
        """Read once, then hold the worker thread for `seconds`, as a slow read would."""
        session.execute(text("SELECT 1"))
        time.sleep(seconds)
        return seconds

    @app.get("/v1/test/statements", responses={200: {"description": "Counted."}})
    def statements(session: SessionDep, count: int, pause: float) -> int:
        """Run `count` fast statements, `pause` seconds apart."""
        for _ in range(count):
            session.execute(text("SELECT 1"))
            time.sleep(pause)
        return count

    return app
