"""search index and facet counts

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 07:05:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "search_entries",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("record_type", sa.String(length=16), nullable=False),
        sa.Column("record_id", sa.String(length=200), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("names", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_search_entries")),
    )
    with op.batch_alter_table("search_entries", schema=None) as batch_op:
        batch_op.create_index(
            "ix_search_entries_record_type_record_id", ["record_type", "record_id"], unique=True
        )
    op.create_table(
        "search_facet_counts",
        sa.Column("resource", sa.String(length=16), nullable=False),
        sa.Column("facet", sa.String(length=16), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("resource", "facet", "value", name=op.f("pk_search_facet_counts")),
    )
    if op.get_context().dialect.name == "postgresql":
        # Filled by the loader from accent-folded text (folding is done in Python, no extension).
        op.add_column("search_entries", sa.Column("vector", postgresql.TSVECTOR()))
        op.create_index(
            "ix_search_entries_vector", "search_entries", ["vector"], postgresql_using="gin"
        )
    else:
        op.execute(
            "CREATE VIRTUAL TABLE search_fts USING fts5("
            "title, body, names, content='search_entries', content_rowid='id', "
            "tokenize='unicode61 remove_diacritics 2', prefix='2 3')"
        )


def downgrade() -> None:
    if op.get_context().dialect.name != "postgresql":
        op.execute("DROP TABLE IF EXISTS search_fts")
    op.drop_table("search_facet_counts")
    with op.batch_alter_table("search_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_search_entries_record_type_record_id")
    op.drop_table("search_entries")
