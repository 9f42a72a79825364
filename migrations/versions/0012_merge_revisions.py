"""merge revisions: a revision may record an actor merged into another

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 09:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = ("create", "update", "delete")
AFTER = (*BEFORE, "merge")


def _allow(kinds: tuple[str, ...]) -> None:
    listed = ", ".join(f"'{kind}'" for kind in kinds)
    # SQLite changes a CHECK constraint only by copying its table: the revisions table is
    # copied, never the sources table with its texts.
    with op.batch_alter_table("revisions") as batch:
        batch.drop_constraint(op.f("ck_revisions_change_kind"), type_="check")
        batch.create_check_constraint("change_kind", f"kind IN ({listed})")


def upgrade() -> None:
    _allow(AFTER)


def downgrade() -> None:
    op.execute("DELETE FROM revisions WHERE kind = 'merge'")
    _allow(BEFORE)
