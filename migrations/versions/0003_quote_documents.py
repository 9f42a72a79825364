"""quote documents and per-day quote counts

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 20:40:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "derived_quote_documents",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("body", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_derived_quote_documents")),
    )
    op.create_table(
        "derived_quote_day_counts",
        sa.Column("said_on", sa.Date(), nullable=False),
        sa.Column("speaker_id", sa.String(length=200), nullable=False),
        sa.Column("quotes", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("said_on", "speaker_id", name=op.f("pk_derived_quote_day_counts")),
        sqlite_with_rowid=False,  # the key holds the rows: a date range is one covering scan
    )


def downgrade() -> None:
    op.drop_table("derived_quote_day_counts")
    op.drop_table("derived_quote_documents")
