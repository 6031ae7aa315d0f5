"""Suggest themes for stored feedback, in batches, away from the chat turn.

Run by ``getinvolved themes suggest`` and by the staff theme pages before they count: the
model works in a thread, so the event loop (and every conversation) carries on meanwhile.
"""

from __future__ import annotations

import asyncio

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.store import themes as store
from bot.themes.suggest import ThemeSuggester

BATCH = 2000


async def sync_content_themes(session: AsyncSession, suggester: ThemeSuggester) -> None:
    await store.sync_themes(
        session,
        ((theme.id, theme.name, theme.description) for theme in suggester.book.themes),
    )


async def suggest_pending(
    sessions: async_sessionmaker[AsyncSession], suggester: ThemeSuggester, *, most: int = 10**9
) -> int:
    """Suggest themes for every item not looked at yet (up to ``most``); returns how many."""
    done = 0
    async with sessions.begin() as session:
        await sync_content_themes(session, suggester)
    while done < most:
        async with sessions() as session:
            pending = await store.unchecked_feedback(session, limit=min(BATCH, most - done))
        if not pending:
            break
        texts = [text for _, text in pending]
        found = await asyncio.to_thread(suggester.suggest, texts)
        async with sessions.begin() as session:
            merged = await store.merge_map(session)
            # another worker may have done some meanwhile: only the still unchecked are saved
            still = {feedback_id for feedback_id, _ in await store.unchecked_feedback(session)}
            await store.save_suggestions(
                session,
                {
                    feedback_id: [(s.theme_id, s.score) for s in suggestions]
                    for (feedback_id, _), suggestions in zip(pending, found, strict=True)
                    if feedback_id in still
                },
                merged,
            )
        done += len(pending)
    return done
