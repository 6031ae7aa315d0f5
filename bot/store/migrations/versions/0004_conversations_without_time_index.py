"""conversations without an index on updated_at

Every message rewrites its conversation's updated_at, so that index was rewritten on every
message (on PostgreSQL it also ruled out HOT updates), while only the daily clean-up reads it.
Without it, a SQLite save writes about a third as much to the write-ahead log.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 17:30:00
"""

from __future__ import annotations

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conversations_updated_at"))


def downgrade() -> None:
    with op.batch_alter_table("conversations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_conversations_updated_at"), ["updated_at"], unique=False
        )
