"""Telegram, with python-telegram-bot: long polling (`getinvolved telegram`) or a webhook inside
`getinvolved serve`. An adapter only: every word comes from the engine.

- Buttons are inline keyboards; a press is answered and its keyboard removed.
- A route card is sent with its title in bold; its https links are inline URL buttons. Telegram
  allows only http(s) and tg URLs on buttons, so an email or phone link goes in the text
  ("Email the forum: info@espcf.org.uk"), where Telegram makes it tappable itself.
- /start, /help, /restart, /forget (and /back, /skip, /more) work like the typed commands.
- A typing indicator shows while the bot thinks; long messages are split under Telegram's limit.
- python-telegram-bot's rate limiter keeps within Telegram's limits; each sender is limited too.
- A repeated update id is processed once (recorded in the database, so across restarts too).
- Conversation state lives in the database, so a restart loses nothing.
- Staff answers for people who agreed to be contacted are sent to their chat.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import html
import logging
import signal
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit

from aiohttp import web
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatAction, MessageLimit, ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.app import GetInvolved
from bot.cleaning import parse_json_body
from bot.engine.replies import Reply
from bot.errors import ConfigError
from bot.store.telegram import first_time
from bot.web.ratelimit import RateLimiter

CHANNEL = "telegram"
COMMANDS = ("start", "help", "restart", "forget", "back", "skip", "more", "feedback")
TOO_FAST = "You are sending messages very fast. Please wait a moment."
SORRY = "Sorry, something went wrong on my side. Please try again in a moment."
DELIVERY_INTERVAL = 5.0
logger = logging.getLogger(__name__)


def split_text(text: str, limit: int = MessageLimit.MAX_TEXT_LENGTH) -> list[str]:
    """Pieces of at most ``limit`` characters, broken at paragraphs, lines or spaces."""
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        cut = max(
            rest.rfind("\n\n", 0, limit), rest.rfind("\n", 0, limit), rest.rfind(" ", 0, limit)
        )
        if cut <= 0:
            cut = limit
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest or not pieces:
        pieces.append(rest)
    return pieces


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    """The reply's web links as URL buttons, then its buttons; None when it has neither."""
    rows = [
        [InlineKeyboardButton(link.title, url=link.url)]
        for link in reply.links
        if link.scheme == "https"
    ]
    rows += [
        [InlineKeyboardButton(button.title, callback_data=button.payload)]
        for button in reply.buttons
    ]
    return InlineKeyboardMarkup(rows) if rows else None


def message_text(reply: Reply) -> tuple[str, str | None]:
    """The text to send and its parse mode: a card's title in bold (HTML), and any email or
    phone link the text does not already give, on a line of its own."""
    lines = [reply.text] if reply.text else []
    lines += [
        f"{link.title}: {link.address}"
        for link in reply.links
        if link.scheme != "https" and not link.written_in(reply.text)
    ]
    if not reply.title:
        return "\n".join(lines), None
    escaped = "\n".join(html.escape(line, quote=False) for line in lines)
    text = f"<b>{html.escape(reply.title, quote=False)}</b>\n{escaped}".rstrip()
    if len(text) > MessageLimit.MAX_TEXT_LENGTH:  # never split inside a tag
        return "\n".join([reply.title, *lines]), None
    return text, ParseMode.HTML


