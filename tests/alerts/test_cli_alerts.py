"""`getinvolved alerts send-due` (for cron) sends what is due, once."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

from bot.alerts import queue_alerts
from bot.app import create_bot
from bot.store import alerts as store
from tests.alerts.helpers import add_opportunity
from tests.conftest import create_settings
from tests.telegram.standin import bot_api_standin

SECRET = "cli-alerts-secret-" + "z" * 40
TOKEN = "77:cli"
EVERYONE = {"roles": [], "areas": [], "age_min": None, "age_max": None, "interests": []}


async def test_send_due_from_the_command_line(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'cli.db'}"
    bot = await create_bot(create_settings(tmp_path, database_url=database, secret_key=SECRET))
    try:
        async with bot.sessions.begin() as session:
            await store.subscribe(
                session,
                person_key=bot.keys.person_key("telegram:31"),
                channel="telegram",
                address_encrypted=bot.keys.encrypt(31),
                role="parent_carer",
                area="east_sussex",
                age_band=None,
                interests=[],
                now=dt.datetime.now(dt.UTC),
            )
        opportunity = await add_opportunity(bot.sessions, EVERYONE, "Cron chance")
        async with bot.sessions.begin() as session:
            await queue_alerts(
                session,
                kind="opportunity",
                ref_id=opportunity,
                audience=EVERYONE,
                now=dt.datetime.now(dt.UTC),
            )
    finally:
        await bot.close()
    async with bot_api_standin(TOKEN) as api:
        env = {
            **os.environ,
            "DATABASE_URL": database,
            "SECRET_KEY": SECRET,
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_BASE_URL": api.base_url,
            "ALERTS_QUIET_HOURS": "",
        }

        def send_due() -> subprocess.CompletedProcess[str]:
            return subprocess.run(
                [sys.executable, "-m", "bot", "alerts", "send-due"],
                text=True,
                capture_output=True,
                env=env,
                cwd=tmp_path,
                timeout=120,
            )

        first = await asyncio.to_thread(send_due)
        assert first.returncode == 0, first.stderr
        assert "1 sent" in first.stdout
        again = await asyncio.to_thread(send_due)
        assert "0 sent" in again.stdout
        assert [m.text.splitlines()[0] for m in api.messages_to(31)] == ["<b>Cron chance</b>"]
