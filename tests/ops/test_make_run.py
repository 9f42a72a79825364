"""The two-command start after edits: `make run`'s steps (the Makefile's `db` recipe, then
serving) on a new database, an edit made with a key, the steps again: the edit is still served,
and the steps said in one line that they left the database as it was."""

import datetime as dt
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, insert, update

from app import derived
from app.config import Settings
from app.db.models import Actor, Revision
from app.domain import ChangeKind
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
    """An edit with a key, as the write core makes one: the record, the read model refreshed,
    and a revision by the key."""
    engine = create_engine(url)
    with engine.begin() as connection:
        edited = update(Actor).where(Actor.id == actor_id)
        connection.execute(edited.values(description=description, content_hash="edited"))
        derived.refresh(connection, {"actors": [actor_id]})
        revision = {
            "resource": "actors",
            "record_id": actor_id,
            "kind": ChangeKind.UPDATE,
            "made_at": dt.datetime.now(dt.UTC),
            "author": "newsroom",
            "by_key": True,
            "change": {"description": description},
        }
        connection.execute(insert(Revision), revision)
    engine.dispose()


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
