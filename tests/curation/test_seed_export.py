"""`summitkb export-seed DIR`: the database's knowledge, API edits included, written as a seed
that loads into an empty database with the very same `GET /v1/export`."""

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app.cli import cli
from app.config import Settings
from app.main import create_app
from tests.conftest import fresh_database
from tests.curation.conftest import Api
from tests.curation.helpers import new_position, new_quote, new_source
from tests.databases import ROOT
from tests.test_cli import refused

runner = CliRunner()


def exported(url: str) -> bytes:
    with TestClient(create_app(Settings(database_url=url))) as client:
        answer = client.get("/v1/export")
        assert answer.status_code == 200
        return answer.content


def export_seed(url: str, folder: Path) -> None:
    result = runner.invoke(cli, ["export-seed", str(folder), "--database-url", url])
    assert result.exit_code == 0, result.output
    assert f"exported to {folder}:" in result.stdout


def load(url: str, folder: Path) -> None:
    result = runner.invoke(cli, ["load", str(folder), "--database-url", url])
    assert result.exit_code == 0, result.output


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def second_database(
    request: pytest.FixtureRequest, mini_url: str, sqlite_template: Path, tmp_path: Path
) -> Iterator[str]:
    """An empty migrated database of the same backend as `mini_url`."""
    backend = "sqlite" if mini_url.startswith("sqlite") else "postgresql"
    folder = tmp_path / "second"
    folder.mkdir()
    yield from fresh_database(backend, sqlite_template, folder)


def edit_through_the_api(api: Api) -> None:
    assert api.post("sources", new_source()).status_code == 201
    assert api.post("quotes", new_quote()).status_code == 201
    assert api.post("positions", new_position(note="Read from the AFP report.")).status_code == 201
    actor = "/v1/actors/alexey-fadeev"
    renamed = api.patch(actor, {"aliases": ["Fadeev", "A. Fadeev"]}, api.etag(actor))
    assert renamed.status_code == 200, renamed.text
    duplicate = {"id": "zelenskyy", "name": "Volodymyr Zelenskyy", "kind": "person"}
    assert api.post("actors", duplicate).status_code == 201
    merged = "/v1/actors/volodymyr-zelensky"
    headers = {**api.auth(), "If-Match": api.etag(merged)}
    answer = api.client.post(f"{merged}/merge", json={"into": "zelenskyy"}, headers=headers)
    assert answer.status_code == 200, answer.text


def test_an_export_with_api_edits_loads_into_the_same_knowledge(
    api: Api, mini_url: str, second_database: str, tmp_path: Path
) -> None:
    edit_through_the_api(api)
    seed = tmp_path / "export"
    export_seed(mini_url, seed)
    load(second_database, seed)
    assert exported(second_database) == exported(mini_url)
    again = tmp_path / "again"
    export_seed(second_database, again)
    assert files(again) == files(seed)
    assert "note: Read from the AFP report." in (seed / "positions.yaml").read_text()
    actors = {r["id"]: r for r in yaml.safe_load((seed / "actors.yaml").read_text())}
    assert "volodymyr-zelensky" not in actors
    assert actors["zelenskyy"]["replaces"] == ["volodymyr-zelensky"]


def test_the_whole_seed_round_trips(tmp_path: Path, sqlite_template: Path) -> None:
    [first] = fresh_database("sqlite", sqlite_template, tmp_path)
    [second] = fresh_database("sqlite", sqlite_template, tmp_path)
    load(first, ROOT / "seed")
    export_seed(first, tmp_path / "export")
    load(second, tmp_path / "export")
    assert exported(second) == exported(first)
    sources = (tmp_path / "export" / "sources.yaml").read_text()
    assert "note: Datelined Anchorage" in sources  # an article's note is kept
    assert "citations:" in (tmp_path / "export" / "variants.yaml").read_text()
    replaced = [
        r for r in yaml.safe_load((ROOT / "seed" / "actors.yaml").read_text()) if r.get("replaces")
    ]
    exported_actors = yaml.safe_load((tmp_path / "export" / "actors.yaml").read_text())
    kept = {r["id"]: r["replaces"] for r in exported_actors if r.get("replaces")}
    assert replaced and kept == {r["id"]: sorted(r["replaces"]) for r in replaced}


def test_an_export_into_a_folder_that_holds_files_is_refused(mini_url: str, tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    line = refused(runner.invoke(cli, ["export-seed", str(folder), "--database-url", mini_url]))
    assert "is not an empty folder" in line
    assert [p.name for p in folder.iterdir()] == ["notes.txt"]
