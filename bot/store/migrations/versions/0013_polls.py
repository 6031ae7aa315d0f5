"""quick polls: the poll, its answers (bands only, a date only) and who has answered (a hash)

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "polls",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("team_id", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False, server_default="draft"),
        sa.Column("question", sa.String(200), nullable=False),
        sa.Column("choices", sa.JSON, nullable=False),
        sa.Column("audience", sa.JSON, nullable=False),
        sa.Column("created_by", sa.Integer, nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("opened_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
    )
    op.create_index("ix_polls_status", "polls", ["status"])
    op.create_table(
        "poll_answers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "poll_id", sa.Integer, sa.ForeignKey("polls.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("choice", sa.Integer, nullable=False),
        sa.Column("role", sa.String(32), nullable=True),
        sa.Column("area", sa.String(32), nullable=True),
        sa.Column("age_band", sa.String(20), nullable=True),
        sa.Column("answered_at", sa.Date, nullable=False),
    )
    op.create_index("ix_poll_answers_poll_id", "poll_answers", ["poll_id"])
    op.create_table(
        "poll_voters",
        sa.Column(
            "poll_id", sa.Integer, sa.ForeignKey("polls.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("voter_hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("poll_id", "voter_hash", name="pk_poll_voters"),
    )


def downgrade() -> None:
    op.drop_table("poll_voters")
    op.drop_index("ix_poll_answers_poll_id", table_name="poll_answers")
    op.drop_table("poll_answers")
    op.drop_index("ix_polls_status", table_name="polls")
    op.drop_table("polls")
