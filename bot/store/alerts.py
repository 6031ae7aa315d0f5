"""Opt-in alerts: who asked for them (subscriptions) and each alert owed to them (alerts).

A subscription keeps only what matching needs (role, area, age band, interests), the channel
address encrypted, and when the person agreed. "stop" deletes the row and, with it (``ON
DELETE CASCADE``), every alert still waiting. An alert row is one (subscription, kind, ref_id):
the UNIQUE constraint makes "this person hears about this opportunity" happen once however
often it is queued. Sending claims rows like the email outbox does (bot/store/outbox.py): a
lease on PostgreSQL with ``FOR UPDATE SKIP LOCKED``, on SQLite one atomic UPDATE per row.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    ForeignKey,
    Index,
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
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from bot.engine.state import utcnow
from bot.store.claims import claim_due_rows
from bot.store.db import Base

CHANNELS = ("telegram", "email")
KINDS = ("opportunity", "poll")
ALERT_STATUSES = ("queued", "sending", "sent", "failed", "dropped")


class SubscriptionRow(Base):
    __tablename__ = "subscriptions"
    __table_args__ = (
        UniqueConstraint("person_key", "channel", name="uq_subscriptions_person_channel"),
        Index("ix_subscriptions_status", "status"),
        Index("ix_subscriptions_stop_token_hash", "stop_token_hash", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_key: Mapped[str] = mapped_column(String(128))
    channel: Mapped[str] = mapped_column(String(16))
    address_encrypted: Mapped[str | None] = mapped_column(Text, nullable=True)
    role: Mapped[str | None] = mapped_column(String(32), nullable=True)
    area: Mapped[str | None] = mapped_column(String(32), nullable=True)
    age_band: Mapped[str | None] = mapped_column(String(20), nullable=True)
    interests: Mapped[list[str]] = mapped_column(JSON, default=list)
    consented_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    status: Mapped[str] = mapped_column(String(10), default="active")
    stop_token_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    last_alert_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )

    def profile(self) -> dict[str, Any]:
        """The stored profile in the shape ``bot.opportunities.match.fits`` reads."""
        return {
            "role": self.role,
            "area": self.area,
            "age": None,
            "age_band": self.age_band,
            "interests": list(self.interests or []),
        }


class AlertRow(Base):
    __tablename__ = "alerts"
    __table_args__ = (
        UniqueConstraint("subscription_id", "kind", "ref_id", name="uq_alerts_once"),
        Index("ix_alerts_status_not_before", "status", "not_before"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    subscription_id: Mapped[int] = mapped_column(ForeignKey("subscriptions.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    ref_id: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), default="queued")
    not_before: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    claimed_until: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )
    # set when the daily cap lets this alert go (the "reservation"), kept once it is sent
    sent_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


async def scrub(sessions: async_sessionmaker[AsyncSession]) -> None:
    """After a deletion: no copy of the deleted address left in SQLite's files."""
    from bot.store.db import scrub_deleted

    engine = sessions.kw.get("bind")
    if isinstance(engine, AsyncEngine):
        await scrub_deleted(engine)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def utc(moment: dt.datetime) -> dt.datetime:
    """SQLite gives back UTC without its time zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


# ---- subscriptions ----------------------------------------------------------------------------
async def subscribe(
    session: AsyncSession,
    *,
    person_key: str,
    channel: str,
    address_encrypted: str,
    role: str | None,
    area: str | None,
    age_band: str | None,
    interests: list[str],
    now: dt.datetime,
    stop_token_hash: str | None = None,
) -> SubscriptionRow:
    """Sign up (or sign up again with a new profile and address): one row per person and
    channel."""
    row = await session.scalar(
        select(SubscriptionRow).where(
            SubscriptionRow.person_key == person_key, SubscriptionRow.channel == channel
        )
    )
    if row is None:
        row = SubscriptionRow(person_key=person_key, channel=channel)
        session.add(row)
    row.address_encrypted = address_encrypted
    row.role, row.area, row.age_band = role, area, age_band
    row.interests = list(interests)
    row.consented_at = now
    row.status = "active"
    row.stop_token_hash = stop_token_hash
    await session.flush()
    return row


async def active_for_person(session: AsyncSession, person_key: str) -> list[SubscriptionRow]:
    return list(
        (
            await session.scalars(
                select(SubscriptionRow).where(
                    SubscriptionRow.person_key == person_key, SubscriptionRow.status == "active"
                )
            )
        ).all()
    )


async def delete_for_person(session: AsyncSession, person_key: str) -> int:
    """ "stop" and "delete my data": the rows go, and their waiting alerts with them."""
    result = await session.execute(
        delete(SubscriptionRow).where(SubscriptionRow.person_key == person_key)
    )
    return int(getattr(result, "rowcount", 0))


async def delete_by_token(session: AsyncSession, token: str) -> int:
    """The unsubscribe link in an email: only the token's sha256 is stored."""
    result = await session.execute(
        delete(SubscriptionRow).where(SubscriptionRow.stop_token_hash == token_hash(token))
    )
    return int(getattr(result, "rowcount", 0))


