"""the stored quote answers are called quote JSON (documents are the source texts)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 10:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.rename_table("derived_quote_documents", "derived_quote_json")
    if op.get_context().dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE derived_quote_json RENAME CONSTRAINT pk_derived_quote_documents"
            " TO pk_derived_quote_json"
        )


def downgrade() -> None:
    if op.get_context().dialect.name == "postgresql":
        op.execute(
            "ALTER TABLE derived_quote_json RENAME CONSTRAINT pk_derived_quote_json"
            " TO pk_derived_quote_documents"
        )
    op.rename_table("derived_quote_json", "derived_quote_documents")