class TelegramChannel:
    """Turns Telegram updates into messages for the bot, and replies into Telegram messages."""

    def __init__(self, bot: GetInvolved, application: Application):  # type: ignore[type-arg]
        self.bot = bot
        self.application = application
        self.limiter = RateLimiter(
            burst=bot.settings.rate_limit_burst, per_second=bot.settings.rate_limit_per_second
        )
        application.add_handler(TypeHandler(Update, self._once), group=-1)
        application.add_handler(CommandHandler(list(COMMANDS), self._on_command))
        application.add_handler(CallbackQueryHandler(self._on_button))
        application.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, self._on_text))
        application.add_handler(MessageHandler(filters.COMMAND, self._on_text))  # any other
        application.add_handler(MessageHandler(~filters.TEXT & ~filters.COMMAND, self._on_other))
        application.add_error_handler(self._on_error)

    async def _once(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stop here if this update id was handled before."""
        if not await first_time(self.bot.sessions, update.update_id):
            logger.info("repeated update %s ignored", update.update_id)
            raise ApplicationHandlerStop

    async def _on_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None or message.text is None or update.effective_chat is None:
            return
        await self._converse(update.effective_chat.id, message.text)

    async def _on_other(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Photos, stickers, voice notes: the bot reads words only; say so kindly."""
        if update.effective_chat is not None:
            await self._converse(update.effective_chat.id, "")

    async def _on_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None or message.text is None or update.effective_chat is None:
            return
        command = message.text.split()[0].split("@")[0]
        await self._converse(update.effective_chat.id, command)

    async def _on_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is None or update.effective_chat is None:
            return
        await query.answer()
        if query.message is not None:
            with contextlib.suppress(TelegramError):
                await query.edit_message_reply_markup(reply_markup=None)
        await self._converse(update.effective_chat.id, str(query.data or ""))

    async def _converse(self, chat_id: int, text: str) -> None:
        if not _is_id(chat_id):
            return  # never send to a chat id that is not a number
        sender = str(chat_id)
        if self.limiter.allow(sender):
            await self.application.bot.send_message(chat_id, TOO_FAST)
            return
        await self.application.bot.send_chat_action(chat_id, ChatAction.TYPING)
        result = await self.bot.converse(CHANNEL, sender, text)
        await self.send(chat_id, result.replies)

    async def send(self, chat_id: int, replies: list[Reply]) -> None:
        """Send replies in order; buttons go on the last piece of their message."""
        for reply in replies:
            text, parse_mode = message_text(reply)
            pieces = split_text(text) if text else []
            if not pieces and (reply.buttons or reply.links):
                pieces = ["Please choose:"]
            for number, piece in enumerate(pieces, start=1):
                markup = keyboard(reply) if number == len(pieces) else None
                await self.application.bot.send_message(
                    chat_id, piece, reply_markup=markup, parse_mode=parse_mode
                )

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The channel's one error boundary: log it, apologise, never show a traceback."""
        logger.error("Telegram update failed", exc_info=context.error)
        if isinstance(update, Update) and update.effective_chat is not None:
            with contextlib.suppress(TelegramError):
                await self.application.bot.send_message(update.effective_chat.id, SORRY)

    async def deliver_answers(self) -> int:
        """Send staff answers waiting for people who agreed to be contacted on Telegram."""
        sent: list[int] = []
        for answer in await self.bot.feedback.pending_answers(CHANNEL):
            try:
                replies = self.bot.answer_replies(CHANNEL, answer.team, answer.text)
                await self.send(int(answer.sender), replies)
            except (TelegramError, ValueError):
                logger.warning("could not deliver an answer on Telegram", exc_info=True)
                continue
            sent.append(answer.delivery_id)
        await self.bot.feedback.mark_delivered(sent)
        return len(sent)

    async def deliver_forever(self, interval: float = DELIVERY_INTERVAL) -> None:
        while True:
            try:
                await self.deliver_answers()
            except Exception:  # keep delivering; log what went wrong
                logger.exception("delivering answers failed")
            await asyncio.sleep(interval)


def build_application(
    bot: GetInvolved, *, with_updater: bool
) -> tuple[Application, TelegramChannel]:  # type: ignore[type-arg]
    """The python-telegram-bot Application, wired to the bot."""
    settings = bot.settings
    if not settings.telegram_bot_token:
        raise ConfigError("TELEGRAM_BOT_TOKEN is not set: Telegram needs a bot token")
    builder = Application.builder().token(settings.telegram_bot_token)
    builder = builder.rate_limiter(AIORateLimiter(max_retries=2))  # type: ignore[arg-type]
    if settings.telegram_api_base_url:
        base = settings.telegram_api_base_url.rstrip("/")
        builder = builder.base_url(f"{base}/bot").base_file_url(f"{base}/file/bot")
    if not with_updater:
        builder = builder.updater(None)
    application = builder.build()
    return application, TelegramChannel(bot, application)


async def run_polling(bot: GetInvolved, stop: asyncio.Event | None = None) -> int:
    """`getinvolved telegram`: long polling until Ctrl+C (or ``stop``)."""
    application, channel = build_application(bot, with_updater=True)
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    async with application:
        assert application.updater is not None
        await application.bot.delete_webhook()
        await application.start()
        await application.updater.start_polling(
            allowed_updates=["message", "callback_query"], poll_interval=0.0, timeout=10
        )
        delivering = [asyncio.create_task(channel.deliver_forever())]
        alerts = bot.alert_sender(application.bot)  # the same rate limiter as the replies
        delivering.append(asyncio.create_task(alerts.run(bot.settings.alerts_interval_seconds)))
        if bot.mailer is not None:  # email from the outbox (bot/notify/), also without `serve`
            delivering.append(asyncio.create_task(bot.mailer.run()))
        print("Get Involved is polling Telegram. Press Ctrl+C to stop.", flush=True)
        try:
            await stop.wait()
        finally:
            for task in delivering:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await application.updater.stop()
            await application.stop()
    return 0


SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
TELEGRAM = web.AppKey("telegram_channel", TelegramChannel)


async def webhook(request: web.Request) -> web.Response:
    """Telegram posts updates here; a wrong or missing secret token gets 403 and nothing else."""
    channel = request.app[TELEGRAM]
    expected = channel.bot.settings.telegram_webhook_secret or ""
    sent = request.headers.get(SECRET_HEADER, "")
    if not expected or not hmac.compare_digest(sent.encode(), expected.encode()):
        raise web.HTTPForbidden(text="wrong secret token")
    try:
        data = parse_json_body(await request.text())
    except (ValueError, UnicodeDecodeError) as error:
        raise web.HTTPBadRequest(text="not JSON") from error
    if not _looks_like_update(data):
        raise web.HTTPBadRequest(text="not a Telegram update")
    try:
        update = Update.de_json(data, channel.application.bot)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise web.HTTPBadRequest(text="not a Telegram update") from error
    await channel.application.process_update(update)
    return web.Response(text="ok")


def _looks_like_update(data: Any) -> bool:
    """An update has a numeric id; a chat it names has a numeric id too (a made-up update
    must never make the bot write to "@somechannel")."""
    if not isinstance(data, dict) or not _is_id(data.get("update_id")):
        return False
    for field in ("message", "edited_message", "callback_query"):
        part = data.get(field)
        if part is None:
            continue
        if not isinstance(part, dict):
            return False
        message = part.get("message", part) if field == "callback_query" else part
        chat = message.get("chat") if isinstance(message, dict) else None
        if chat is not None and not (isinstance(chat, dict) and _is_id(chat.get("id"))):
            return False
    return True


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**63


def setup_webhook(app: web.Application, bot: GetInvolved) -> None:
    """Serve Telegram's webhook inside `getinvolved serve` (when TELEGRAM_WEBHOOK_URL is set)."""
    settings = bot.settings
    url = settings.telegram_webhook_url
    if not url:
        return
    if not settings.telegram_webhook_secret:
        raise ConfigError("TELEGRAM_WEBHOOK_SECRET is required when TELEGRAM_WEBHOOK_URL is set")
    application, channel = build_application(bot, with_updater=False)
    app[TELEGRAM] = channel
    app.router.add_post(urlsplit(url).path or "/telegram/webhook", webhook)

    async def lifecycle(app: web.Application) -> AsyncIterator[None]:
        await application.initialize()
        await application.start()
        await application.bot.set_webhook(
            url,
            secret_token=settings.telegram_webhook_secret,
            allowed_updates=["message", "callback_query"],
        )
        delivering = asyncio.create_task(channel.deliver_forever())
        yield
        delivering.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await delivering
        await application.stop()
        await application.shutdown()

    app.cleanup_ctx.append(lifecycle)
