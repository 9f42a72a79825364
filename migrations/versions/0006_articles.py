"""a source's document holds articles, each with its own title, date and range of offsets;
every citation is of one article

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Until the next load writes the seed's own articles, each stored document is one article of
# its whole text, with the source's title and date, so that every citation has its article.
ONE_ARTICLE_EACH = """
    INSERT INTO articles (source_id, id, title, published_on, published_at, time_zone,
                          start_offset, end_offset, ordinal)
    SELECT id, 'document', title, published_on, published_at, NULL, 0, length, 0
    FROM sources WHERE length > 0
"""
OF_THAT_ARTICLE = "UPDATE citations SET article_id = 'document'"


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("source_id", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("published_on", sa.Date(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("time_zone", sa.String(length=64), nullable=True),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "start_offset >= 0 AND end_offset > start_offset", name=op.f("ck_articles_offsets")
        ),
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["sources.id"],
            name=op.f("fk_articles_source_id_sources"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("source_id", "id", name=op.f("pk_articles")),
    )
    op.execute(ONE_ARTICLE_EACH)
    with op.batch_alter_table("citations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("article_id", sa.String(length=200), nullable=True))
    op.execute(OF_THAT_ARTICLE)
    with op.batch_alter_table("citations", schema=None) as batch_op:
        batch_op.alter_column("article_id", existing_type=sa.String(length=200), nullable=False)
        batch_op.drop_index(batch_op.f("ix_citations_source_id"))
        batch_op.create_index(
            batch_op.f("ix_citations_source_id_article_id"), ["source_id", "article_id"]
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_citations_source_id_articles"),
            "articles",
            ["source_id", "article_id"],
            ["source_id", "id"],
            deferrable=True,
            initially="DEFERRED",
        )
    # The stored quote answers lack their citations' articles: the next load derives them again.
    op.execute("DELETE FROM derived_quote_json")


def downgrade() -> None:
    with op.batch_alter_table("citations", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_citations_source_id_articles"), type_="foreignkey")
        batch_op.drop_index(batch_op.f("ix_citations_source_id_article_id"))
        batch_op.create_index(batch_op.f("ix_citations_source_id"), ["source_id"], unique=False)
        batch_op.drop_column("article_id")
    op.drop_table("articles")
    op.execute("DELETE FROM derived_quote_json")
