"""An alert by email: through the outbox and a real SMTP server, with a working stop link,
held in quiet hours, and nothing once the person has stopped."""

from __future__ import annotations

from pathlib import Path

from aiohttp.test_utils import TestClient, TestServer

from bot.alerts import queue_alerts
from bot.web.app import create_web_app
from tests.alerts.helpers import Clock, add_opportunity, uk
from tests.email.helpers import BASE_URL, email_bot, mailer_of
from tests.email.smtp_server import smtp_server

EVERYONE = {"roles": [], "areas": [], "age_min": None, "age_max": None, "interests": []}


async def _sign_up(bot, sender: str, email: str) -> None:  # type: ignore[no-untyped-def]
    await bot.converse("web", sender, "I'm a mum in Worthing")
    await bot.converse("web", sender, "send me alerts")
    await bot.converse("web", sender, "/alerts_yes")
    result = await bot.converse("web", sender, email)
    assert "I will email you" in result.replies[0].text


async def test_an_email_alert_with_a_stop_link(tmp_path: Path) -> None:
    with smtp_server() as inbox:
        async with email_bot(tmp_path, f"smtp://127.0.0.1:{inbox.port}") as bot:
            await _sign_up(bot, "w1", "sam@example.org")
            await _sign_up(bot, "w2", "alex@example.org")
            opportunity = await add_opportunity(bot.sessions, EVERYONE, "Family Hub panel")
            clock = Clock(uk(2026, 12, 1, 23))
            async with bot.sessions.begin() as session:
                queued = await queue_alerts(
                    session,
                    kind="opportunity",
                    ref_id=opportunity,
                    audience=EVERYONE,
                    now=clock.now,
                )
            assert queued == 2
            sender = bot.alert_sender()
            sender.clock = clock
            assert (await sender.send_due()).held == 2  # 23:00 UK: quiet
            await mailer_of(bot).send_due(clock.now)
            assert inbox.messages == []
            async with TestClient(TestServer(create_web_app(bot))) as client:
                clock.now = uk(2026, 12, 2, 9)
                assert (await sender.send_due()).sent == 2
                assert (await sender.send_due()).sent == 0  # once
                await mailer_of(bot).send_due(clock.now)
                assert len(inbox.messages) == 2
                mail = inbox.to("sam@example.org")[0]
                body = mail.get_content()
                assert "Family Hub panel" in mail["Subject"] and "Family Hub" in body
                assert "https://example.org/panel" in body and "Reply stop" not in body
                link = next(line for line in body.splitlines() if "/alerts/stop?token=" in line)
                assert link.startswith(BASE_URL)
                path = link.removeprefix(BASE_URL)
                page = await client.get(path)
                assert "Stop these emails" in await page.text()
                token = path.split("token=", 1)[1]
                done = await client.post("/alerts/stop", data={"token": token})
                assert "Emails stopped" in await done.text()
            second = await add_opportunity(bot.sessions, EVERYONE, "Second")
            clock.now = uk(2026, 12, 3, 9)
            async with bot.sessions.begin() as session:
                queued = await queue_alerts(
                    session, kind="opportunity", ref_id=second, audience=EVERYONE, now=clock.now
                )
            assert queued == 1  # only the person who did not stop
            assert (await sender.send_due()).sent == 1
            await mailer_of(bot).send_due(clock.now)
            assert len(inbox.to("sam@example.org")) == 1
            assert len(inbox.to("alex@example.org")) == 2
