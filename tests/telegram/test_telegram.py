"""The real python-telegram-bot Application against the Bot API stand-in on loopback:
whole conversations by polling and by webhook, buttons, commands, a restart of the process,
the webhook's secret token, repeated updates, splitting, rate limits and staff answers."""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import secrets
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from aiohttp import web

from bot.app import GetInvolved, create_bot
from bot.channels.telegram import build_application, run_polling, split_text
from bot.engine.replies import Link, Reply
from bot.serve import create_server_app
from tests.conftest import create_settings
from tests.telegram.standin import BotApiStandIn, bot_api_standin

CHAT = 5550001


def new_token() -> str:
    return f"{secrets.randbelow(10**9)}:{secrets.token_urlsafe(24)}"


@asynccontextmanager
async def polling_bot(
    tmp_path: Path, standin: BotApiStandIn, **overrides: object
) -> AsyncIterator[GetInvolved]:
    bot = await create_bot(
        create_settings(
            tmp_path,
            telegram_bot_token=standin.token,
            telegram_api_base_url=standin.base_url,
            **overrides,
        )
    )
    stop = asyncio.Event()
    task = asyncio.create_task(run_polling(bot, stop))
    try:
        yield bot
    finally:
        stop.set()
        await asyncio.wait_for(task, 30)
        await bot.close()


async def test_a_whole_conversation_by_polling(tmp_path: Path) -> None:
    async with bot_api_standin(new_token()) as api, polling_bot(tmp_path, api):
        await api.queue(api.message_update(CHAT, "/start"))
        question = await api.wait_for(CHAT, "Who are you?")
        assert ("A parent or carer", '/inform{"role": "parent_carer"}') in question.buttons
        await api.queue(api.button_update(CHAT, '/inform{"role": "parent_carer"}'))
        question = await api.wait_for(CHAT, "How old are you? I mean you, not your child.")
        assert ("Over 25", '/inform{"age_band": "over_25"}') in question.buttons
        await api.queue(api.button_update(CHAT, '/inform{"age_band": "over_25"}'))
        await api.wait_for(CHAT, "Where do you live?")
        assert any(c.method == "answerCallbackQuery" for c in api.calls)
        assert any(c.method == "editMessageReplyMarkup" for c in api.calls)
        await api.queue(api.message_update(CHAT, "seaforde"))
        await api.wait_for(CHAT, "You live in Seaford, in East Sussex.")
        await api.queue(api.message_update(CHAT, "his EHCP"))
        await api.wait_for(CHAT, "East Sussex Parent Carer Forum")
        await api.queue(api.message_update(CHAT, "/help"))
        await api.wait_for(CHAT, "I ask a few short questions")
        await api.queue(api.message_update(CHAT, "/forget"))
        await api.wait_for(CHAT, "I have deleted this chat")
        assert any(
            c.method == "sendChatAction" and c.params["action"] == "typing" for c in api.calls
        )


async def test_state_survives_a_restart_of_the_process(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'tg.db'}",
        "SECRET_KEY": "restart-secret-" + "z" * 40,
    }
    async with bot_api_standin(new_token()) as api:
        env |= {"TELEGRAM_BOT_TOKEN": api.token, "TELEGRAM_API_BASE_URL": api.base_url}

        async def start() -> asyncio.subprocess.Process:
            return await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "telegram",
                env=env,
                cwd=tmp_path,
                stdout=asyncio.subprocess.DEVNULL,
                stderr=asyncio.subprocess.DEVNULL,
            )

        first = await start()
        await api.queue(api.message_update(CHAT, "I'm a dad in Crawley"))
        await api.wait_for(CHAT, "You live in Crawley, in West Sussex.")
        await api.wait_for(CHAT, "How old are you? I mean you, not your child.")
        first.terminate()
        assert await asyncio.wait_for(first.wait(), 30) == 0
        second = await start()
        try:
            await api.queue(api.message_update(CHAT, "rather not say"))
            await api.wait_for(CHAT, "That is fine.")
            await api.queue(api.message_update(CHAT, "meeting other parents"))
            await api.wait_for(CHAT, "West Sussex Parent Carer Forum")
        finally:
            second.terminate()
            await asyncio.wait_for(second.wait(), 30)


