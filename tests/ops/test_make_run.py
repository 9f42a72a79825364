"""The two-command start after edits: `make run`'s steps (the Makefile's `db` recipe, then
serving) on a new database, an edit through the API with a key, the steps again: the edit is
still served, and the steps said in one line that they left the database as it was."""

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine

from app.config import Settings
from app.domain import KeyScope
from app.keys import create_key
from app.main import create_app
from tests.databases import ROOT, backends, postgres_schema

SUMMITKB = [sys.executable, "-c", "from app.cli import main; main()"]


def db_recipe() -> list[list[str]]:
    """The commands of the Makefile's `db` target, which `make run` runs before it serves."""
    lines = (ROOT / "Makefile").read_text(encoding="utf-8").splitlines()
    start = next(number for number, line in enumerate(lines) if line.startswith("db:"))
    recipe = []
    for line in lines[start + 1 :]:
        if not line.startswith("\t"):
            break
        program, *arguments = line.strip().split()
        assert program == "$(BIN)/summitkb", line
        recipe.append([*SUMMITKB, *arguments])
    return recipe


def make_run_steps(url: str) -> list[str]:
    """Run the recipe against `url` from the project's folder; what it printed, line by line."""
    environment = {**os.environ, "DATABASE_URL": url}
    printed: list[str] = []
    for command in db_recipe():
        done = subprocess.run(
            command, cwd=ROOT, env=environment, capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, done.stderr
        printed += done.stdout.splitlines() + done.stderr.splitlines()
    return printed


@pytest.fixture(params=backends())
def new_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database with nothing in it, not even a schema."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / f'{uuid.uuid4().hex[:8]}.db'}"
        return
    with postgres_schema() as url:
        yield url


def edit_description(url: str, actor_id: str, description: str) -> None:
    """An edit through the API with a write key: PATCH with the record's current ETag."""
    engine = create_engine(url)
    with engine.begin() as connection:
        key = create_key(connection, "newsroom", KeyScope.WRITE)
    engine.dispose()
    with TestClient(create_app(Settings(database_url=url))) as client:
        path = f"/v1/actors/{actor_id}"
        headers = {
            "Authorization": f"Bearer {key}",
            "Content-Type": "application/merge-patch+json",
            "If-Match": client.get(path).headers["etag"],
        }
        patch = orjson.dumps({"description": description})
        answer = client.patch(path, content=patch, headers=headers)
    assert answer.status_code == 200, answer.text


def served_actor(url: str, actor_id: str) -> dict[str, object]:
    with TestClient(create_app(Settings(database_url=url))) as client:
        answer = client.get(f"/v1/actors/{actor_id}")
    assert answer.status_code == 200, answer.text
    body: dict[str, object] = answer.json()
    return body


def test_make_run_after_an_edit_serves_the_edit(new_database: str) -> None:
    first = make_run_steps(new_database)
    assert first[-1].startswith("loaded the seed as dataset ")
    with TestClient(create_app(Settings(database_url=new_database))) as client:
        actor_id = client.get("/v1/actors", params={"limit": 1}).json()["items"][0]["id"]
    edit_description(new_database, actor_id, "Edited through the API.")
    again = make_run_steps(new_database)
    assert again[-1] == (
        "serving the database as it is: 1 record(s) edited through the API since the last load;"
        " the seed was not loaded (see `summitkb load --discard-edits`)"
    )
    assert served_actor(new_database, actor_id)["description"] == "Edited through the API."
