"""`summitkb bootstrap` (what `make run` runs) loads the seed only into a database with no
dataset, or no edit since its last load, and says what it did in one line; `summitkb load`
refuses to overwrite edits unless --discard-edits."""

from pathlib import Path

from typer.testing import CliRunner, Result

from app.cli import cli
from tests.conftest import MINI_SEED
from tests.loader.test_load_revisions import EDITED, edit_through_a_key, revisions
from tests.loader.test_verification import replace_in

runner = CliRunner()


def run(*arguments: str) -> Result:
    return runner.invoke(cli, list(arguments))


def one_line(result: Result) -> str:
    assert result.exit_code == 0, result.output
    [line] = result.output.strip().splitlines()
    return line


def test_bootstrap_loads_an_empty_database_then_only_a_changed_seed(
    empty_db: str, seed_copy: Path
) -> None:
    first = one_line(run("bootstrap", str(seed_copy), "--database-url", empty_db))
    assert first.startswith("loaded the seed as dataset ") and "0 deleted" in first
    again = one_line(run("bootstrap", str(seed_copy), "--database-url", empty_db))
    assert again.startswith("the seed is loaded already")
    replace_in(seed_copy / "topics.yaml", "name: Ceasefire", "name: Cease-fire")
    changed = one_line(run("bootstrap", str(seed_copy), "--database-url", empty_db))
    assert changed.endswith("(0 inserted, 1 updated, 0 deleted)")


def test_bootstrap_leaves_an_edited_database_as_it_is(empty_db: str, seed_copy: Path) -> None:
    one_line(run("bootstrap", str(seed_copy), "--database-url", empty_db))
    edit_through_a_key(empty_db)
    count = len(revisions(empty_db))
    replace_in(seed_copy / "topics.yaml", "name: Ceasefire", "name: Cease-fire")
    line = one_line(run("bootstrap", str(seed_copy), "--database-url", empty_db))
    assert line.startswith("serving the database as it is: 1 record(s) edited through the API")
    assert len(revisions(empty_db)) == count
    # The seed is not even read: a broken one does not stop the server.
    (seed_copy / "quotes.yaml").write_text("- not: a quote\n", encoding="utf-8")
    assert one_line(run("bootstrap", str(seed_copy), "--database-url", empty_db)) == line


def test_load_lists_the_edits_it_would_overwrite_and_writes_nothing(empty_db: str) -> None:
    one_line(run("bootstrap", str(MINI_SEED), "--database-url", empty_db))
    edit_through_a_key(empty_db)
    count = len(revisions(empty_db))
    refused = run("load", str(MINI_SEED), "--database-url", empty_db)
    assert refused.exit_code == 1 and "Traceback" not in refused.output
    assert refused.output.splitlines() == [
        f"quotes/{EDITED}: 1 revision(s), the last by newsroom",
        "refused: 1 record(s) edited through the API since the last load would be overwritten;"
        " nothing was written (`--discard-edits` loads anyway)",
    ]
    assert len(revisions(empty_db)) == count
    loaded = run("load", str(MINI_SEED), "--database-url", empty_db, "--discard-edits")
    assert loaded.exit_code == 0, loaded.output
    assert "quotes             0        1        0          3" in loaded.output
    line = one_line(run("bootstrap", str(MINI_SEED), "--database-url", empty_db))
    assert line.startswith("the seed is loaded already")
