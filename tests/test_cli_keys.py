"""`summitkb keys`: a key's token printed once and usable at once, listed without it, revoked by
name; refusals are one line."""

from pathlib import Path

from sqlalchemy import create_engine
from typer.testing import CliRunner

from app.cli import cli
from app.domain import KeyScope
from app.keys import TOKEN_PREFIX, find_key
from tests.api.auth_probe import make_key
from tests.test_cli import refused

runner = CliRunner()


def keys(url: str, *arguments: str) -> str:
    result = runner.invoke(cli, ["keys", *arguments, "--database-url", url])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_a_key_is_made_listed_and_revoked(empty_db: str) -> None:
    made = keys(empty_db, "create", "--name", "newsroom", "--scope", "write")
    [token] = made.split()  # stdout holds the token alone; the note goes to stderr
    assert token.startswith(TOKEN_PREFIX)
    engine = create_engine(empty_db)
    with engine.connect() as connection:
        holder = find_key(connection, token)
    engine.dispose()
    assert holder is not None and holder.name == "newsroom"
    keys(empty_db, "create", "--name", "desk", "--scope", "admin")
    listed = keys(empty_db, "list").splitlines()
    assert listed[0].split() == ["name", "scope", "created", "revoked"]
    rows = [line.split() for line in listed[1:]]
    assert [(row[0], row[1], row[-1]) for row in rows] == [
        ("desk", "admin", "-"),
        ("newsroom", "write", "-"),
    ]
    assert token not in "\n".join(listed)
    assert keys(empty_db, "revoke", "newsroom").strip() == "key 'newsroom' revoked"
    revoked = [line.split() for line in keys(empty_db, "list").splitlines()[1:]]
    assert revoked[1][0] == "newsroom" and revoked[1][-1] != "-"


def test_refusals_are_one_line(empty_db: str) -> None:
    make_key(empty_db, "newsroom", KeyScope.WRITE)
    taken = ["keys", "create", "--name", "newsroom", "--scope", "admin", "--database-url", empty_db]
    assert "exists already" in refused(runner.invoke(cli, taken))
    unknown = ["keys", "revoke", "nobody", "--database-url", empty_db]
    assert "no active key is named 'nobody'" in refused(runner.invoke(cli, unknown))
    blank = ["keys", "create", "--name", " ", "--scope", "write", "--database-url", empty_db]
    assert "1 to 100 characters" in refused(runner.invoke(cli, blank))
    bad_scope = runner.invoke(
        cli, ["keys", "create", "--name", "x", "--scope", "root", "--database-url", empty_db]
    )
    assert bad_scope.exit_code == 2 and "root" in bad_scope.output


def test_keys_on_a_database_with_no_schema_say_to_migrate(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path}/new.db"
    line = refused(runner.invoke(cli, ["keys", "list", "--database-url", url]))
    assert "summitkb migrate" in line
