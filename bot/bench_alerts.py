"""`getinvolved bench --alerts`: deliver one opportunity's alerts through a Bot API stand-in.

10,000 subscribers, an opportunity that fits 3,000 of them, the real sender with
python-telegram-bot's AIORateLimiter (30 messages a second) against the Bot API stand-in
(bot/alerts/standin.py) in its own process on loopback, on a SQLite file. Reports the time to
deliver them all, alerts a second, the most messages the stand-in saw in any one second, CPU
milliseconds per alert (the sending process only: queueing, claiming, the gate, rendering,
PTB and HTTP) and the sending process's peak memory.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import aiohttp

SUBSCRIBERS = 10_000
MATCHING = 3_000
TOKEN = "1:bench"


async def _bench(subscribers: int, matching: int) -> dict[str, Any]:
    from bot.alerts import queue_alerts
    from bot.alerts.sender import AlertSender, build_telegram_bot
    from bot.alerts.timing import Timing
    from bot.app import create_bot
    from bot.settings import Settings
    from bot.store.alerts import SubscriptionRow
    from bot.store.opportunities import OpportunityRow

    folder = Path(tempfile.mkdtemp(prefix="bench-alerts-"))
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None,
        database_url=f"sqlite:///{folder / 'bench.db'}",
        secret_key="bench-secret-" + "x" * 40,
    )
    bot = await create_bot(settings, working_dir=folder)
    now = dt.datetime.now(dt.UTC)
    try:
        async with bot.sessions.begin() as session:
            session.add_all(
                SubscriptionRow(
                    person_key=f"p{n}",
                    channel="telegram",
                    address_encrypted=bot.keys.encrypt(100_000 + n),
                    role="parent_carer",
                    area="west_sussex" if n < matching else "east_sussex",
                    age_band=None,
                    interests=[],
                    consented_at=now,
                    status="active",
                )
                for n in range(subscribers)
            )
            opportunity = OpportunityRow(
                team_id="wscc-send",
                status="published",
                title="Family Hub inspection",
                summary="Tell inspectors what your Family Hub is like.",
                audience={
                    "roles": [],
                    "areas": ["west_sussex"],
                    "age_min": None,
                    "age_max": None,
                    "interests": [],
                },
                place="Online",
                links=[{"title": "Find out more", "url": "https://example.org/hub"}],
                created_at=now,
                updated_at=now,
                published_at=now,
            )
            session.add(opportunity)
        standin = await asyncio.to_thread(
            subprocess.Popen,
            [sys.executable, "-m", "bot.alerts.standin", TOKEN],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert standin.stdout is not None
            base_url = standin.stdout.readline().strip()
            telegram = build_telegram_bot(TOKEN, base_url)
            await telegram.initialize()
            sender = AlertSender(
                sessions=bot.sessions, keys=bot.keys, timing=Timing(quiet=None), telegram=telegram
            )
            cpu0, wall0 = time.process_time(), time.perf_counter()
            async with bot.sessions.begin() as session:
                queued = await queue_alerts(
                    session,
                    kind="opportunity",
                    ref_id=opportunity.id,
                    audience=opportunity.audience,
                    now=now,
                )
            queue_seconds = time.perf_counter() - wall0
            report = await sender.send_due()
            wall = time.perf_counter() - wall0
            cpu = time.process_time() - cpu0
            async with aiohttp.ClientSession() as client, client.get(f"{base_url}/stats") as got:
                stats = await got.json()
            await telegram.shutdown()
        finally:
            if standin.stdin is not None:
                standin.stdin.close()
            standin.wait(timeout=10)
            if standin.stdout is not None:
                standin.stdout.close()
    finally:
        await bot.close()
    return {
        "subscribers": subscribers,
        "alerts_queued": queued,
        "delivered_to_distinct_chats": stats["chats"],
        "messages_at_standin": stats["messages"],
        "most_to_one_chat": stats["most_to_one_chat"],
        "sent": report.sent,
        "queue_seconds": round(queue_seconds, 3),
        "total_seconds": round(wall, 1),
        "alerts_per_second": round(report.sent / wall, 1) if wall else 0,
        "most_messages_in_any_second": stats["busiest_second"],
        "cpu_ms_per_alert": round(cpu * 1000 / max(report.sent, 1), 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def run_bench_alerts(
    *, as_json: bool = False, subscribers: int = SUBSCRIBERS, matching: int = MATCHING
) -> int:
    result = asyncio.run(_bench(subscribers, matching))
    if as_json:
        print(json.dumps(result, indent=2))
    else:
        for key, value in result.items():
            print(f"{key:32} {value}")
    return 0
