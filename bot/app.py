"""Wiring: build every part of the bot once from the settings, and hold conversations."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from actions import ActionContext
from bot.content import Content, load_content
from bot.dialogues import Dialogues, load_dialogues
from bot.engine.engine import Engine, TurnResult
from bot.engine.nlu import Understander
from bot.settings import Settings
from bot.store import conversations
from bot.store.db import create_engine, create_session_factory, create_tables


def build_understander(content: Content, dialogues: Dialogues) -> Understander:
    return Understander(
        intent_examples=dialogues.intent_examples,
        synonyms=dialogues.synonyms,
        places=content.places.by_council(),
        needs_context=content.places.needs_context,
    )


@dataclass
class GetInvolved:
    """The running bot: content, engine and storage. Create with :func:`create_bot`."""

    settings: Settings
    content: Content
    dialogues: Dialogues
    understander: Understander
    engine: Engine
    database: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    _locks: defaultdict[str, asyncio.Lock] = field(
        default_factory=lambda: defaultdict(asyncio.Lock)
    )

    @property
    def expiry(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.settings.conversation_expiry_minutes)

    async def converse(self, channel: str, sender: str, text: str) -> TurnResult:
        """Handle one message from ``sender`` on ``channel``: load, answer, save."""
        key = f"{channel}:{sender}"
        async with self._locks[key], self.sessions.begin() as session:
            state = await conversations.load_conversation(
                session, channel, sender, expiry=self.expiry
            )
            result = await self.engine.handle(state, text)
            if result.forgotten:
                await conversations.delete_conversation(session, key)
            elif result.state is not None:
                await conversations.save_conversation(session, result.state)
        return result

    async def forget(self, key: str) -> None:
        """Remove everything stored about the conversation ``key`` (channel:sender)."""
        async with self.sessions.begin() as session:
            await conversations.delete_conversation(session, key)

    async def close(self) -> None:
        await self.database.dispose()


async def create_bot(settings: Settings) -> GetInvolved:
    """Load content and dialogues, build the engine, and open (and set up) the database."""
    content = load_content(settings.content_dir)
    dialogues = load_dialogues(settings.dialogues_dir)
    understander = build_understander(content, dialogues)
    database = create_engine(settings.database_url)
    await create_tables(database)
    sessions = create_session_factory(database)
    holder: dict[str, GetInvolved] = {}

    async def forget(key: str) -> None:
        await holder["bot"].forget(key)

    engine = Engine(
        dialogues=dialogues,
        content=content,
        understander=understander,
        context=ActionContext(content=content, understander=understander, forget=forget),
        max_message_chars=settings.max_message_chars,
    )
    bot = GetInvolved(
        settings=settings,
        content=content,
        dialogues=dialogues,
        understander=understander,
        engine=engine,
        database=database,
        sessions=sessions,
    )
    holder["bot"] = bot
    return bot
