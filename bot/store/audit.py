"""The audit log: every staff read, export, answer and sign-in, with no personal data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import DateTime, ForeignKey, Integer, String, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.engine.state import utcnow
from bot.store.db import Base


class AuditRow(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    staff_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_users.id", ondelete="SET NULL"), nullable=True
    )
    action: Mapped[str] = mapped_column(String(40), index=True)
    feedback_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    detail: Mapped[str] = mapped_column(String(500), default="")


async def record(
    session: AsyncSession,
    action: str,
    *,
    staff_user_id: int | None = None,
    feedback_id: int | None = None,
    detail: str = "",
) -> None:
    """Add one line to the audit log (the caller commits)."""
    session.add(
        AuditRow(
            action=action,
            staff_user_id=staff_user_id,
            feedback_id=feedback_id,
            detail=detail[:500],
            at=utcnow(),
        )
    )


async def list_audit(session: AsyncSession, *, limit: int = 200) -> Sequence[AuditRow]:
    return (await session.scalars(select(AuditRow).order_by(AuditRow.id.desc()).limit(limit))).all()


@dataclass(frozen=True, slots=True)
class AuditFilter:
    staff_user_id: int | None = None
    action: str | None = None
    since: dt.date | None = None  # UTC days, both included
    until: dt.date | None = None


@dataclass(frozen=True, slots=True)
class AuditPage:
    rows: Sequence[AuditRow]
    total: int
    page: int  # from 1, clamped to the pages there are
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


async def page_audit(
    session: AsyncSession, filters: AuditFilter, *, page: int = 1, per_page: int = 50
) -> AuditPage:
    """One page of the audit log, newest first, with how many lines match in all."""
    query = select(AuditRow)
    if filters.staff_user_id is not None:
        query = query.where(AuditRow.staff_user_id == filters.staff_user_id)
    if filters.action:
        query = query.where(AuditRow.action == filters.action)
    if filters.since:
        query = query.where(AuditRow.at >= dt.datetime.combine(filters.since, dt.time(), dt.UTC))
    if filters.until:
        end = dt.datetime.combine(filters.until + dt.timedelta(days=1), dt.time(), dt.UTC)
        query = query.where(AuditRow.at < end)
    total = int(await session.scalar(query.with_only_columns(func.count(AuditRow.id))) or 0)
    page = min(max(1, page), max(1, -(-total // per_page)))
    rows = await session.scalars(
        query.order_by(AuditRow.id.desc()).offset((page - 1) * per_page).limit(per_page)
    )
    return AuditPage(rows=rows.all(), total=total, page=page, per_page=per_page)


async def list_actions(session: AsyncSession) -> list[str]:
    """Every kind of action the log holds, for the filter."""
    return sorted((await session.scalars(select(AuditRow.action).distinct())).all())