async def test_webhook_checks_the_secret_and_handles_each_update_once(tmp_path: Path) -> None:
    secret = secrets.token_urlsafe(24)
    async with bot_api_standin(new_token()) as api:
        bot = await create_bot(
            create_settings(
                tmp_path,
                telegram_bot_token=api.token,
                telegram_api_base_url=api.base_url,
                telegram_webhook_secret=secret,
                telegram_webhook_url="http://127.0.0.1:1/telegram/webhook",
            )
        )
        async with _webhook_server(bot, api) as url:
            hello = api.message_update(CHAT, "hello")
            assert await api.post_to_webhook(hello, secret="wrong") == 403
            assert await api.post_to_webhook(hello, secret=None) == 403
            assert api.messages_to(CHAT) == [], "nothing processed without the secret"
            assert await api.post_to_webhook(hello, secret) == 200
            await api.wait_for(CHAT, "Who are you?")
            count = len(api.messages_to(CHAT))
            assert await api.post_to_webhook(hello, secret) == 200  # Telegram retries
            await asyncio.sleep(0.2)
            assert len(api.messages_to(CHAT)) == count, "a repeated update is processed once"
            await api.post_to_webhook(api.message_update(CHAT, "I'm 15 in Worthing"), secret)
            await api.wait_for(CHAT, "You live in Worthing, in West Sussex.")
            assert url.endswith("/telegram/webhook")

            # Malformed updates: a clear 400, never a 500, and nothing sent anywhere.
            to_channel = api.message_update(CHAT, "hello")
            to_channel["message"]["chat"]["id"] = "@somechannel"
            odd_id = api.message_update(CHAT, "hello")
            odd_id["update_id"] = "one"
            malformed = [
                b"not json",
                b"[]",
                b'{"update_id": 5, "message": "text"}',
                b'{"update_id": 6, "message": {"chat": ' + b"[" * 3000 + b"]" * 3000 + b"}}",
                b'{"update_id": 1' + b"0" * 400 + b"}",
                json.dumps(to_channel).encode(),
                json.dumps(odd_id).encode(),
            ]
            before = len(api.calls)
            for body in malformed:
                assert await api.post_raw_to_webhook(body, secret) == 400, body[:60]
            await asyncio.sleep(0.2)
            assert [c for c in api.calls[before:] if c.method == "sendMessage"] == []
            # Null bytes and lone surrogates are cleaned, not fatal.
            odd_text = api.message_update(CHAT, "placeholder")
            raw = json.dumps(odd_text).replace("placeholder", "we moved to Le\\u0000wes \\ud800")
            assert await api.post_raw_to_webhook(raw.encode(), secret) == 200
            await api.wait_for(CHAT, "You live in Lewes, in East Sussex.")
            sent_to = [c.params.get("chat_id") for c in api.calls if "chat_id" in c.params]
            assert all(str(chat).lstrip("-").isdigit() for chat in sent_to)
        await bot.close()


