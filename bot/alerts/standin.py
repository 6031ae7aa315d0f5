"""A small Bot API stand-in on loopback: the parts of Telegram's Bot API the bot uses.

It records what the bot sends, queues updates for getUpdates (long polling), and can post
updates to a webhook with or without the secret token. Point python-telegram-bot at it with
``base_url``; nothing here is a mock of the library: the real Application talks HTTP to it.

For alerts it also answers as Telegram does when sending goes wrong: 429 Too Many Requests
with ``retry_after`` (``throttle(chat_id, seconds)``: the next message to that chat), and
403 Forbidden for a person who blocked the bot (``blocked``). It is in the package (not only
the tests) so that `getinvolved bench --alerts` can run against it.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

BOT_USER = {
    "id": 424242,
    "is_bot": True,
    "first_name": "Get Involved",
    "username": "getinvolved_test_bot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}


@dataclass
class Sent:
    method: str
    params: dict[str, Any]

    @property
    def chat_id(self) -> int:
        return int(self.params["chat_id"])

    @property
    def text(self) -> str:
        return str(self.params.get("text", ""))

    def _keyboard(self) -> list[dict[str, Any]]:
        markup = self.params.get("reply_markup")
        if isinstance(markup, str):
            markup = json.loads(markup)
        if not markup:
            return []
        return [b for row in markup["inline_keyboard"] for b in row]

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """Buttons that send a payload back (callback data)."""
        return [(b["text"], b["callback_data"]) for b in self._keyboard() if "callback_data" in b]

    @property
    def url_buttons(self) -> list[tuple[str, str]]:
        """Buttons that open a web address."""
        return [(b["text"], b["url"]) for b in self._keyboard() if "url" in b]


@dataclass
class BotApiStandIn:
    token: str
    calls: list[Sent] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    webhook_url: str | None = None
    webhook_secret: str | None = None
    base_url: str = ""
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1000))
    _message_ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _changed: asyncio.Condition = field(default_factory=asyncio.Condition)
    blocked: set[int] = field(default_factory=set)  # chats that blocked the bot: 403
    throttled: dict[int, int] = field(default_factory=dict)  # chat -> retry_after, once: 429
    refused: list[tuple[int, int]] = field(default_factory=list)  # (chat, HTTP status)
    sent_at: list[float] = field(default_factory=list)  # monotonic time of each sendMessage

    def throttle(self, chat_id: int, retry_after: int) -> None:
        self.throttled[chat_id] = retry_after

    # ---- what the bot calls --------------------------------------------------------------
    async def handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params = await self._params(request)
        handler = getattr(self, f"api_{method}", None)
        if handler is None:
            return web.json_response(
                {"ok": False, "error_code": 404, "description": f"Not Found: {method}"}, status=404
            )
        if method == "sendMessage":
            chat = int(params.get("chat_id", 0))
            if chat in self.blocked:
                self.refused.append((chat, 403))
                return web.json_response(
                    {
                        "ok": False,
                        "error_code": 403,
                        "description": "Forbidden: bot was blocked by the user",
                    },
                    status=403,
                )
            if chat in self.throttled:
                wait = self.throttled.pop(chat)
                self.refused.append((chat, 429))
                return web.json_response(
                    {
                        "ok": False,
                        "error_code": 429,
                        "description": f"Too Many Requests: retry after {wait}",
                        "parameters": {"retry_after": wait},
                    },
                    status=429,
                )
            self.sent_at.append(time.monotonic())
        result = await handler(params)
        return web.json_response({"ok": True, "result": result})

    @staticmethod
    async def _params(request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            return dict(await request.json())
        form = await request.post()
        params: dict[str, Any] = {}
        for key, value in form.items():
            text = value if isinstance(value, str) else str(value)
            try:
                params[key] = json.loads(text)
            except ValueError:
                params[key] = text
        return params

    async def _record(self, method: str, params: dict[str, Any]) -> None:
        async with self._changed:
            self.calls.append(Sent(method, params))
            self._changed.notify_all()

    async def api_getMe(self, params: dict[str, Any]) -> Any:
        return BOT_USER

    async def api_deleteWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook_url = None
        return True

    async def api_setWebhook(self, params: dict[str, Any]) -> Any:
        await self._record("setWebhook", params)
        self.webhook_url = str(params["url"])
        self.webhook_secret = params.get("secret_token")
        return True

    async def api_getUpdates(self, params: dict[str, Any]) -> Any:
        offset = int(params.get("offset") or 0)
        poll_for = min(float(params.get("timeout") or 0), 1.0)
        deadline = time.monotonic() + poll_for
        async with self._changed:
            while True:
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
                if self.updates or time.monotonic() >= deadline:
                    return list(self.updates)
                with suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), deadline - time.monotonic())

    async def api_sendMessage(self, params: dict[str, Any]) -> Any:
        await self._record("sendMessage", params)
        return {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": int(params["chat_id"]), "type": "private"},
            "from": BOT_USER,
            "text": params.get("text", ""),
        }

    async def api_sendChatAction(self, params: dict[str, Any]) -> Any:
        await self._record("sendChatAction", params)
        return True

    async def api_answerCallbackQuery(self, params: dict[str, Any]) -> Any:
        await self._record("answerCallbackQuery", params)
        return True

    async def api_editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:
        await self._record("editMessageReplyMarkup", params)
        return True

    async def api_getWebhookInfo(self, params: dict[str, Any]) -> Any:
        return {
            "url": self.webhook_url or "",
            "has_custom_certificate": False,
            "pending_update_count": 0,
        }

    # ---- what a person does -----------------------------------------------------------------
    def _user(self, chat_id: int) -> dict[str, Any]:
        return {"id": chat_id, "is_bot": False, "first_name": "Test"}

    def message_update(
        self, chat_id: int, text: str, update_id: int | None = None
    ) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private"},
            "from": self._user(chat_id),
            "text": text,
        }
        if text.startswith("/"):
            command = text.split()[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return {
            "update_id": update_id if update_id is not None else next(self._ids),
            "message": message,
        }

    def button_update(self, chat_id: int, payload: str) -> dict[str, Any]:
        return {
            "update_id": next(self._ids),
            "callback_query": {
                "id": str(next(self._ids)),
                "from": self._user(chat_id),
                "chat_instance": "1",
                "data": payload,
                "message": {
                    "message_id": next(self._message_ids),
                    "date": int(time.time()),
                    "chat": {"id": chat_id, "type": "private"},
                    "from": BOT_USER,
                    "text": "earlier question",
                },
            },
        }

    async def queue(self, update: dict[str, Any]) -> None:
        async with self._changed:
            self.updates.append(update)
            self._changed.notify_all()

    async def post_to_webhook(self, update: dict[str, Any], secret: str | None) -> int:
        assert self.webhook_url, "the bot has not set a webhook"
        headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.webhook_url, json=update, headers=headers) as response,
        ):
            return response.status

    async def post_raw_to_webhook(self, body: bytes, secret: str) -> int:
        """Post any bytes at all, as someone who knows the secret but not the format might."""
        assert self.webhook_url, "the bot has not set a webhook"
        headers = {
            "X-Telegram-Bot-Api-Secret-Token": secret,
            "Content-Type": "application/json",
        }
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.webhook_url, data=body, headers=headers) as response,
        ):
            return response.status

    # ---- what tests read ------------------------------------------------------------------
    def messages_to(self, chat_id: int) -> list[Sent]:
        return [c for c in self.calls if c.method == "sendMessage" and c.chat_id == chat_id]

    async def wait_for(self, chat_id: int, text: str, within: float = 15.0) -> Sent:
        """The first message to ``chat_id`` containing ``text``, waiting for it to arrive."""
        deadline = time.monotonic() + within
        async with self._changed:
            while True:
                for sent in self.messages_to(chat_id):
                    if text in sent.text:
                        return sent
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    seen = [m.text[:60] for m in self.messages_to(chat_id)]
                    raise AssertionError(f"no message with {text!r} to {chat_id}; got {seen}")
                with suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait(), remaining)


def busiest_second(stamps: list[float]) -> int:
    """The most messages in any one-second window."""
    stamps = sorted(stamps)
    most, start = 0, 0
    for end, moment in enumerate(stamps):
        while moment - stamps[start] >= 1.0:
            start += 1
        most = max(most, end - start + 1)
    return most


async def _stats(request: web.Request) -> web.Response:
    """What the benchmark reads when the stand-in runs in its own process."""
    standin: BotApiStandIn = request.app[STANDIN]
    sent = [c for c in standin.calls if c.method == "sendMessage"]
    stamps = standin.sent_at
    return web.json_response(
        {
            "messages": len(sent),
            "chats": len({c.chat_id for c in sent}),
            "most_to_one_chat": max(Counter(c.chat_id for c in sent).values(), default=0),
            "busiest_second": busiest_second(stamps),
            "seconds": (max(stamps) - min(stamps)) if stamps else 0.0,
        }
    )


STANDIN = web.AppKey("standin", BotApiStandIn)


@asynccontextmanager
async def bot_api_standin(token: str, port: int = 0) -> AsyncIterator[BotApiStandIn]:
    standin = BotApiStandIn(token=token)
    app = web.Application()
    app[STANDIN] = standin
    app.router.add_get("/stats", _stats)
    app.router.add_route("*", "/bot{token}/{method}", standin.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    standin.base_url = f"http://127.0.0.1:{port}"
    try:
        yield standin
    finally:
        await runner.cleanup()


async def _serve_until_stdin_closes(token: str) -> None:
    """`python -m bot.alerts.standin TOKEN`: serve on a free loopback port, print the base
    URL, and stop when standard input closes (the benchmark runs it in its own process, so
    its CPU is not counted as the sender's)."""
    async with bot_api_standin(token) as standin:
        print(standin.base_url, flush=True)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)


if __name__ == "__main__":
    asyncio.run(_serve_until_stdin_closes(sys.argv[1]))
