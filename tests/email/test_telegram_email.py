"""Journeys 2 to 4 on Telegram with email on: `getinvolved telegram` runs the email sender too.
A parent gives feedback with her email; the team is emailed; the staff answer reaches her
in Telegram and by email."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.store import feedback as store
from tests.email.helpers import HEALTH_TEAM, set_team_email
from tests.email.smtp_server import Inbox, smtp_server
from tests.telegram.standin import bot_api_standin
from tests.telegram.test_telegram import new_token, polling_bot
from tests.web.staff_helpers import create_staff, csrf, sign_in, web_client

CHAT = 5550777
ANSWER = "Thank you. We have asked CAMHS to call you this week."


async def _arrived(inbox: Inbox, count: int, within: float = 15.0) -> None:
    for _ in range(int(within / 0.05)):
        if len(inbox.messages) >= count:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"{len(inbox.messages)} emails arrived, not {count}")


async def test_feedback_by_telegram_then_the_answer_by_chat_and_email(tmp_path: Path) -> None:
    with smtp_server() as inbox:
        smtp_url = f"smtp://127.0.0.1:{inbox.port}"
        async with (
            bot_api_standin(new_token()) as api,
            polling_bot(tmp_path, api, smtp_url=smtp_url) as bot,
        ):
            await set_team_email(bot, mode="now")
            await api.queue(api.message_update(CHAT, "I'm a mum in Worthing"))
            await api.queue(api.button_update(CHAT, "/feedback"))
            await api.wait_for(CHAT, "tell")
            await api.queue(api.message_update(CHAT, "The CAMHS wait is far too long for my son"))
            await api.wait_for(CHAT, "pass")
            await api.queue(api.button_update(CHAT, '/consent{"level": "contact"}'))
            await api.wait_for(CHAT, "email or a phone")
            await api.queue(api.message_update(CHAT, "sam.parent@example.org"))
            await api.wait_for(CHAT, "send the answer to your email")
            await _arrived(inbox, 1)
            assert inbox.messages[0]["To"] == "camhs-team@nhs.example"
            assert "CAMHS wait" not in inbox.messages[0].get_content()

            async with bot.sessions() as session:
                (row,) = await store.list_all_feedback(session)
            await create_staff(bot, "nurse@nhs.example", HEALTH_TEAM)
            async with web_client(bot) as client:
                await sign_in(client, "nurse@nhs.example")
                token = await csrf(client, f"/staff/feedback/{row.id}")
                await client.post(
                    f"/staff/feedback/{row.id}/respond",
                    data={"response": ANSWER, "csrf_token": token},
                )
            await api.wait_for(CHAT, ANSWER)
            await _arrived(inbox, 2)
    answer = inbox.to("sam.parent@example.org")[0]
    assert ANSWER in answer.get_content()
