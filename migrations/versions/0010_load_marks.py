"""loads marked: the last revision a load saw; and the search index derived again, so that the
words of a text only keys may read are not indexed

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 12:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from app.derived import search_index

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ALTER TABLE (see 0008): a batch copy of a table is never needed to add a column.
    op.add_column("dataset", sa.Column("last_revision", sa.Integer(), nullable=True))
    # The index's code of today reads columns that earlier revisions lack, so the index is
    # derived here, after them (0007 made its tables; this fills them, for every record).
    search_index.store_entries(op.get_bind())


def downgrade() -> None:
    # The index stays as it is: every earlier revision reads it in this form.
    op.drop_column("dataset", "last_revision")
