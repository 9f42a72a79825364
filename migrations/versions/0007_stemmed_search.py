"""stemmed search: topic aliases, variant words, indexes of stems and of words as written, rebuilt

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 10:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.derived import search_store

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# PostgreSQL's `english` configuration without its stop words: FTS5's porter tokenizer keeps
# every word, and "US" (the United States) or "will" must be found on both databases alike.
POSTGRES_UP = (
    "CREATE TEXT SEARCH DICTIONARY summitkb_english_stem (TEMPLATE = snowball, Language = english)",
    "CREATE TEXT SEARCH CONFIGURATION summitkb_english (COPY = pg_catalog.english)",
    "ALTER TEXT SEARCH CONFIGURATION summitkb_english "
    "ALTER MAPPING REPLACE english_stem WITH summitkb_english_stem",
)
POSTGRES_DOWN = (
    "DROP TEXT SEARCH CONFIGURATION summitkb_english",
    "DROP TEXT SEARCH DICTIONARY summitkb_english_stem",
)
# SQLite searches one FTS5 expression over the stemmed table: the stems of a title, body or
# topics, or the names as written, from name_words (each word marked so that porter leaves it
# as it is: "using" must not find the United States, "US"); its stemmed names only rank. An
# actor's title is its name: it is left out there (its names hold it). The exact table ranks
# the words as typed and gives a prefix the words that start with it (its vocabulary). The
# same on PostgreSQL: app.derived.search_store.
SQLITE_UP = (
    "CREATE VIEW search_stemmed AS SELECT id, "
    "CASE WHEN record_type = 'actor' THEN '' ELSE title END AS title, "
    "body, names, topics, name_words FROM search_entries",
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, names, topics, name_words, "
    "content='search_stemmed', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE search_exact_fts USING fts5(title, body, names, topics, "
    "content='search_entries', content_rowid='id', tokenize='unicode61 remove_diacritics 2', "
    "prefix='2 3')",
    "CREATE VIRTUAL TABLE search_exact_vocab USING fts5vocab(search_exact_fts, 'row')",
)
SQLITE_DOWN = (
    "DROP TABLE search_exact_vocab",
    "DROP TABLE search_exact_fts",
    "DROP TABLE search_fts",
    "DROP VIEW search_stemmed",
)


def upgrade() -> None:
    op.create_table(
        "topic_aliases",
        sa.Column("topic_id", sa.String(length=200), nullable=False),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["topics.id"],
            name=op.f("fk_topic_aliases_topic_id_topics"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("topic_id", "alias", name=op.f("pk_topic_aliases")),
    )
    op.create_table(
        "variants",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "spelling",
                "synonym",
                name="variant_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_variants")),
    )
    op.create_table(
        "variant_words",
        sa.Column("variant_id", sa.String(length=200), nullable=False),
        sa.Column("folded", sa.String(length=300), nullable=False),
        sa.Column("word", sa.String(length=300), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["variant_id"],
            ["variants.id"],
            name=op.f("fk_variant_words_variant_id_variants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("variant_id", "folded", name=op.f("pk_variant_words")),
    )
    with op.batch_alter_table("variant_words", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_variant_words_folded"), ["folded"], unique=False)
    for column in ("topics", "name_words"):
        op.add_column(
            "search_entries", sa.Column(column, sa.Text(), nullable=False, server_default="")
        )
    if op.get_context().dialect.name == "postgresql":
        for statement in POSTGRES_UP:
            op.execute(statement)
    else:
        op.execute("DROP TABLE search_fts")
        for statement in SQLITE_UP:
            op.execute(statement)
    # The index is derived from the records: migration 0010 derives it again, in this form,
    # once the columns that the index's code now reads (sources.text_access) exist.


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        _postgres_indexes_down()
    else:
        for statement in SQLITE_DOWN:
            op.execute(statement)
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5("
            "title, body, names, content='search_entries', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
        )
        op.execute("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
    with op.batch_alter_table("search_entries", schema=None) as batch_op:
        batch_op.drop_column("name_words")
        batch_op.drop_column("topics")
    with op.batch_alter_table("variant_words", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_variant_words_folded"))
    op.drop_table("variant_words")
    op.drop_table("variants")
    op.drop_table("topic_aliases")


def _postgres_indexes_down() -> None:
    for statement in POSTGRES_DOWN:
        op.execute(statement)
    _refill_vector(op.get_bind())


# Revision 0002's vector, from the stored entries: accent-folded words, unstemmed.
BATCH = sa.text(
    "SELECT id, title, names, body FROM search_entries WHERE id > :after ORDER BY id LIMIT 1000"
)
REFILL = sa.text(
    "UPDATE search_entries SET vector = "
    "setweight(to_tsvector('simple', :title), 'A') || "
    "setweight(to_tsvector('simple', :names), 'B') || "
    "setweight(to_tsvector('simple', :body), 'C') WHERE id = :id"
)


def _refill_vector(bind: sa.Connection) -> None:
    after = 0
    while rows := bind.execute(BATCH, {"after": after}).all():
        folded = search_store.folded_text
        bind.execute(
            REFILL,
            [
                {
                    "id": r.id,
                    "title": folded(r.title),
                    "names": folded(r.names),
                    "body": folded(r.body),
                }
                for r in rows
            ],
        )
        after = rows[-1].id
