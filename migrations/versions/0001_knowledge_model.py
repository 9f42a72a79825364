"""knowledge model

Revision ID: 0001
Revises:
Create Date: 2026-11-24 06:49:39.373104
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "actors",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "person",
                "state",
                "organisation",
                "group",
                name="actor_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_actors")),
    )
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_actors_kind"), ["kind"], unique=False)

    op.create_table(
        "dataset",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.String(length=64), nullable=False),
        sa.Column("loaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_dataset")),
    )
    op.create_table(
        "events",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "summit",
                "meeting",
                "talks",
                "call",
                "statement",
                "press-conference",
                "briefing",
                "announcement",
                "military",
                "poll",
                "visit",
                "other",
                name="event_kind",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "proposed",
                "held",
                "cancelled",
                name="event_status",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("start_on", sa.Date(), nullable=True),
        sa.Column(
            "start_precision",
            sa.Enum(
                "day",
                "week",
                "month",
                "year",
                "unknown",
                name="start_precision",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("end_on", sa.Date(), nullable=True),
        sa.Column(
            "end_precision",
            sa.Enum(
                "day",
                "week",
                "month",
                "year",
                "unknown",
                name="end_precision",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("place", sa.String(length=300), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_events_kind"), ["kind"], unique=False)
        batch_op.create_index("ix_events_start_on_id", ["start_on", "id"], unique=False)

    op.create_table(
        "sources",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("file", sa.String(length=500), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("publisher", sa.String(length=200), nullable=False),
        sa.Column("byline", sa.String(length=200), nullable=True),
        sa.Column("published_on", sa.Date(), nullable=False),
        sa.Column("published_at", sa.DateTime(), nullable=True),
        sa.Column("url", sa.String(length=2000), nullable=True),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sources")),
    )
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sources_publisher"), ["publisher"], unique=False)

    op.create_table(
        "topics",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topics")),
    )
    op.create_table(
        "actor_aliases",
        sa.Column("actor_id", sa.String(length=200), nullable=False),
        sa.Column("alias", sa.String(length=300), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_actor_aliases_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("actor_id", "alias", name=op.f("pk_actor_aliases")),
    )
    op.create_table(
        "affiliations",
        sa.Column("id", sa.String(length=220), nullable=False),
        sa.Column("actor_id", sa.String(length=200), nullable=False),
        sa.Column("organisation_id", sa.String(length=200), nullable=True),
        sa.Column("role", sa.String(length=300), nullable=False),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column(
            "started_precision",
            sa.Enum(
                "day",
                "week",
                "month",
                "year",
                "unknown",
                name="started_precision",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column(
            "ended_precision",
            sa.Enum(
                "day",
                "week",
                "month",
                "year",
                "unknown",
                name="ended_precision",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_affiliations_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["actors.id"], name=op.f("fk_affiliations_organisation_id_actors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_affiliations")),
    )
    with op.batch_alter_table("affiliations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_affiliations_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_affiliations_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "event_participants",
        sa.Column("event_id", sa.String(length=200), nullable=False),
        sa.Column("actor_id", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=300), nullable=True),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_event_participants_actor_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_participants_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "actor_id", name=op.f("pk_event_participants")),
    )
    with op.batch_alter_table("event_participants", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_event_participants_actor_id"), ["actor_id"], unique=False
        )

    op.create_table(
        "event_topics",
        sa.Column("event_id", sa.String(length=200), nullable=False),
        sa.Column("topic_id", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_topics_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"], ["topics.id"], name=op.f("fk_event_topics_topic_id_topics")
        ),
        sa.PrimaryKeyConstraint("event_id", "topic_id", name=op.f("pk_event_topics")),
    )
    with op.batch_alter_table("event_topics", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_event_topics_topic_id"), ["topic_id"], unique=False)

    op.create_table(
        "positions",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("actor_id", sa.String(length=200), nullable=False),
        sa.Column("topic_id", sa.String(length=200), nullable=False),
        sa.Column(
            "stance",
            sa.Enum(
                "supports",
                "opposes",
                "conditional",
                "mixed",
                name="stance",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column(
            "held_precision",
            sa.Enum(
                "day",
                "week",
                "month",
                "year",
                "unknown",
                name="held_precision",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["actors.id"], name=op.f("fk_positions_actor_id_actors")
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"], ["topics.id"], name=op.f("fk_positions_topic_id_topics")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_positions")),
    )
    with op.batch_alter_table("positions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_positions_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index("ix_positions_held_on_id", ["held_on", "id"], unique=False)
        batch_op.create_index(batch_op.f("ix_positions_stance"), ["stance"], unique=False)
        batch_op.create_index(batch_op.f("ix_positions_topic_id"), ["topic_id"], unique=False)

    op.create_table(
        "quotes",
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("speaker_id", sa.String(length=200), nullable=False),
        sa.Column("said_on", sa.Date(), nullable=True),
        sa.Column(
            "said_precision",
            sa.Enum(
                "day",
                "week",
                "month",
                "year",
                "unknown",
                name="said_precision",
                native_enum=False,
                create_constraint=True,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("is_fragment", sa.Boolean(), nullable=False),
        sa.Column("event_id", sa.String(length=200), nullable=True),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_quotes_event_id_events")
        ),
        sa.ForeignKeyConstraint(
            ["speaker_id"], ["actors.id"], name=op.f("fk_quotes_speaker_id_actors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
    )
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quotes_event_id"), ["event_id"], unique=False)
        batch_op.create_index("ix_quotes_said_on_id", ["said_on", "id"], unique=False)
        batch_op.create_index(
            "ix_quotes_speaker_id_said_on_id", ["speaker_id", "said_on", "id"], unique=False
        )

    op.create_table(
        "citations",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("source_id", sa.String(length=200), nullable=False),
        sa.Column("excerpt", sa.Text(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.String(length=200), nullable=True),
        sa.Column("affiliation_id", sa.String(length=220), nullable=True),
        sa.Column("event_id", sa.String(length=200), nullable=True),
        sa.Column("quote_id", sa.String(length=200), nullable=True),
        sa.Column("position_id", sa.String(length=200), nullable=True),
        sa.CheckConstraint(
            "(CASE WHEN actor_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN affiliation_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN event_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN quote_id IS NULL THEN 0 ELSE 1 END) + (CASE WHEN position_id IS NULL THEN 0 ELSE 1 END) = 1",
            name=op.f("ck_citations_one_owner"),
        ),
        sa.CheckConstraint(
            "start_offset >= 0 AND end_offset > start_offset", name=op.f("ck_citations_offsets")
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["actors.id"],
            name=op.f("fk_citations_actor_id_actors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["affiliation_id"],
            ["affiliations.id"],
            name=op.f("fk_citations_affiliation_id_affiliations"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_citations_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["position_id"],
            ["positions.id"],
            name=op.f("fk_citations_position_id_positions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["quote_id"],
            ["quotes.id"],
            name=op.f("fk_citations_quote_id_quotes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name=op.f("fk_citations_source_id_sources")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_citations")),
    )
    with op.batch_alter_table("citations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_citations_actor_id"), ["actor_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_citations_affiliation_id"), ["affiliation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_citations_event_id"), ["event_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_citations_position_id"), ["position_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_citations_quote_id"), ["quote_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_citations_source_id"), ["source_id"], unique=False)

    op.create_table(
        "position_evidence",
        sa.Column("position_id", sa.String(length=200), nullable=False),
        sa.Column("quote_id", sa.String(length=200), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["position_id"],
            ["positions.id"],
            name=op.f("fk_position_evidence_position_id_positions"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["quote_id"], ["quotes.id"], name=op.f("fk_position_evidence_quote_id_quotes")
        ),
        sa.PrimaryKeyConstraint("position_id", "quote_id", name=op.f("pk_position_evidence")),
    )
    with op.batch_alter_table("position_evidence", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_position_evidence_quote_id"), ["quote_id"], unique=False
        )

    op.create_table(
        "quote_topics",
        sa.Column("quote_id", sa.String(length=200), nullable=False),
        sa.Column("topic_id", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["quote_id"],
            ["quotes.id"],
            name=op.f("fk_quote_topics_quote_id_quotes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"], ["topics.id"], name=op.f("fk_quote_topics_topic_id_topics")
        ),
        sa.PrimaryKeyConstraint("quote_id", "topic_id", name=op.f("pk_quote_topics")),
    )
    with op.batch_alter_table("quote_topics", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_quote_topics_topic_id"), ["topic_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("quote_topics", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_quote_topics_topic_id"))

    op.drop_table("quote_topics")
    with op.batch_alter_table("position_evidence", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_position_evidence_quote_id"))

    op.drop_table("position_evidence")
    with op.batch_alter_table("citations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_citations_source_id"))
        batch_op.drop_index(batch_op.f("ix_citations_quote_id"))
        batch_op.drop_index(batch_op.f("ix_citations_position_id"))
        batch_op.drop_index(batch_op.f("ix_citations_event_id"))
        batch_op.drop_index(batch_op.f("ix_citations_affiliation_id"))
        batch_op.drop_index(batch_op.f("ix_citations_actor_id"))

    op.drop_table("citations")
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_index("ix_quotes_speaker_id_said_on_id")
        batch_op.drop_index("ix_quotes_said_on_id")
        batch_op.drop_index(batch_op.f("ix_quotes_event_id"))

    op.drop_table("quotes")
    with op.batch_alter_table("positions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_positions_topic_id"))
        batch_op.drop_index(batch_op.f("ix_positions_stance"))
        batch_op.drop_index("ix_positions_held_on_id")
        batch_op.drop_index(batch_op.f("ix_positions_actor_id"))

    op.drop_table("positions")
    with op.batch_alter_table("event_topics", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_topics_topic_id"))

    op.drop_table("event_topics")
    with op.batch_alter_table("event_participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_event_participants_actor_id"))

    op.drop_table("event_participants")
    with op.batch_alter_table("affiliations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_affiliations_organisation_id"))
        batch_op.drop_index(batch_op.f("ix_affiliations_actor_id"))

    op.drop_table("affiliations")
    op.drop_table("actor_aliases")
    op.drop_table("topics")
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sources_publisher"))

    op.drop_table("sources")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_start_on_id")
        batch_op.drop_index(batch_op.f("ix_events_kind"))

    op.drop_table("events")
    op.drop_table("dataset")
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_actors_kind"))

    op.drop_table("actors")
