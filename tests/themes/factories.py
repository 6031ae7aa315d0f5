"""Plain factories for theme and report tests: feedback rows and answers written straight to
the real database, with the fields a test cares about and sensible defaults for the rest."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.app import GetInvolved
from bot.store import feedback as store

DAY = dt.datetime(2026, 6, 1, 10, 0, tzinfo=dt.UTC)  # a Monday


async def create_feedback(
    bot: GetInvolved,
    *,
    text: str,
    team_id: str = "wscc-local-offer",
    topic: str = "council",
    created_at: dt.datetime = DAY,
    consent: str = "anonymous",
    publish_consent: bool = False,
    contact: dict[str, Any] | None = None,
) -> int:
    async with bot.sessions.begin() as session:
        return await store.save_feedback(
            session,
            channel="web",
            person_key=f"person-{text[:10]}",
            team_id=team_id,
            topic=topic,
            topics=topic,
            role="parent_carer",
            area="west_sussex",
            age_band=None,
            text=text,
            consent=consent,
            contact=bot.keys.encrypt(contact) if contact else None,
            status="new",
            created_at=created_at,
            publish_consent=publish_consent,
        )


async def create_answer(bot: GetInvolved, feedback_id: int, text: str, *, at: dt.datetime) -> None:
    async with bot.sessions.begin() as session:
        session.add(store.ResponseRow(feedback_id=feedback_id, text=text, created_at=at))


async def create_publication(
    bot: GetInvolved, feedback_id: int, *, you_said: str, we_did: str, own_words: bool = False
) -> None:
    async with bot.sessions.begin() as session:
        row = await session.get(store.FeedbackRow, feedback_id)
        assert row is not None
        session.add(
            store.PublicationRow(
                feedback_id=feedback_id,
                team_id=row.team_id,
                you_said=you_said,
                own_words=own_words,
                we_did=we_did,
                status="published",
                created_at=DAY,
                updated_at=DAY,
                published_at=DAY,
            )
        )
