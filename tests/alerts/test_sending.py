"""Sending: quiet hours and the daily cap on a controllable clock, 429 and 403 at the Bot API
stand-in, nothing to stopped people, exactly once with two workers and a killed one."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select, update

from bot.alerts import queue_alerts
from bot.alerts.sender import AlertSender, build_telegram_bot
from bot.alerts.timing import Timing
from bot.app import create_bot
from bot.store import alerts as store
from tests.alerts.helpers import Clock, add_opportunity, uk
from tests.conftest import create_settings
from tests.telegram.standin import bot_api_standin

# PTB 22 warns inside its own RetryAfter (a 429) that retry_after will become a timedelta
pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
TOKEN = "123:alerts"
EVERYONE = {"roles": [], "areas": [], "age_min": None, "age_max": None, "interests": []}


async def _subscribe(bot, chats, *, area="west_sussex"):  # type: ignore[no-untyped-def]
    async with bot.sessions.begin() as session:
        for chat in chats:
            await store.subscribe(
                session,
                person_key=bot.keys.person_key(f"telegram:{chat}"),
                channel="telegram",
                address_encrypted=bot.keys.encrypt(chat),
                role="young_person",
                area=area,
                age_band="16-18",
                interests=[],
                now=dt.datetime.now(dt.UTC),
            )


async def _queue(bot, opportunity, now, audience=EVERYONE):  # type: ignore[no-untyped-def]
    async with bot.sessions.begin() as session:
        return await queue_alerts(
            session, kind="opportunity", ref_id=opportunity, audience=audience, now=now
        )


def _sender(bot, telegram, clock, concurrency=4, **timing):  # type: ignore[no-untyped-def]
    return AlertSender(
        concurrency=concurrency,
        sessions=bot.sessions,
        keys=bot.keys,
        timing=Timing(**timing),
        telegram=telegram,
        clock=clock,
        lease=dt.timedelta(seconds=30),
    )


async def test_matching_quiet_hours_cap_429_403_and_stopped(tmp_path: Path) -> None:
    bot = await create_bot(create_settings(tmp_path))
    try:
        async with bot_api_standin(TOKEN) as standin:
            telegram = build_telegram_bot(TOKEN, standin.base_url)
            await telegram.initialize()
            await _subscribe(bot, [1, 2, 3, 4])
            await _subscribe(bot, [9], area="east_sussex")  # outside the audience
            west = {**EVERYONE, "areas": ["west_sussex"]}
            first = await add_opportunity(bot.sessions, west, "First")
            second = await add_opportunity(bot.sessions, west, "Second")
            clock = Clock(uk(2026, 12, 1, 22))  # 22:00 UK: quiet
            assert await _queue(bot, first, clock.now, west) == 4
            assert await _queue(bot, first, clock.now, west) == 0  # idempotent
            await _queue(bot, second, clock.now, west)
            # one at a time, so which of a person's two alerts goes first is known
            sender = _sender(bot, telegram, clock, concurrency=1)
            report = await sender.send_due()
            assert report.sent == 0 and report.held == 8 and standin.messages_to(1) == []
            # the person in chat 2 stops; chat 3 has blocked the bot; chat 4 is throttled
            async with bot.sessions.begin() as session:
                await store.delete_for_person(session, bot.keys.person_key("telegram:2"))
            standin.blocked.add(3)
            standin.throttle(4, 7)
            clock.now = uk(2026, 12, 2, 7, 59)
            assert (await sender.send_due()).sent == 0  # still quiet
            clock.now = uk(2026, 12, 2, 8, 0)
            report = await sender.send_due()
            # chat 1 and chat 4 (its other alert, while the first waits) get one each; chat 3's
            # other alert is dropped with its stopped subscription; chat 2's went with its row
            assert (report.sent, report.blocked, report.retrying) == (2, 1, 1)
            assert report.dropped == 1 and report.held == 1
            texts = [m.text for m in standin.messages_to(1)]
            assert len(texts) == 1 and "Reply stop" in texts[0]
            assert standin.messages_to(1)[0].url_buttons == [
                ("Find out more", "https://example.org/panel")
            ]
            async with bot.sessions() as session:
                blocked = await session.scalar(
                    select(store.SubscriptionRow).where(
                        store.SubscriptionRow.person_key == bot.keys.person_key("telegram:3")
                    )
                )
                assert blocked is not None and blocked.status == "stopped"
                assert blocked.address_encrypted is None
            clock.advance(seconds=8)  # after retry_after: chat 4 is at today's cap, so it waits
            report = await sender.send_due()
            assert report.sent == 0 and report.held == 1
            assert len(standin.messages_to(4)) == 1
            clock.now = uk(2026, 12, 3, 8, 0)  # the next day: each gets the second one
            report = await sender.send_due()
            assert report.sent == 2
            assert len(standin.messages_to(1)) == 2 and len(standin.messages_to(4)) == 2
            assert standin.messages_to(2) == [] and standin.messages_to(9) == []
            assert Counter(c for c, _ in standin.refused) == {3: 1, 4: 1}  # 403 never retried
            assert (await sender.send_due()).sent == 0
            await telegram.shutdown()
    finally:
        await bot.close()


async def test_exactly_once_with_two_workers_and_a_killed_one(
    database_url: str, tmp_path: Path
) -> None:
    bot = await create_bot(create_settings(tmp_path, database_url=database_url))
    try:
        async with bot_api_standin(TOKEN) as standin:
            telegram = build_telegram_bot(TOKEN, standin.base_url)
            await telegram.initialize()
            chats = list(range(1, 61))
            await _subscribe(bot, chats)
            opportunity = await add_opportunity(bot.sessions, EVERYONE)
            clock = Clock(uk(2026, 12, 1, 12))
            assert await _queue(bot, opportunity, clock.now) == 60
            # a worker claims ten and dies before sending them
            async with bot.sessions.begin() as session:
                dead = await store.claim_due(
                    session, clock.now, lease=dt.timedelta(seconds=30), limit=10
                )
            assert len(dead) == 10
            one, two = _sender(bot, telegram, clock), _sender(bot, telegram, clock)
            reports = await asyncio.gather(one.send_due(batch=7), two.send_due(batch=7))
            assert sum(r.sent for r in reports) == 50
            clock.advance(seconds=31)  # the dead worker's lease runs out
            reports = await asyncio.gather(one.send_due(batch=7), two.send_due(batch=7))
            assert sum(r.sent for r in reports) == 10
            got = Counter(m.chat_id for m in standin.calls if m.method == "sendMessage")
            assert got == Counter(chats)  # every one, once
            # a worker that died after letting an alert go is never sent it again
            second = await add_opportunity(bot.sessions, EVERYONE, "Second")
            clock.now = uk(2026, 12, 2, 12)
            await _queue(bot, second, clock.now)
            async with bot.sessions.begin() as session:
                claimed = await store.claim_due(
                    session, clock.now, lease=dt.timedelta(seconds=30), limit=1
                )
                await session.execute(
                    update(store.AlertRow)
                    .where(store.AlertRow.id == claimed[0])
                    .values(sent_at=clock.now)
                )
            clock.advance(seconds=31)
            report = await one.send_due()
            assert report.sent == 59 and report.dropped == 1
            async with bot.sessions() as session:
                assert (await store.count_by_status(session))["sent"] == 119
            await telegram.shutdown()
    finally:
        await bot.close()


async def test_one_message_a_second_to_one_chat(tmp_path: Path) -> None:
    """With a higher daily cap, two alerts due together reach one chat a second apart."""
    bot = await create_bot(create_settings(tmp_path))
    try:
        async with bot_api_standin(TOKEN) as standin:
            telegram = build_telegram_bot(TOKEN, standin.base_url)
            await telegram.initialize()
            await _subscribe(bot, [7])
            clock = Clock(uk(2026, 12, 1, 12))
            for title in ("One", "Two", "Three"):
                await _queue(bot, await add_opportunity(bot.sessions, EVERYONE, title), clock.now)
            sender = _sender(bot, telegram, clock, daily_cap=2)
            report = await sender.send_due()
            assert (report.sent, report.held) == (2, 1)  # the third waits for tomorrow
            first, second = standin.sent_at
            assert second - first >= 0.95
            await telegram.shutdown()
    finally:
        await bot.close()


async def test_two_background_loops_send_each_once(database_url: str, tmp_path: Path) -> None:
    """The loops `serve` runs in each worker (on PostgreSQL one holds the sending lock)."""
    bot = await create_bot(create_settings(tmp_path, database_url=database_url))
    try:
        async with bot_api_standin(TOKEN) as standin:
            telegram = build_telegram_bot(TOKEN, standin.base_url)
            await telegram.initialize()
            await _subscribe(bot, list(range(1, 21)))
            clock = Clock(uk(2026, 12, 1, 12))
            await _queue(bot, await add_opportunity(bot.sessions, EVERYONE), clock.now)
            loops = [
                asyncio.create_task(_sender(bot, telegram, clock).run(interval=0.05))
                for _ in range(2)
            ]
            try:
                for _ in range(200):
                    if len(standin.sent_at) >= 20:
                        break
                    await asyncio.sleep(0.05)
                await asyncio.sleep(0.3)
            finally:
                for loop in loops:
                    loop.cancel()
                await asyncio.gather(*loops, return_exceptions=True)
            got = Counter(m.chat_id for m in standin.calls if m.method == "sendMessage")
            assert got == Counter(range(1, 21))
            await telegram.shutdown()
    finally:
        await bot.close()