@asynccontextmanager
async def _webhook_server(bot: GetInvolved, api: BotApiStandIn) -> AsyncIterator[str]:
    """serve's app on a free port; the webhook URL points at that port before start-up, so
    the bot registers it with setWebhook as it would in production."""
    with contextlib.closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    bot.settings.telegram_webhook_url = f"http://127.0.0.1:{port}/telegram/webhook"
    runner = web.AppRunner(create_server_app(bot), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        assert api.webhook_url == bot.settings.telegram_webhook_url
        assert api.webhook_secret == bot.settings.telegram_webhook_secret
        yield bot.settings.telegram_webhook_url
    finally:
        await runner.cleanup()


async def test_fast_senders_are_slowed_down(tmp_path: Path) -> None:
    async with (
        bot_api_standin(new_token()) as api,
        polling_bot(tmp_path, api, rate_limit_burst=3, rate_limit_per_second=0.1),
    ):
        for number in range(6):
            await api.queue(api.message_update(CHAT, f"hello {number}"))
        await api.wait_for(CHAT, "You are sending messages very fast")


async def test_staff_answers_reach_telegram(tmp_path: Path) -> None:
    from tests.web.staff_helpers import create_staff

    async with bot_api_standin(new_token()) as api, polling_bot(tmp_path, api) as bot:
        for text in ("I'm a mum in Lewes", "/feedback", "Please open the library on Saturdays"):
            await api.queue(api.message_update(CHAT, text))
            await asyncio.sleep(0.3)
        await api.queue(api.button_update(CHAT, '/consent{"level": "contact"}'))
        await api.wait_for(CHAT, "You can also give an email")
        await api.queue(api.button_update(CHAT, "/skip"))
        await api.wait_for(CHAT, "When they answer, you will see it in this chat.")
        await create_staff(bot, "forum@espcf.example", "espcf")
        from tests.web.staff_helpers import csrf, sign_in, web_client

        async with web_client(bot) as client:
            await sign_in(client, "forum@espcf.example")
            page = await (await client.get("/staff/")).text()
            feedback_id = int(page.split('href="/staff/feedback/')[1].split('"')[0])
            token = await csrf(client, f"/staff/feedback/{feedback_id}")
            await client.post(
                f"/staff/feedback/{feedback_id}/respond",
                data={"response": "Good news: we will try Saturdays. " * 130, "csrf_token": token},
            )
        await api.wait_for(CHAT, "You have an answer to your feedback from the East Sussex")
        for _ in range(50):
            pieces = [m for m in api.messages_to(CHAT) if "Good news" in m.text]
            if len(pieces) >= 2:
                break
            await asyncio.sleep(0.1)
        assert len(pieces) == 2 and all(len(m.text) <= 4096 for m in pieces)


def test_long_text_is_split_at_spaces() -> None:
    text = "word " * 2000
    pieces = split_text(text.strip(), limit=4096)
    assert len(pieces) == 3 and all(len(p) <= 4096 for p in pieces)
    assert " ".join(pieces).split() == text.split()


async def test_a_route_card_has_a_bold_title_and_its_email_in_the_text(tmp_path: Path) -> None:
    async with bot_api_standin(new_token()) as api, polling_bot(tmp_path, api):
        await api.queue(api.message_update(CHAT, "I'm a mum in Lewes"))
        await api.wait_for(CHAT, "How old are you? I mean you, not your child.")
        await api.queue(api.message_update(CHAT, "39"))
        await api.wait_for(CHAT, "What do you want a say about?")
        await api.queue(api.message_update(CHAT, "health"))
        card = await api.wait_for(CHAT, "<b>East Sussex Parent Carer Forum</b>")
        assert card.params["parse_mode"] == "HTML"
        assert "Email the forum: info@espcf.org.uk" in card.text  # Telegram links it itself
        assert card.url_buttons == [], "mailto: is not allowed on a Telegram button"
        await api.queue(api.button_update(CHAT, "/more"))
        question = await api.wait_for(CHAT, "Which one would you like to know more about?")
        assert ("East Sussex Parent Carer Forum", '/more{"route": "espcf"}') in question.buttons
        await api.queue(api.message_update(CHAT, "i want to end my life"))
        crisis = await api.wait_for(CHAT, "call 999")
        assert "parse_mode" not in crisis.params and "Call 999:" not in crisis.text


async def test_web_links_become_url_buttons(tmp_path: Path) -> None:
    async with bot_api_standin(new_token()) as api:
        bot = await create_bot(
            create_settings(
                tmp_path, telegram_bot_token=api.token, telegram_api_base_url=api.base_url
            )
        )
        application, channel = build_application(bot, with_updater=False)
        card = Reply(
            "A group for parents & carers <in> Sussex.",
            links=(
                Link("Visit the forum", "https://www.example.org/forum"),
                Link("Call the forum", "tel:01234567890"),
            ),
            title="A <forum>",
        )
        async with application:
            await channel.send(CHAT, [card])
        await bot.close()
        sent = await api.wait_for(CHAT, "<b>A &lt;forum&gt;</b>")
        assert sent.text == (
            "<b>A &lt;forum&gt;</b>\nA group for parents &amp; carers &lt;in&gt; Sussex.\n"
            "Call the forum: 01234567890"
        )
        assert sent.url_buttons == [("Visit the forum", "https://www.example.org/forum")]
        assert sent.params["parse_mode"] == "HTML"
