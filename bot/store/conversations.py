"""Conversation state, one row per channel and sender, with an inactivity expiry.

The state is stored encrypted. Loading is one SELECT and saving one upsert, because this is the
hot path: every message reads and writes its conversation once. ``answer_waiting`` is set when a
staff answer is queued for the person, so the bot only looks for answers when there is one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from pydantic import ValidationError
from sqlalchemy import Boolean, DateTime, String, Text, delete, false, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.engine.state import ConversationState, utcnow
from bot.errors import ConfigError
from bot.keys import Keys
from bot.store.db import Base
from bot.store.hot import ConversationStore


class ConversationRow(Base):
    __tablename__ = "conversations"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    channel: Mapped[str] = mapped_column(String(40))
    state: Mapped[str] = mapped_column(Text)
    # not indexed: it changes on every message, and only the daily clean-up reads it
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True))
    answer_waiting: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


@dataclass(slots=True)
class Loaded:
    state: ConversationState
    answer_waiting: bool = False


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


async def load_state(
    store: ConversationStore, channel: str, sender: str, *, expiry: dt.timedelta, keys: Keys
) -> Loaded:
    """The stored state (hot path), or a new one when there is none or it has expired."""
    fresh = ConversationState(channel=channel, sender=sender)
    found = await store.load(fresh.key)
    if found is None:
        return Loaded(fresh)
    stored, updated_at, waiting = found
    if utcnow() - updated_at > expiry:
        return Loaded(fresh, waiting)
    try:
        state = ConversationState.model_validate_json(keys.unseal(stored, bound_to=fresh.key))
        return Loaded(state, waiting)
    except (ConfigError, ValidationError):  # another key, or an older shape: start again
        return Loaded(fresh, waiting)


async def save_state(
    store: ConversationStore, state: ConversationState, *, keys: Keys, answer_waiting: bool
) -> None:
    """Write the state, encrypted (hot path)."""
    await store.save(
        state.key,
        state.channel,
        keys.seal(state.model_dump_json().encode("utf-8"), bound_to=state.key),
        state.updated_at,
        answer_waiting,
    )


async def mark_answer_waiting(session: AsyncSession, key: str) -> None:
    await session.execute(
        update(ConversationRow).where(ConversationRow.key == key).values(answer_waiting=True)
    )


async def delete_conversation(connection: AsyncConnection | AsyncSession, key: str) -> None:
    await connection.execute(delete(ConversationRow).where(ConversationRow.key == key))


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
