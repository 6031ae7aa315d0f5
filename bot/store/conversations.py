"""Conversation state, one row per channel and sender, with an inactivity expiry."""

from __future__ import annotations

import datetime as dt

from pydantic import ValidationError
from sqlalchemy import DateTime, String, Text, delete, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.engine.state import ConversationState, utcnow
from bot.errors import ConfigError
from bot.keys import Keys
from bot.store.db import Base


class ConversationRow(Base):
    __tablename__ = "conversations"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    channel: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), index=True)


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


async def load_conversation(
    session: AsyncSession, channel: str, sender: str, *, expiry: dt.timedelta, keys: Keys
) -> ConversationState:
    """The stored state, or a new one when there is none or it has expired."""
    row = await session.get(ConversationRow, f"{channel}:{sender}")
    if row is None or utcnow() - _aware(row.updated_at) > expiry:
        return ConversationState(channel=channel, sender=sender)
    try:
        return ConversationState.model_validate(keys.decrypt(row.state))
    except (ConfigError, ValidationError):  # another key, or an older shape: start again
        return ConversationState(channel=channel, sender=sender)


async def save_conversation(session: AsyncSession, state: ConversationState, *, keys: Keys) -> None:
    """Insert or update the state, encrypted (the caller commits)."""
    row = await session.get(ConversationRow, state.key)
    payload = keys.encrypt(state.model_dump(mode="json"))
    if row is None:
        session.add(
            ConversationRow(
                key=state.key, channel=state.channel, state=payload, updated_at=state.updated_at
            )
        )
    else:
        row.state = payload
        row.updated_at = state.updated_at


async def delete_conversation(session: AsyncSession, key: str) -> None:
    await session.execute(delete(ConversationRow).where(ConversationRow.key == key))


async def delete_expired_conversations(session: AsyncSession, *, expiry: dt.timedelta) -> int:
    """Remove conversations nobody has touched for longer than ``expiry``."""
    cutoff = utcnow() - expiry
    stale = (
        await session.scalars(
            select(ConversationRow.key).where(ConversationRow.updated_at < cutoff)
        )
    ).all()
    if stale:
        await session.execute(delete(ConversationRow).where(ConversationRow.key.in_(stale)))
    return len(stale)
