"""The durable alert sender: claims due alerts from the database and delivers each once.

One round (``send_due``) claims a batch (a lease, as the email outbox does), then for each:

1. *the gate*, in one transaction with the subscription locked: a stopped or deleted person
   gets nothing (dropped); in quiet hours, or past the daily cap, the alert is held (queued
   again with ``not_before`` at the next allowed time, never dropped); a thing no longer open
   is dropped; otherwise the alert is let go (``sent_at`` set). An email alert is put in the
   email outbox in this same transaction, so it is queued exactly once.
2. *delivery* on Telegram through python-telegram-bot with its AIORateLimiter (about 30
   messages a second in all): a 429 is queued again after its ``retry_after``; a 403 (the
   person blocked the bot) stops the subscription, erases the address and is never retried;
   other errors are tried again later, then "failed".

Exactly once: the UNIQUE (subscription, kind, ref_id) row, a lease per claim, and the gate.
A worker that dies after claiming leaves the lease to run out and another worker sends it.
A worker that dies after the gate and before marking it sent may or may not have sent it:
that alert is not sent again ("dropped"), because a second message is worse than none.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import warnings
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.alerts.render import RENDERERS
from bot.alerts.timing import Timing
from bot.engine.replies import Reply
from bot.engine.state import utcnow
from bot.keys import Keys
from bot.store import alerts as store
from bot.store.outbox import queue_email

logger = logging.getLogger(__name__)
OVERALL_PER_SECOND = 30  # Telegram: about 30 messages a second for one bot
PER_CHAT_SECONDS = 1.0  # ... and one a second to one chat
ADVISORY_LOCK = 0x616C657274  # "alert": the PostgreSQL lock held by the one sending worker
# the limiter lets this many go at once, then one every 1/30 s: at most 33 in any second
BURST = 3


@dataclass
class SendReport:
    sent: int = 0
    held: int = 0
    retrying: int = 0
    dropped: int = 0
    failed: int = 0
    blocked: int = 0

    def add(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


def build_telegram_bot(token: str, base_url: str | None = None, *, max_retries: int = 0) -> Any:
    """A python-telegram-bot ``ExtBot`` with the library's AIORateLimiter (30 a second in all,
    20 a minute per group). ``max_retries=0``: a 429 comes back to us as RetryAfter, and the
    alert waits in the database instead of in memory."""
    from telegram.ext import AIORateLimiter, ExtBot
    from telegram.request import HTTPXRequest

    kwargs: dict[str, Any] = {}
    if base_url:
        base = base_url.rstrip("/")
        kwargs = {"base_url": f"{base}/bot", "base_file_url": f"{base}/file/bot"}
    # 3 per 1/10 s rather than 30 per second: the same rate without PTB's default burst
    # (30 at once, so up to 60 in the first second; Telegram counts about 30 a second)
    limiter = AIORateLimiter(
        overall_max_rate=BURST,
        overall_time_period=BURST / OVERALL_PER_SECOND,
        max_retries=max_retries,
    )
    request = HTTPXRequest(connection_pool_size=8)  # the sender sends a few at once
    return ExtBot(token, rate_limiter=limiter, request=request, **kwargs)


class AlertSender:
    def __init__(
        self,
        *,
        sessions: async_sessionmaker[AsyncSession],
        keys: Keys,
        timing: Timing,
        telegram: Any = None,  # a python-telegram-bot Bot (initialised); None: Telegram off
        clock: Callable[[], dt.datetime] = utcnow,
        lease: dt.timedelta = dt.timedelta(minutes=5),
        max_attempts: int = 8,
        email_on: bool = False,
        on_email_queued: Callable[[], None] | None = None,
        concurrency: int = 4,
    ):
        self.sessions = sessions
        self.keys = keys
        self.timing = timing
        self.telegram = telegram
        self.clock = clock
        self.lease = lease
        self.max_attempts = max_attempts
        self.email_on = email_on
        self.on_email_queued = on_email_queued
        self.concurrency = max(1, concurrency)
        self._wake = asyncio.Event()
        self._last_to: dict[int, float] = {}  # chat -> when this process last sent to it

    def wake(self) -> None:
        """Something was queued in this process: send soon instead of at the next round."""
        self._wake.set()

    async def send_due(self, *, batch: int = 50) -> SendReport:
        report = SendReport()
        while True:
            async with self.sessions.begin() as session:
                claimed = await store.claim_due(
                    session, self.clock(), lease=self.lease, limit=batch
                )
            # a few at once, so the rate limiter, not one alert's round trip, sets the pace
            waiting = list(claimed)
            workers = min(self.concurrency, len(claimed))
            await asyncio.gather(*(self._work(waiting, report) for _ in range(workers)))
            if not claimed:  # not "fewer than batch": another worker may have won some
                return report

    @contextlib.asynccontextmanager
    async def _one_sender(self) -> AsyncIterator[bool]:
        """True when this process may send now: always on SQLite (one process), and on
        PostgreSQL while it holds a session advisory lock."""
        async with self.sessions() as session:
            if session.bind is None or session.bind.dialect.name != "postgresql":
                yield True
                return
            got = bool(await session.scalar(select(func.pg_try_advisory_lock(ADVISORY_LOCK))))
            try:
                yield got
            finally:
                if got:
                    await session.scalar(select(func.pg_advisory_unlock(ADVISORY_LOCK)))

    async def _work(self, waiting: list[int], report: SendReport) -> None:
        while waiting:
            report.add(await self.send_one(waiting.pop(0)))

    async def run(self, interval: float = 30.0) -> None:
        """The background loop inside `serve` and `getinvolved telegram`. On PostgreSQL
        (several workers) one process at a time sends, so the ~30 a second is for them all;
        every worker could send each alert once anyway."""
        while True:
            self._wake.clear()
            try:
                async with self._one_sender() as mine:
                    if mine:
                        await self.send_due()
            except Exception:  # the database went away for a moment: try again soon
                logger.exception("sending alerts failed; trying again soon")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), interval)

    # ---- one alert ---------------------------------------------------------------------------
    async def send_one(self, alert_id: int) -> str:
        now = self.clock()
        async with self.sessions.begin() as session:
            gate = await self._gate(session, alert_id, now)
        if isinstance(gate, str):
            if gate == "sent" and self.on_email_queued is not None:
                self.on_email_queued()
            return gate
        chat_id, reply = gate
        return await self._deliver(alert_id, chat_id, reply)

    async def _gate(
        self, session: AsyncSession, alert_id: int, now: dt.datetime
    ) -> str | tuple[int, Reply]:
        await store.write_first(session, alert_id)
        alert = await session.get(store.AlertRow, alert_id, populate_existing=True)
        if alert is None or alert.status != "sending":
            return "dropped"  # deleted with its subscription meanwhile
        if alert.sent_at is not None:  # a worker died after letting it go: never twice
            alert.status, alert.claimed_until = "dropped", None
            return "dropped"
        subscription = await store.lock_subscription(session, alert.subscription_id)
        if subscription is None or subscription.status != "active":
            alert.status, alert.claimed_until = "dropped", None
            return "dropped"
        if self.timing.is_quiet(now):
            return self._hold(alert, self.timing.quiet_ends(now))
        day_start = self.timing.day_start(now)
        taken = await store.count_taken_since(session, subscription.id, day_start, alert.id)
        if taken >= self.timing.daily_cap:
            return self._hold(alert, self.timing.next_day(now))
        renderer = RENDERERS.get(alert.kind)
        reply = await renderer(session, alert.ref_id, subscription) if renderer else None
        if reply is None or subscription.address_encrypted is None:
            alert.status, alert.claimed_until = "dropped", None
            return "dropped"
        alert.sent_at = now
        subscription.last_alert_at = now
        if subscription.channel == "email":
            if not self.email_on:  # no SMTP_URL now: wait for it
                alert.sent_at = None
                return self._hold(alert, now + dt.timedelta(hours=1))
            await queue_email(
                session,
                kind="alert",
                dedupe_key=f"alert:{alert.id}",
                team_id="alerts",
                alert_id=alert.id,
                now=now,
            )
            alert.status, alert.claimed_until = "sent", None
            return "sent"
        if self.telegram is None:
            alert.sent_at = None
            return self._hold(alert, now + dt.timedelta(hours=1))
        return int(self.keys.decrypt(subscription.address_encrypted)), reply

    @staticmethod
    def _hold(alert: store.AlertRow, until: dt.datetime) -> str:
        alert.status, alert.not_before, alert.claimed_until = "queued", until, None
        alert.attempts = max(0, alert.attempts - 1)  # waiting is not a failed try
        return "held"

    async def _deliver(self, alert_id: int, chat_id: int, reply: Reply) -> str:
        from telegram.error import Forbidden, RetryAfter, TelegramError

        from bot.channels.telegram import keyboard, message_text, split_text

        await self._space_out(chat_id)
        try:
            text, parse_mode = message_text(reply)
            pieces = split_text(text)
            for number, piece in enumerate(pieces, start=1):
                markup = keyboard(reply) if number == len(pieces) else None
                await self.telegram.send_message(
                    chat_id, piece, reply_markup=markup, parse_mode=parse_mode
                )
        except RetryAfter as error:
            with warnings.catch_warnings():  # PTB 22 warns that it becomes a timedelta
                warnings.simplefilter("ignore")
                wait = error.retry_after
            seconds = wait.total_seconds() if isinstance(wait, dt.timedelta) else float(wait)
            return await self._again(alert_id, dt.timedelta(seconds=seconds), "retrying")
        except Forbidden:
            async with self.sessions.begin() as session:
                await store.write_first(session, alert_id)
                alert = await session.get(store.AlertRow, alert_id)
                if alert is not None:
                    alert.status, alert.claimed_until = "failed", None
                    await store.mark_blocked(session, alert.subscription_id)
            await store.scrub(self.sessions)  # the erased chat id leaves no copy
            logger.info("alert: the person blocked the bot; subscription stopped")
            return "blocked"
        except (TelegramError, OSError) as error:
            logger.warning(
                "alert not sent", extra={"alert_id": alert_id, "error": type(error).__name__}
            )
            return await self._again(alert_id, None, "retrying")
        async with self.sessions.begin() as session:
            await session.execute(
                update(store.AlertRow)
                .where(store.AlertRow.id == alert_id)
                .values(status="sent", claimed_until=None)
            )
        return "sent"

    async def _space_out(self, chat_id: int) -> None:
        """At most one message a second to one chat (from this process)."""
        now = asyncio.get_running_loop().time()
        if len(self._last_to) > 10_000:  # forget chats not written to in the last second
            self._last_to = {c: t for c, t in self._last_to.items() if t > now - PER_CHAT_SECONDS}
        last = self._last_to.get(chat_id)
        at = now if last is None else max(now, last + PER_CHAT_SECONDS)
        self._last_to[chat_id] = at  # taken before waiting: a second task waits after it
        if at > now:
            await asyncio.sleep(at - now)

    async def _again(self, alert_id: int, wait: dt.timedelta | None, outcome: str) -> str:
        """Queue it again (after ``wait``, or a growing back-off), letting go of today's
        allowance; after ``max_attempts`` it is "failed"."""
        now = self.clock()
        async with self.sessions.begin() as session:
            await store.write_first(session, alert_id)
            alert = await session.get(store.AlertRow, alert_id)
            if alert is None:
                return "dropped"
            alert.sent_at, alert.claimed_until = None, None
            if wait is None and alert.attempts >= self.max_attempts:
                alert.status = "failed"
                return "failed"
            if wait is None:
                wait = dt.timedelta(minutes=2 ** max(0, alert.attempts - 1))
            else:
                alert.attempts = max(0, alert.attempts - 1)  # Telegram asked us to wait
            alert.status, alert.not_before = "queued", now + wait
        return outcome


async def send_due_once(bot: Any) -> int:
    """`getinvolved alerts send-due`: one round of everything due (for cron)."""
    telegram = None
    if bot.settings.telegram_bot_token:
        telegram = build_telegram_bot(
            bot.settings.telegram_bot_token, bot.settings.telegram_api_base_url
        )
        await telegram.initialize()
    try:
        report = await bot.alert_sender(telegram).send_due()
        if bot.mailer is not None:
            await bot.mailer.send_due()
    finally:
        if telegram is not None:
            await telegram.shutdown()
    print(
        f"Alerts: {report.sent} sent, {report.held} held for later, {report.retrying} to try "
        f"again, {report.dropped} dropped, {report.blocked} blocked, {report.failed} failed."
    )
    return 0
