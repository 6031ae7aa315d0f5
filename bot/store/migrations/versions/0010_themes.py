"""themes, the feedback they tag (suggested or by staff), and what the suggester has looked at

Revision ID: 0010
Revises: 0006
Create Date: 2026-11-29 12:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "themes",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("description", sa.String(300), nullable=False),
        sa.Column("origin", sa.String(20), nullable=False),
        sa.Column("words", sa.String(300), nullable=False),
        sa.Column(
            "merged_into",
            sa.String(40),
            sa.ForeignKey("themes.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "feedback_themes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "feedback_id",
            sa.Integer,
            sa.ForeignKey("feedback.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "theme_id",
            sa.String(40),
            sa.ForeignKey("themes.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("score", sa.Float, nullable=True),
        sa.Column(
            "staff_user_id",
            sa.Integer,
            sa.ForeignKey("staff_users.id", ondelete="SET NULL"),
            nullable=True,
        ),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("feedback_id", "theme_id", "source", name="uq_feedback_themes"),
    )
    op.create_index("ix_feedback_themes_feedback_id", "feedback_themes", ["feedback_id"])
    op.create_index("ix_feedback_themes_theme_id", "feedback_themes", ["theme_id"])
    op.create_table(
        "theme_checks",
        sa.Column(
            "feedback_id",
            sa.Integer,
            sa.ForeignKey("feedback.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("fitted", sa.Integer, nullable=False),
        sa.Column("checked_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("theme_checks")
    op.drop_index("ix_feedback_themes_theme_id", table_name="feedback_themes")
    op.drop_index("ix_feedback_themes_feedback_id", table_name="feedback_themes")
    op.drop_table("feedback_themes")
    op.drop_table("themes")
