"""Building blocks for the email tests: a bot with SMTP_URL, team settings, feedback given
through the real engine."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from sqlalchemy import select

from bot.app import GetInvolved, create_bot
from bot.notify.mailer import Mailer
from bot.store import outbox, staff
from tests.conftest import create_settings

BASE_URL = "https://getinvolved.example"
HEALTH_TEAM = "nhs-sussex"  # where "a mum in Worthing" writing about CAMHS is routed


@asynccontextmanager
async def email_bot(
    tmp_path: Path, smtp_url: str, **overrides: object
) -> AsyncIterator[GetInvolved]:
    """The real bot with email on, sending to ``smtp_url``."""
    settings = create_settings(tmp_path, smtp_url=smtp_url, public_base_url=BASE_URL, **overrides)
    bot = await create_bot(settings)
    try:
        yield bot
    finally:
        await bot.close()


def mailer_of(bot: GetInvolved) -> Mailer:
    assert bot.mailer is not None, "email is off"
    return bot.mailer


async def set_team_email(
    bot: GetInvolved,
    team_id: str = HEALTH_TEAM,
    *,
    email: str = "camhs-team@nhs.example",
    mode: str = "now",
    hour: int = 8,
    last_digest_at: dt.datetime | None = None,
) -> None:
    async with bot.sessions.begin() as session:
        team = await staff.get_team(session, team_id)
        assert team is not None
        team.notify_email, team.notify_mode, team.digest_hour = email, mode, hour
        team.last_digest_at = last_digest_at


async def emails(bot: GetInvolved) -> list[outbox.OutboxRow]:
    async with bot.sessions() as session:
        return list(
            (await session.scalars(select(outbox.OutboxRow).order_by(outbox.OutboxRow.id))).all()
        )


async def give_feedback_with_email(
    bot: GetInvolved, sender: str, text: str, email: str
) -> tuple[int, str]:
    """A mum in Worthing gives feedback, asks to be contacted and types her email; returns
    the feedback id and what the bot said after storing it."""
    await bot.converse("web", sender, "I'm a mum in Worthing")
    await bot.converse("web", sender, "/feedback")
    await bot.converse("web", sender, text)
    await bot.converse("web", sender, '/consent{"level": "contact"}')
    result = await bot.converse("web", sender, f"my email is {email}")
    said = " ".join(reply.text for reply in result.replies)
    if result.state is not None and result.state.asking == "publish_consent":
        result = await bot.converse("web", sender, '/publish{"ok": false}')
    assert result.state is not None and result.state.feedback_id is not None
    return result.state.feedback_id, said
