"""an index for the staff inbox: a team's feedback in received order, a page at a time

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29 11:00:00
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_feedback_team_created", "feedback", ["team_id", "created_at", "id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_feedback_team_created", table_name="feedback")
