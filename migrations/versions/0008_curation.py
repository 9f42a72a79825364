"""curation: API keys (only their hashes), every change as a revision, a source's rights and
who may read its full text

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 09:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


SQLITE_TEXT_ACCESS = """
    ALTER TABLE sources ADD COLUMN text_access VARCHAR(32) DEFAULT 'public' NOT NULL
    CONSTRAINT ck_sources_text_access CHECK (text_access IN ('public', 'keys'))
"""


def enum(name: str, *values: str) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, create_constraint=True, length=32)


def upgrade() -> None:
    op.create_table(
        "api_keys",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("scope", enum("key_scope", "write", "admin"), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
        sa.UniqueConstraint("name", name=op.f("uq_api_keys_name")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_keys_token_hash")),
    )
    op.create_table(
        "revisions",
        sa.Column("number", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("resource", sa.String(length=32), nullable=False),
        sa.Column("record_id", sa.String(length=200), nullable=False),
        sa.Column("kind", enum("change_kind", "create", "update", "delete"), nullable=False),
        sa.Column("made_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("author", sa.String(length=100), nullable=False),
        sa.Column("by_key", sa.Boolean(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=True),
        sa.Column("change", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("number", name=op.f("pk_revisions")),
    )
    op.create_index(
        op.f("ix_revisions_resource_record_id_number"),
        "revisions",
        ["resource", "record_id", "number"],
    )
    op.create_index(op.f("ix_revisions_by_key_number"), "revisions", ["by_key", "number"])
    # Plain ALTER TABLE, never a batch copy: copying `sources` would drop the original, and
    # SQLite's ON DELETE CASCADE would take its articles and citations with it.
    op.add_column("sources", sa.Column("time_zone", sa.String(length=64), nullable=True))
    op.add_column("sources", sa.Column("rights", sa.Text(), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        # SQLite's ALTER TABLE takes the column's CHECK only written into the column itself.
        op.execute(SQLITE_TEXT_ACCESS)
    else:
        op.add_column(
            "sources",
            sa.Column(
                "text_access",
                enum("text_access", "public", "keys"),
                server_default="public",
                nullable=False,
            ),
        )


def downgrade() -> None:
    for column in ("text_access", "rights", "time_zone"):
        op.drop_column("sources", column)
    op.drop_index(op.f("ix_revisions_by_key_number"), table_name="revisions")
    op.drop_index(op.f("ix_revisions_resource_record_id_number"), table_name="revisions")
    op.drop_table("revisions")
    op.drop_table("api_keys")
