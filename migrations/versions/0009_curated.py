"""curated: what a curator wrote of a record that no other column keeps (a note, the words that
date it, the quotes it is distinct from, how the excerpts name its actor), so that a record can
be read back whole and edited

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 17:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("sources", "topics", "actors", "events", "quotes", "positions", "variants")


def upgrade() -> None:
    for name in TABLES:
        op.add_column(name, sa.Column("curated", sa.JSON(), nullable=True))


def downgrade() -> None:
    for name in TABLES:
        op.drop_column(name, "curated")
