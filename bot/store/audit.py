"""The audit log: every staff read, export, answer and sign-in, with no personal data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import DateTime, ForeignKey, Integer, String, select
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
