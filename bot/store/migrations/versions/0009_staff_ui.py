"""indexes for the inbox: a team's items by status, newest first in each; and those waiting
for an answer (asked to be contacted), by time, so "waiting" and "overdue" are counted quickly

Revision ID: 0009
Revises: 0006
Create Date: 2026-11-29 12:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_feedback_team_status_created",
        "feedback",
        ["team_id", "status", sa.text("created_at DESC"), sa.text("id DESC")],
        unique=False,
    )
    op.create_index(
        "ix_feedback_team_waiting",
        "feedback",
        ["team_id", "consent", "created_at", "status"],
        unique=False,
    )


def downgrade() -> None:
    op.drop_index("ix_feedback_team_waiting", table_name="feedback")
    op.drop_index("ix_feedback_team_status_created", table_name="feedback")
