"""quote documents and running quote counts per speaker

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
        "derived_quote_speaker_slots",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("speakers", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_derived_quote_speaker_slots")),
    )
    op.create_table(
        "derived_quote_speaker_totals",
        sa.Column("said_on", sa.Date(), nullable=False),
        sa.Column("counts", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("said_on", name=op.f("pk_derived_quote_speaker_totals")),
    )


def downgrade() -> None:
    op.drop_table("derived_quote_speaker_totals")
    op.drop_table("derived_quote_speaker_slots")
    op.drop_table("derived_quote_documents")
