"""the search index derived again: the words of a text only keys may read are not indexed

Revision ID: 0010
Revises: 0008
Create Date: 2026-12-05 12:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

from app.derived import search_index

revision: str = "0010"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The index's code of today reads columns that earlier revisions lack, so the index is
    # derived here, after them (0007 made its tables; this fills them, for every record).
    search_index.store_entries(op.get_bind())


def downgrade() -> None:
    """The index stays as it is: every earlier revision reads it in this form."""
