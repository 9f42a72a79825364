"""The command line: load reports what it changed, or every problem and a non-zero exit; an
expected failure is one line and a non-zero exit, never a traceback."""

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from app.cli import cli
from tests.conftest import MINI_SEED
from tests.databases import migrate
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


def refused(result: Result) -> str:
    """The one line a refused command printed (checked: exit status 1, no traceback)."""
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    [line] = result.output.strip().splitlines()
    assert line.startswith("error: ")
    return line


def test_load_into_a_database_with_no_schema_says_to_migrate(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'new.db'}"
    line = refused(runner.invoke(cli, ["load", str(MINI_SEED), "--database-url", url]))
    assert "no revision (not migrated)" in line
    assert line.endswith("run `summitkb migrate` first")


def test_load_into_a_database_behind_the_migrations_says_to_migrate(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    migrate(url, "0001")
    line = refused(runner.invoke(cli, ["load", str(MINI_SEED), "--database-url", url]))
    assert "at 0001, expected" in line and "summitkb migrate" in line


def test_load_from_a_missing_seed_folder_says_so(empty_db: str, tmp_path: Path) -> None:
    missing = tmp_path / "no-seed"
    line = refused(runner.invoke(cli, ["load", str(missing), "--database-url", empty_db]))
    assert (
        line
        == f"error: no seed folder at {missing}: give the folder that holds the seed's YAML files"
    )


@pytest.mark.parametrize("command", ["load", "migrate"])
def test_a_database_that_cannot_be_opened_is_one_line(command: str, tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database, not at all" * 100)
    unopenable = tmp_path / "a-folder.db"
    unopenable.mkdir()
    for path, reason in [(garbage, "file is not a database"), (unopenable, "unable to open")]:
        arguments = [command, "--database-url", f"sqlite:///{path}"]
        line = refused(runner.invoke(cli, arguments))
        assert line.startswith(f"error: cannot use the database sqlite:///{path}: {reason}")


def test_a_server_that_cannot_be_reached_is_one_line_without_the_password() -> None:
    url = "postgresql+psycopg://someone:secret@127.0.0.1:1/summitkb"
    line = refused(runner.invoke(cli, ["migrate", "--database-url", url]))
    assert "cannot use the database postgresql+psycopg://someone:***@127.0.0.1:1/summitkb" in line
    assert "secret" not in line


@pytest.mark.parametrize("url", ["bogus://x", "not a url"])
def test_a_url_that_names_no_database_is_one_line(url: str) -> None:
    line = refused(runner.invoke(cli, ["migrate", "--database-url", url]))
    assert line.startswith("error: not a database URL this program can use")


@pytest.mark.parametrize(
    ("arguments", "named"),
    [
        (["serve", "--port", "abc"], "--port"),
        (["load", "a", "b"], "unexpected extra argument"),
        (["loda"], "No such command"),
    ],
)
def test_bad_arguments_are_a_usage_error(arguments: list[str], named: str) -> None:
    result = runner.invoke(cli, arguments)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert named in result.output
