"""The migrations create exactly the models' schema, and can be undone and redone."""

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, select

from app.db.derived_tables import include_object
from app.db.models import Base, Position
from app.domain import Stance
from app.loader import load_seed
from tests.conftest import MAX_BYTES, REAL_SEED
from tests.databases import alembic_config, migrate


def schema_drift(url: str) -> list[object]:
    engine = create_engine(url)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": include_object}
        )
        drift: list[object] = compare_metadata(context, Base.metadata)
    engine.dispose()
    return drift


def table_names(url: str) -> set[str]:
    engine = create_engine(url)
    names = set(inspect(engine).get_table_names())
    engine.dispose()
    return names


def test_models_and_migrations_do_not_drift(empty_db: str) -> None:
    assert schema_drift(empty_db) == []


def test_downgrade_and_upgrade_again(empty_db: str) -> None:
    command.downgrade(alembic_config(empty_db), "base")
    assert table_names(empty_db) <= {"alembic_version"}
    migrate(empty_db)
    assert set(Base.metadata.tables) <= table_names(empty_db)
    assert schema_drift(empty_db) == []


def test_every_stance_of_the_vocabulary_is_stored(empty_db: str) -> None:
    load_seed(REAL_SEED, empty_db, MAX_BYTES)
    engine = create_engine(empty_db)
    with engine.connect() as connection:
        stored = set(connection.scalars(select(Position.stance).distinct()))
    engine.dispose()
    assert stored == set(Stance)
