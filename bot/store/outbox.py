"""Emails waiting to be sent: a durable queue in the database (the outbox).

Why a table and not a task in memory: a conversation must never wait for an SMTP server, an
email must survive a restart, and several workers must send each email once. A worker claims
a row by moving it from "pending" to "sending" with a lease (PostgreSQL: ``FOR UPDATE SKIP
LOCKED``; SQLite: one atomic ``UPDATE ... WHERE status = 'pending'`` per row); a worker that
dies leaves a lease that runs out, and the row is claimed again. What an email says is made
at send time from the ids kept here, so nothing a person wrote is copied into this table, and
"delete my data" takes their waiting answer email with their feedback (``ON DELETE CASCADE``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import (
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    and_,
    delete,
    func,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.engine.state import utcnow
from bot.store.claims import claim_due_rows
from bot.store.db import Base

KINDS = ("team_new", "team_digest", "answer", "alert")
STATUSES = ("pending", "sending", "sent", "failed")


class OutboxRow(Base):
    __tablename__ = "outbox"
    __table_args__ = (UniqueConstraint("dedupe_key", name="uq_outbox_dedupe_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    # the same email asked for twice ("new:<feedback id>", "digest:<team>:<day>") is kept once
    dedupe_key: Mapped[str] = mapped_column(String(120))
    team_id: Mapped[str] = mapped_column(String(80), index=True)
    feedback_id: Mapped[int | None] = mapped_column(
        ForeignKey("feedback.id", ondelete="CASCADE"), nullable=True, index=True
    )
    response_id: Mapped[int | None] = mapped_column(
        ForeignKey("responses.id", ondelete="CASCADE"), nullable=True
    )
    recipient: Mapped[str | None] = mapped_column(Text, nullable=True)  # a person's: encrypted
    covers_from: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # an opt-in alert by email (bot/alerts/): what it says is made at send time from the alert
    alert_id: Mapped[int | None] = mapped_column(
        ForeignKey("alerts.id", ondelete="CASCADE"), nullable=True
    )
    status: Mapped[str] = mapped_column(String(10), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)
    lease_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    last_error: Mapped[str | None] = mapped_column(String(200), nullable=True)  # no personal data
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


async def queue_email(
    session: AsyncSession,
    *,
    kind: str,
    dedupe_key: str,
    team_id: str,
    now: dt.datetime,
    feedback_id: int | None = None,
    response_id: int | None = None,
    recipient: str | None = None,
    covers_from: dt.datetime | None = None,
    alert_id: int | None = None,
) -> bool:
    """Add an email to the queue, once per ``dedupe_key``; True when it was new."""
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(OutboxRow).values(
        kind=kind,
        dedupe_key=dedupe_key,
        team_id=team_id,
        feedback_id=feedback_id,
        response_id=response_id,
        recipient=recipient,
        covers_from=covers_from,
        alert_id=alert_id,
        status="pending",
        attempts=0,
        next_attempt_at=now,
        created_at=now,
    )
    result = await session.execute(statement.on_conflict_do_nothing(index_elements=["dedupe_key"]))
    return bool(getattr(result, "rowcount", 0))


def _due(now: dt.datetime):  # type: ignore[no-untyped-def]
    """Pending and due, or "sending" by a worker whose lease has run out (it died)."""
    return or_(
        and_(OutboxRow.status == "pending", OutboxRow.next_attempt_at <= now),
        and_(OutboxRow.status == "sending", OutboxRow.lease_until < now),
    )


async def claim_due(
    session: AsyncSession, now: dt.datetime, *, lease: dt.timedelta, limit: int = 20
) -> list[int]:
    """Claim up to ``limit`` due emails for this worker; the caller commits.

    Each claim counts as an attempt. Another worker running the same query at the same time
    skips (PostgreSQL) or loses the race for (SQLite) every row claimed here. On SQLite each
    claim commits as it runs, so this must be the first statement in its session.
    """
    return await claim_due_rows(
        session,
        OutboxRow,
        due=_due(now),
        order_by=(OutboxRow.next_attempt_at, OutboxRow.id),
        values={
            "status": "sending",
            "lease_until": now + lease,
            "attempts": OutboxRow.attempts + 1,
        },
        limit=limit,
    )


async def mark_sent(session: AsyncSession, email_ids: Sequence[int], now: dt.datetime) -> None:
    """Sent: the person's address is deleted, the row stays as a record without it."""
    await session.execute(
        update(OutboxRow)
        .where(OutboxRow.id.in_(list(email_ids)))
        .values(status="sent", sent_at=now, recipient=None, lease_until=None, last_error=None)
    )


async def mark_failed_attempt(
    session: AsyncSession,
    row: OutboxRow,
    now: dt.datetime,
    error: str,
    retry_in: dt.timedelta | None,
) -> None:
    """Try again after ``retry_in``, or give up (None): "failed" keeps the row, so nothing is
    lost; it can be seen and sent again (``getinvolved email retry-failed``)."""
    row.last_error = error[:200]
    row.lease_until = None
    if retry_in is None:
        row.status = "failed"
    else:
        row.status, row.next_attempt_at = "pending", now + retry_in


async def retry_failed(session: AsyncSession, now: dt.datetime) -> int:
    """Put every email that gave up back in the queue."""
    result = await session.execute(
        update(OutboxRow)
        .where(OutboxRow.status == "failed")
        .values(status="pending", attempts=0, next_attempt_at=now)
    )
    return int(getattr(result, "rowcount", 0))


async def other_pending_news(
    session: AsyncSession, team_id: str, before: dt.datetime, but: int
) -> list[int]:
    """Other "new feedback" emails for the team queued before ``before``: one email that
    counts all the team's unread items at once stands for them too."""
    return list(
        (
            await session.scalars(
                select(OutboxRow.id).where(
                    OutboxRow.team_id == team_id,
                    OutboxRow.kind == "team_new",
                    OutboxRow.status == "pending",
                    OutboxRow.created_at <= before,
                    OutboxRow.id != but,
                )
            )
        ).all()
    )


async def forget_sent_before(session: AsyncSession, cutoff: dt.datetime) -> int:
    """Drop the record of emails sent before ``cutoff`` (the daily clean-up)."""
    result = await session.execute(
        delete(OutboxRow).where(OutboxRow.status == "sent", OutboxRow.sent_at < cutoff)
    )
    return int(getattr(result, "rowcount", 0))


async def count_by_status(session: AsyncSession) -> dict[str, int]:
    """How many emails are in each state (for the CLI and tests)."""
    query = select(OutboxRow.status, func.count(OutboxRow.id)).group_by(OutboxRow.status)
    counts = dict.fromkeys(STATUSES, 0)
    counts.update({status: int(n) for status, n in (await session.execute(query)).all()})
    return counts
