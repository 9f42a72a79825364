"""The command line: load reports what it changed, or every problem and a non-zero exit."""

from pathlib import Path

from typer.testing import CliRunner

from app.cli import cli
from tests.conftest import MINI_SEED
from tests.loader.test_verification import replace_in

runner = CliRunner()


def test_load_prints_what_it_changed(empty_db: str) -> None:
    first = runner.invoke(cli, ["load", str(MINI_SEED), "--database-url", empty_db])
    assert first.exit_code == 0, first.output
    assert "quotes             4        0        0          0" in first.output
    second = runner.invoke(cli, ["load", str(MINI_SEED), "--database-url", empty_db])
    assert "quotes             0        0        0          4" in second.output
    assert "already loaded; nothing written" in second.output


def test_load_lists_every_problem_and_fails(empty_db: str, seed_copy: Path) -> None:
    replace_in(seed_copy / "quotes.yaml", "speaker: alexey-fadeev", "speaker: nobody")
    replace_in(seed_copy / "topics.yaml", "- id: ceasefire", "- id: Ceasefire")
    result = runner.invoke(cli, ["load", str(seed_copy), "--database-url", empty_db])
    assert result.exit_code == 1
    assert "quotes.yaml:3: speaker: unknown actor 'nobody'" in result.output
    assert "topics.yaml:1: id: String should match pattern" in result.output
    assert "rejected: " in result.output and "nothing was written" in result.output


def test_migrate_creates_the_schema(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new' / 'kb.db'}"
    result = runner.invoke(cli, ["migrate", "--database-url", url])
    assert result.exit_code == 0, result.output
    loaded = runner.invoke(cli, ["load", str(MINI_SEED), "--database-url", url])
    assert loaded.exit_code == 0, loaded.output
