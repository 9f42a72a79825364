"""`alembic upgrade head`, `downgrade -1`, `upgrade head` again: on every backend, in that order."""

from alembic import command
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from tests.databases import alembic_config
from tests.test_migrations import schema_drift


def current_revision(url: str) -> str | None:
    engine = create_engine(url)
    with engine.connect() as connection:
        revision = MigrationContext.configure(connection).get_current_revision()
    engine.dispose()
    return revision


def test_upgrade_downgrade_one_and_upgrade_again(empty_db: str) -> None:
    config = alembic_config(empty_db)
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    assert head is not None
    revision = script.get_revision(head)
    assert revision is not None
    below_head = revision.down_revision

    command.upgrade(config, "head")
    assert current_revision(empty_db) == head
    command.downgrade(config, "-1")
    assert current_revision(empty_db) == below_head
    command.upgrade(config, "head")
    assert current_revision(empty_db) == head
    assert schema_drift(empty_db) == []
