"""The whole journey on Telegram: the real PTB Application (`getinvolved telegram`) against
the Bot API stand-in: ask, agree with the button, get an alert from the background sender,
say stop, and get nothing more."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from bot.alerts import queue_alerts
from tests.alerts.helpers import add_opportunity
from tests.telegram.standin import bot_api_standin
from tests.telegram.test_telegram import new_token, polling_bot

CHAT = 5550777
EVERYONE = {"roles": [], "areas": [], "age_min": None, "age_max": None, "interests": []}


async def test_opt_in_alert_and_stop_on_telegram(tmp_path: Path) -> None:
    async with (
        bot_api_standin(new_token()) as api,
        polling_bot(tmp_path, api, alerts_quiet_hours="", alerts_interval_seconds=0.2) as bot,
    ):
        await api.queue(api.message_update(CHAT, "I'm a dad in Horsham"))
        await api.wait_for(CHAT, "You live in Horsham")
        await api.queue(api.message_update(CHAT, "/alerts"))
        asked = await api.wait_for(CHAT, "Do you want these messages?")
        assert ("Yes, send me messages", "/alerts_yes") in asked.buttons
        await api.queue(api.button_update(CHAT, "/alerts_yes"))
        await api.wait_for(CHAT, "I will send you a message here")
        opportunity = await add_opportunity(bot.sessions, EVERYONE, "Family Hub panel")
        async with bot.sessions.begin() as session:
            assert (
                await queue_alerts(
                    session,
                    kind="opportunity",
                    ref_id=opportunity,
                    audience=EVERYONE,
                    now=dt.datetime.now(dt.UTC),
                )
                == 1
            )
        card = await api.wait_for(CHAT, "Family Hub panel")
        assert card.params.get("parse_mode") == "HTML" and "Reply stop" in card.text
        await api.queue(api.message_update(CHAT, "stop"))
        await api.wait_for(CHAT, "stopped your messages")
        second = await add_opportunity(bot.sessions, EVERYONE, "Second chance")
        async with bot.sessions.begin() as session:
            assert (
                await queue_alerts(
                    session,
                    kind="opportunity",
                    ref_id=second,
                    audience=EVERYONE,
                    now=dt.datetime.now(dt.UTC),
                )
                == 0
            )
        await asyncio.sleep(0.5)
        assert not any("Second chance" in m.text for m in api.messages_to(CHAT))
