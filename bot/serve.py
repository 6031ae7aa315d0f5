"""`getinvolved serve`: the web server, with a daily clean-up of old data."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from typing import Any

from aiohttp import web

from bot.app import GetInvolved
from bot.engine.state import utcnow
from bot.store import conversations, outbox, telegram
from bot.store.db import scrub_deleted
from bot.web.app import create_web_app

logger = logging.getLogger(__name__)
DAY = 24 * 60 * 60
KEEP_TELEGRAM_UPDATE_IDS = dt.timedelta(days=2)  # Telegram stops resending after a day
KEEP_SENT_EMAILS = dt.timedelta(days=30)  # a record of what went out (no address, no text)
WATCH_SECONDS = 0.5  # how often `serve --workers N` looks for a worker that has died
STARTUP_SECONDS = 10.0  # a worker that dies sooner than this after starting "failed to start"
MAX_FAILED_STARTS = 5  # ... and after this many in a row, the server stops


async def clean_up(bot: GetInvolved) -> tuple[int, int]:
    """Purge feedback past RETENTION_DAYS, conversations past their expiry, and Telegram
    update ids too old to come again."""
    purged = await bot.feedback.purge(bot.settings.retention_days)
    async with bot.sessions.begin() as session:
        expired = await conversations.delete_expired_conversations(session, expiry=bot.expiry)
        await telegram.forget_updates_before(session, utcnow() - KEEP_TELEGRAM_UPDATE_IDS)
        await outbox.forget_sent_before(session, utcnow() - KEEP_SENT_EMAILS)
    await scrub_deleted(bot.database)
    logger.info("clean-up: %s feedback purged, %s conversations expired", purged, expired)
    return purged, expired


async def _daily(bot: GetInvolved) -> None:
    while True:
        try:
            await clean_up(bot)
        except Exception:  # keep the server up; try again tomorrow
            logger.exception("daily clean-up failed")
        await asyncio.sleep(DAY)


async def _alerts_telegram(bot: GetInvolved) -> Any:
    """A Bot API client for alerts (with PTB's rate limiter) when a token is set."""
    if not bot.settings.telegram_bot_token:
        return None
    from bot.alerts.sender import build_telegram_bot

    telegram = build_telegram_bot(
        bot.settings.telegram_bot_token, bot.settings.telegram_api_base_url
    )
    try:
        await telegram.initialize()
    except Exception:  # Telegram unreachable now: email alerts still go
        logger.exception("alerts: Telegram not reachable; Telegram alerts wait")
        return None
    return telegram


def create_server_app(bot: GetInvolved) -> web.Application:
    app = create_web_app(bot, secure_cookies=bot.settings.secure_cookies)
    telegram_key: Any = None
    if bot.settings.telegram_bot_token and bot.settings.telegram_webhook_url:
        from bot.channels.telegram import TELEGRAM, setup_webhook

        setup_webhook(app, bot)
        telegram_key = TELEGRAM

    async def background(app: web.Application) -> AsyncIterator[None]:
        tasks = [asyncio.create_task(_daily(bot))]
        # opportunities staff publish in another worker reach this one's chat within a minute
        tasks.append(asyncio.create_task(bot.engine.opportunities.run(bot.sessions)))
        if bot.mailer is not None:  # email from the outbox; each worker may send, each once
            tasks.append(asyncio.create_task(bot.mailer.run()))
        # opt-in alerts: on the webhook's own bot (one rate limiter for replies and alerts),
        # else a bot of their own; with several workers one sends at a time (bot/alerts/sender.py)
        webhook = app.get(telegram_key) if telegram_key is not None else None
        own = None if webhook is not None else await _alerts_telegram(bot)
        sender = bot.alert_sender(webhook.application.bot if webhook is not None else own)
        tasks.append(asyncio.create_task(sender.run(bot.settings.alerts_interval_seconds)))
        yield
        for task in tasks:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if own is not None:
            await own.shutdown()

    app.cleanup_ctx.append(background)
    return app


async def run_server(bot: GetInvolved, *, reuse_port: bool = False) -> int:
    app = create_server_app(bot)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, bot.settings.host, bot.settings.port, reuse_port=reuse_port)
    await site.start()
    logger.info("serving", extra={"port": bot.settings.port})
    print(
        f"Get Involved is serving on http://{bot.settings.host}:{bot.settings.port}/ "
        f"(staff pages at /staff/). Press Ctrl+C to stop.",
        flush=True,
    )
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    try:
        await stop.wait()
    finally:
        await runner.cleanup()
    return 0


def run_workers(workers: int, argv: list[str]) -> int:
    """`serve --workers N`: N processes sharing one port (SO_REUSEPORT); the kernel spreads
    connections between them. The database is migrated once, before they start. A worker
    that dies is logged and replaced; one that keeps dying as it starts stops the lot."""
    command = [sys.executable, "-m", "bot", *argv, "--workers", "1", "--reuse-port"]
    children: dict[int, tuple[subprocess.Popen[bytes], float]] = {}
    stopping = False

    def start(slot: int) -> None:
        child = subprocess.Popen(command)
        children[slot] = (child, time.monotonic())
        logger.info("worker started", extra={"worker": slot, "pid": child.pid})

    def stop(signum: int = signal.SIGTERM, frame: object = None) -> None:
        nonlocal stopping
        stopping = True
        for child, _ in children.values():
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for slot in range(workers):
        start(slot)
    failed_at_start = 0
    while not stopping:
        time.sleep(WATCH_SECONDS)
        for slot, (child, started) in list(children.items()):
            code = child.poll()
            if code is None or stopping:
                continue
            quick = time.monotonic() - started < STARTUP_SECONDS
            failed_at_start = failed_at_start + 1 if quick else 0
            logger.warning(
                "worker stopped; starting another",
                extra={"worker": slot, "pid": child.pid, "exit_code": code},
            )
            if failed_at_start > MAX_FAILED_STARTS:
                logger.error("workers keep stopping as they start; giving up")
                stop()
                break
            start(slot)
    codes = [child.wait() for child, _ in children.values()]
    # A worker stopped by our own SIGTERM before it could set its handler stopped cleanly too.
    codes = [0 if code == -signal.SIGTERM else abs(code) for code in codes]
    return max([*codes, 1 if failed_at_start > MAX_FAILED_STARTS else 0])


__all__ = ["clean_up", "create_server_app", "run_server"]