async def token_exists(session: AsyncSession, token: str) -> bool:
    found = await session.scalar(
        select(SubscriptionRow.id).where(SubscriptionRow.stop_token_hash == token_hash(token))
    )
    return found is not None


async def mark_blocked(session: AsyncSession, subscription_id: int) -> None:
    """Telegram said 403 (the person blocked the bot): stopped, address erased, never retried;
    their waiting alerts are dropped."""
    await session.execute(
        update(SubscriptionRow)
        .where(SubscriptionRow.id == subscription_id)
        .values(status="stopped", address_encrypted=None, stop_token_hash=None)
    )
    await session.execute(
        update(AlertRow)
        .where(AlertRow.subscription_id == subscription_id, AlertRow.status == "queued")
        .values(status="dropped")
    )


# ---- alerts -----------------------------------------------------------------------------------
def _due(now: dt.datetime):  # type: ignore[no-untyped-def]
    """Queued and due, or "sending" by a worker whose lease has run out (it died)."""
    return or_(
        and_(AlertRow.status == "queued", AlertRow.not_before <= now),
        and_(AlertRow.status == "sending", AlertRow.claimed_until < now),
    )


async def claim_due(
    session: AsyncSession, now: dt.datetime, *, lease: dt.timedelta, limit: int = 50
) -> list[int]:
    """Claim up to ``limit`` due alerts for this worker; the caller commits. As in
    bot/store/outbox.py, on SQLite this must be the first statement in its session."""
    return await claim_due_rows(
        session,
        AlertRow,
        due=_due(now),
        order_by=(AlertRow.not_before, AlertRow.id),
        values={
            "status": "sending",
            "claimed_until": now + lease,
            "attempts": AlertRow.attempts + 1,
        },
        limit=limit,
    )


async def write_first(session: AsyncSession, alert_id: int) -> None:
    """On SQLite, start a transaction that will write with a write: one that reads first and
    then writes fails at once (SQLITE_BUSY) if another worker wrote in between."""
    if session.bind is not None and session.bind.dialect.name == "sqlite":
        await session.execute(
            update(AlertRow).where(AlertRow.id == alert_id).values(attempts=AlertRow.attempts)
        )


async def lock_subscription(session: AsyncSession, subscription_id: int) -> SubscriptionRow | None:
    """The subscription, locked for this transaction (PostgreSQL: the row; SQLite: the
    database, by writing first), so two workers cannot both take today's last allowance."""
    postgres = session.bind is not None and session.bind.dialect.name == "postgresql"
    if not postgres:
        await session.execute(
            update(SubscriptionRow)
            .where(SubscriptionRow.id == subscription_id)
            .values(status=SubscriptionRow.status)
        )
    query = select(SubscriptionRow).where(SubscriptionRow.id == subscription_id)
    if postgres:
        query = query.with_for_update()
    return await session.scalar(query.execution_options(populate_existing=True))


async def count_taken_since(
    session: AsyncSession, subscription_id: int, since: dt.datetime, but: int
) -> int:
    """Alerts sent (or let go and on their way) to this subscription since ``since``."""
    query = select(func.count(AlertRow.id)).where(
        AlertRow.subscription_id == subscription_id,
        AlertRow.id != but,
        AlertRow.sent_at >= since,
        AlertRow.status.in_(("sent", "sending")),
    )
    return int(await session.scalar(query) or 0)


async def count_by_status(session: AsyncSession) -> dict[str, int]:
    query = select(AlertRow.status, func.count(AlertRow.id)).group_by(AlertRow.status)
    counts = dict.fromkeys(ALERT_STATUSES, 0)
    counts.update({status: int(n) for status, n in (await session.execute(query)).all()})
    return counts
