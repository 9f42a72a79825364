"""The migrations create exactly the models' schema, and can be undone and redone."""

import datetime as dt

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, inspect, select, text

from app.config import Settings
from app.db.derived_tables import derived_quote_json, include_object
from app.db.models import Article, Base, Citation, Position
from app.domain import Stance
from app.loader import load_seed
from app.main import create_app
from tests.conftest import MAX_BYTES, MINI_SEED, REAL_SEED
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


def test_stored_citations_get_their_documents_as_articles(empty_db: str) -> None:
    """Upgraded from 0005, each stored document is one article of its whole text, every citation
    is of it, and the stored quote answers (which lack it) are left for the next load."""
    command.downgrade(alembic_config(empty_db), "0005")
    engine = create_engine(empty_db)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO sources (id, file, title, publisher, published_on, language, text,"
                " sha256, length, content_hash) VALUES ('src', 'a.txt', 'A page', 'P',"
                " '2025-08-14', 'en', 'Some words.', 'x', 11, 'h')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO actors (id, name, kind, content_hash)"
                " VALUES ('someone', 'Someone', 'person', 'h')"
            )
        )
        connection.execute(
            text(
                "INSERT INTO citations (source_id, excerpt, start_offset, end_offset, ordinal,"
                " actor_id) VALUES ('src', 'words', 5, 10, 0, 'someone')"
            )
        )
        connection.execute(text("INSERT INTO derived_quote_json (id, body) VALUES ('q', 'x')"))
    migrate(empty_db)
    with engine.connect() as connection:
        articles = connection.execute(select(Article.__table__)).all()
        cited = connection.scalars(select(Citation.article_id)).all()
        stored = connection.scalars(select(derived_quote_json.c.id)).all()
    engine.dispose()
    assert [tuple(row) for row in articles] == [
        ("src", "document", "A page", dt.date(2025, 8, 14), None, None, 0, 11, 0)
    ]
    assert cited == ["document"]
    assert stored == []


def test_the_stemmed_index_is_built_from_what_the_database_holds(empty_db: str) -> None:
    """Migration 0007 derives the new index from the records already stored, and its downgrade
    gives back the index of the revision before it, filled."""
    config = alembic_config(empty_db)
    before = ScriptDirectory.from_config(config).get_revision("0007").down_revision
    load_seed(MINI_SEED, empty_db, MAX_BYTES)
    command.downgrade(config, str(before))
    engine = create_engine(empty_db)
    with engine.connect() as connection:
        if connection.dialect.name == "sqlite":
            where = "id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH 'guarantees')"
        else:
            where = "vector @@ 'guarantees'::tsquery"
        filled = f"SELECT record_id FROM search_entries WHERE {where}"
        assert "security-guarantees" in connection.scalars(text(filled)).all()
    engine.dispose()
    command.upgrade(config, "head")
    with TestClient(create_app(Settings(database_url=empty_db))) as client:
        found = client.get("/v1/search", params={"q": "guarantee"}).json()["items"]
    assert ("topic", "security-guarantees") in {(hit["type"], hit["id"]) for hit in found}
