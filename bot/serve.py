"""`getinvolved serve`: the web server, with a daily clean-up of old data."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import signal
import subprocess
import sys
from collections.abc import AsyncIterator

from aiohttp import web

from bot.app import GetInvolved
from bot.engine.state import utcnow
from bot.store import conversations, telegram
from bot.web.app import create_web_app

logger = logging.getLogger(__name__)
DAY = 24 * 60 * 60
KEEP_TELEGRAM_UPDATE_IDS = dt.timedelta(days=2)  # Telegram stops resending after a day


async def clean_up(bot: GetInvolved) -> tuple[int, int]:
    """Purge feedback past RETENTION_DAYS, conversations past their expiry, and Telegram
    update ids too old to come again."""
    purged = await bot.feedback.purge(bot.settings.retention_days)
    async with bot.sessions.begin() as session:
        expired = await conversations.delete_expired_conversations(session, expiry=bot.expiry)
        await telegram.forget_updates_before(session, utcnow() - KEEP_TELEGRAM_UPDATE_IDS)
    logger.info("clean-up: %s feedback purged, %s conversations expired", purged, expired)
    return purged, expired


async def _daily(bot: GetInvolved) -> None:
    while True:
        try:
            await clean_up(bot)
        except Exception:  # keep the server up; try again tomorrow
            logger.exception("daily clean-up failed")
        await asyncio.sleep(DAY)


def create_server_app(bot: GetInvolved) -> web.Application:
    app = create_web_app(bot, secure_cookies=bot.settings.secure_cookies)
    if bot.settings.telegram_bot_token and bot.settings.telegram_webhook_url:
        from bot.channels.telegram import setup_webhook

        setup_webhook(app, bot)

    async def background(app: web.Application) -> AsyncIterator[None]:
        task = asyncio.create_task(_daily(bot))
        yield
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task

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
    connections between them. The database is migrated once, before they start."""
    children = [
        subprocess.Popen([sys.executable, "-m", "bot", *argv, "--workers", "1", "--reuse-port"])
        for _ in range(workers)
    ]

    def stop(signum: int, frame: object) -> None:
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    codes = [child.wait() for child in children]
    return max(codes, default=0)


__all__ = ["clean_up", "create_server_app", "run_server"]
