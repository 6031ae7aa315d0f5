"""Telegram update ids already handled, so a repeated update is processed once."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import BigInteger, DateTime
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
