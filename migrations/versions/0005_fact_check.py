"""quotes say when their words are a translation, citations which words of a quote they hold,
positions who reports them; a wider stance vocabulary; the ids that merged records replace

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 10:50:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OLD_STANCES = ("supports", "opposes", "conditional", "mixed")
NEW_STANCES = (*OLD_STANCES, "tentative", "expects", "declines-to-respond")


def stance_type(values: tuple[str, ...]) -> sa.Enum:
    return sa.Enum(*values, name="stance", native_enum=False, create_constraint=True, length=32)


def upgrade() -> None:
    op.create_table(
        "replaced_ids",
        sa.Column("resource", sa.String(length=16), nullable=False),
        sa.Column("old_id", sa.String(length=200), nullable=False),
        sa.Column("new_id", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("resource", "old_id", name=op.f("pk_replaced_ids")),
    )
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("translated_from", sa.String(length=16), nullable=True))
        batch_op.add_column(sa.Column("translated_by", sa.String(length=300), nullable=True))
    with op.batch_alter_table("citations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("words", sa.Text(), nullable=True))
    with op.batch_alter_table("positions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("reported_by_id", sa.String(length=200), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_positions_reported_by_id_actors"), "actors", ["reported_by_id"], ["id"]
        )
        batch_op.alter_column(
            "stance",
            existing_type=stance_type(OLD_STANCES),
            type_=stance_type(NEW_STANCES),
            existing_nullable=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("positions", schema=None) as batch_op:
        batch_op.alter_column(
            "stance",
            existing_type=stance_type(NEW_STANCES),
            type_=stance_type(OLD_STANCES),
            existing_nullable=False,
        )
        batch_op.drop_constraint(
            batch_op.f("fk_positions_reported_by_id_actors"), type_="foreignkey"
        )
        batch_op.drop_column("reported_by_id")
    with op.batch_alter_table("citations", schema=None) as batch_op:
        batch_op.drop_column("words")
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_column("translated_by")
        batch_op.drop_column("translated_from")
    op.drop_table("replaced_ids")
