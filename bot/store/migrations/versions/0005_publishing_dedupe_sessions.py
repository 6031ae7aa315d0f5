"""publishing as its own step, feedback stored once, staff sessions ended for good

- feedback.publish_consent: the person agreed that their own (redacted) words may be shown on
  the public "You said, we did" page (asked of people 13 and over; default no);
- feedback.dedupe_key: the same message sent twice is stored once;
- publications: "You said, we did" entries, drafted and published by staff, withdrawable;
- staff_users.session_version: moved on at sign-out, so old cookies stop working.

Answers published before this step were published without the person's consent to show their
words: each becomes a draft publication (with the answer as "we did" and no "you said"), and
nothing is public until staff review and publish it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29 09:00:00
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("publish_consent", sa.Boolean(), server_default=sa.false(), nullable=False)
        )
        batch_op.add_column(sa.Column("dedupe_key", sa.String(length=64), nullable=True))
        batch_op.create_unique_constraint("uq_feedback_dedupe_key", ["dedupe_key"])
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("session_version", sa.Integer(), server_default="0", nullable=False)
        )
    publications = op.create_table(
        "publications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("feedback_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.String(length=80), nullable=False),
        sa.Column("you_said", sa.Text(), nullable=False),
        sa.Column("own_words", sa.Boolean(), nullable=False),
        sa.Column("we_did", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("staff_user_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["feedback_id"], ["feedback.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["staff_user_id"], ["staff_users.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("feedback_id", name="uq_publications_feedback_id"),
    )
    with op.batch_alter_table("publications", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_publications_team_id"), ["team_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_publications_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_publications_published_at"), ["published_at"], unique=False
        )

    # Published answers become drafts for staff to review; nothing stays public.
    connection = op.get_bind()
    rows = connection.execute(
        sa.text(
            "SELECT r.feedback_id, f.team_id, r.public_text, r.staff_user_id, r.created_at "
            "FROM responses r JOIN feedback f ON f.id = r.feedback_id "
            "WHERE r.public ORDER BY r.id"
        )
    ).fetchall()
    now = dt.datetime.now(dt.UTC)
    drafted: set[int] = set()
    for feedback_id, team_id, public_text, staff_user_id, created_at in rows:
        if feedback_id in drafted:
            continue
        drafted.add(feedback_id)
        connection.execute(
            publications.insert().values(
                feedback_id=feedback_id,
                team_id=team_id,
                you_said="",
                own_words=False,
                we_did=public_text or "",
                status="draft",
                staff_user_id=staff_user_id,
                created_at=created_at or now,
                updated_at=now,
                published_at=None,
            )
        )
    connection.execute(
        sa.text(
            "UPDATE responses SET public = :no, public_text = NULL, public_feedback = NULL "
            "WHERE public"
        ),
        {"no": False},
    )


def downgrade() -> None:
    with op.batch_alter_table("publications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_publications_published_at"))
        batch_op.drop_index(batch_op.f("ix_publications_status"))
        batch_op.drop_index(batch_op.f("ix_publications_team_id"))
    op.drop_table("publications")
    with op.batch_alter_table("staff_users", schema=None) as batch_op:
        batch_op.drop_column("session_version")
    with op.batch_alter_table("feedback", schema=None) as batch_op:
        batch_op.drop_constraint("uq_feedback_dedupe_key", type_="unique")
        batch_op.drop_column("dedupe_key")
        batch_op.drop_column("publish_consent")
