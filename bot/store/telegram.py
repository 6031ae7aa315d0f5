"""Telegram update ids already handled, so a repeated update is processed once."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, DateTime, delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from bot.engine.state import utcnow
from bot.store.db import Base


class TelegramUpdateRow(Base):
    __tablename__ = "telegram_updates"

    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


async def first_time(sessions: async_sessionmaker[AsyncSession], update_id: int) -> bool:
    """Record ``update_id``; False when it was recorded before (a repeat)."""
    try:
        async with sessions.begin() as session:
            session.add(TelegramUpdateRow(update_id=update_id, seen_at=utcnow()))
    except IntegrityError:
        return False
    return True


async def forget_updates_before(session: AsyncSession, cutoff: dt.datetime) -> int:
    """Drop update ids seen before ``cutoff``: Telegram does not send an update again after a
    day, so older ids only take up room."""
    result = await session.execute(
        delete(TelegramUpdateRow).where(TelegramUpdateRow.seen_at < cutoff)
    )
    return int(getattr(result, "rowcount", 0) or 0)
