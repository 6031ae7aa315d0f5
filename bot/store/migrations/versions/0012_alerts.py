"""opt-in alerts: subscriptions, the alerts queued for them, and the outbox's link to an alert

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-29 14:30:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("person_key", sa.String(128), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("address_encrypted", sa.Text, nullable=True),
        sa.Column("role", sa.String(32), nullable=True),
        sa.Column("area", sa.String(32), nullable=True),
        sa.Column("age_band", sa.String(20), nullable=True),
        sa.Column("interests", sa.JSON, nullable=False),
        sa.Column("consented_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(10), nullable=False, server_default="active"),
        sa.Column("stop_token_hash", sa.String(64), nullable=True),
        sa.Column("last_alert_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("person_key", "channel", name="uq_subscriptions_person_channel"),
    )
    op.create_index("ix_subscriptions_status", "subscriptions", ["status"])
    op.create_index(
        "ix_subscriptions_stop_token_hash", "subscriptions", ["stop_token_hash"], unique=True
    )
    op.create_table(
        "alerts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "subscription_id",
            sa.Integer,
            sa.ForeignKey("subscriptions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("ref_id", sa.Integer, nullable=False),
        sa.Column("status", sa.String(10), nullable=False, server_default="queued"),
        sa.Column("not_before", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint("subscription_id", "kind", "ref_id", name="uq_alerts_once"),
    )
    op.create_index("ix_alerts_status_not_before", "alerts", ["status", "not_before"])
    with op.batch_alter_table("outbox") as batch:
        batch.add_column(sa.Column("alert_id", sa.Integer, nullable=True))
        batch.create_foreign_key(
            "fk_outbox_alert_id", "alerts", ["alert_id"], ["id"], ondelete="CASCADE"
        )


def downgrade() -> None:
    with op.batch_alter_table("outbox") as batch:
        batch.drop_constraint("fk_outbox_alert_id", type_="foreignkey")
        batch.drop_column("alert_id")
    op.drop_index("ix_alerts_status_not_before", table_name="alerts")
    op.drop_table("alerts")
    op.drop_index("ix_subscriptions_stop_token_hash", table_name="subscriptions")
    op.drop_index("ix_subscriptions_status", table_name="subscriptions")
    op.drop_table("subscriptions")
