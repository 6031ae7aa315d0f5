"""The chat page at ``/``: server-rendered HTML that works without JavaScript.

The page shows the conversation so far and a form that posts (never GET) to ``/``. Each post
goes through the same engine call as the JSON API (``bot.converse`` on the "web" channel with a
server-issued session id and a message id), then redirects back to ``/`` (post/redirect/get),
so a reload never sends a message again and nothing a person typed is ever in a URL.

Where the conversation is kept: in one cookie on the person's device (``getinvolved_chat``),
encrypted and compressed, HttpOnly and SameSite=Lax, ending when the browser closes. It holds
the session id, the transcript (trimmed from the oldest end to fit in a cookie) and the
buttons on offer. The server keeps no transcript. With JavaScript on, chat.js takes the
session over from the page (``data-session``) and posts ``action=handover``, which drops the
cookie: from then on the tab's own storage holds the chat, as before.

Forged posts: the cookie is SameSite=Lax, so a post from another site never carries it and
cannot touch anyone's chat, and a post whose Origin (or Sec-Fetch-Site) says it came from
another site is refused before anything is done. There is no sign-in to protect and no token to
expire while a person thinks about what to write.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import zlib
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import aiohttp_jinja2
from aiohttp import web
from cryptography.fernet import Fernet, InvalidToken

from bot.app import GetInvolved
from bot.engine.engine import TurnResult
from bot.engine.state import ConversationState
from bot.errors import StateUnavailable
from bot.web.api import API_BOT, BUSY, CHANNEL, MESSAGE_ID, NEW_SESSION_LIMIT, SENDER_LIMIT
from bot.web.ratelimit import RateLimiter
from bot.web.security import CONTENT_SECURITY_POLICY

COOKIE = "getinvolved_chat"
COOKIE_CHARS = 3800  # browsers keep at least 4,096 bytes per cookie, name included
MAX_MESSAGE = 1000  # the same as the message box's maxlength and the engine's limit
MAX_PAYLOAD = 200
LINK_SCHEMES = ("https:", "mailto:", "tel:")
EMBED_ORIGINS = web.AppKey("chat_embed_origins", str)
SECURE = web.AppKey("chat_secure_cookies", bool)

EMPTY = "Please type a message first."
TOO_LONG = f"Your message is too long. Please keep it under {MAX_MESSAGE:,} characters."
TOO_FAST = "You are sending messages very fast. Please wait a moment and try again."
NOTHING_TO_DELETE = "There is nothing to delete."
OTHER_SITE = "This form can only be sent from the Get Involved chat page."


@dataclass
class Chat:
    """What the cookie holds: the session, the transcript, the buttons on offer."""

    session: str | None = None
    transcript: list[dict[str, Any]] = field(default_factory=list)
    buttons: list[dict[str, Any]] = field(default_factory=list)
    last_message_id: str | None = None
    trimmed: bool = False


def _fernet(bot: GetInvolved) -> Fernet:
    digest = hmac.new(bot.keys.cookie_key, b"getinvolved:chat-page", hashlib.sha256).digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def read_chat(request: web.Request) -> Chat:
    """The chat in the cookie; a missing, old or tampered cookie is a new chat."""
    bot = request.app[API_BOT]
    token = request.cookies.get(COOKIE)
    if not token:
        return Chat()
    try:
        ttl = bot.settings.conversation_expiry_minutes * 60
        data = json.loads(zlib.decompress(_fernet(bot).decrypt(token.encode("ascii"), ttl=ttl)))
    except (InvalidToken, ValueError, zlib.error, UnicodeEncodeError):
        return Chat()
    session = data.get("s")
    if not (isinstance(session, str) and bot.keys.issued_session_id(session)):
        session = None
    return Chat(
        session=session,
        transcript=[entry for entry in data.get("t", []) if isinstance(entry, dict)],
        buttons=[button for button in data.get("b", []) if isinstance(button, dict)],
        last_message_id=data.get("m") if isinstance(data.get("m"), str) else None,
        trimmed=bool(data.get("x")),
    )


def _seal(bot: GetInvolved, chat: Chat) -> str:
    data = {
        "s": chat.session,
        "t": chat.transcript,
        "b": chat.buttons,
        "m": chat.last_message_id,
        "x": chat.trimmed,
    }
    raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return _fernet(bot).encrypt(zlib.compress(raw, 9)).decode("ascii")


def write_chat(request: web.Request, response: web.StreamResponse, chat: Chat) -> None:
    """Keep the chat in the cookie, dropping the oldest messages until it fits."""
    bot = request.app[API_BOT]
    token = _seal(bot, chat)
    while len(token) > COOKIE_CHARS and len(chat.transcript) > 1:
        chat.transcript = chat.transcript[max(1, len(chat.transcript) // 4) :]
        chat.trimmed = True
        token = _seal(bot, chat)
    response.set_cookie(
        COOKIE,
        token,
        path="/",
        httponly=True,
        samesite="Lax",
        secure=request.app[SECURE],
    )


def forget_cookie(request: web.Request, response: web.StreamResponse) -> None:
    response.del_cookie(COOKIE, path="/", httponly=True, samesite="Lax", secure=request.app[SECURE])


def from_another_site(request: web.Request) -> bool:
    """Did the browser say this post came from a page on another site?"""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if origin is None:
        return False  # an older browser; the SameSite cookie still protects the chat
    return origin == "null" or urlsplit(origin).netloc != request.host


def _safe_link(link: Any) -> dict[str, str] | None:
    if not isinstance(link, dict):
        return None
    url, title = str(link.get("url", "")), str(link.get("title", ""))
    if not url.startswith(LINK_SCHEMES) or not title:
        return None
    shown = url.split(":", 1)[1].split("?", 1)[0] if url.startswith(("mailto:", "tel:")) else ""
    return {"url": url, "title": title, "shown": shown}


def _blocks(text: str) -> list[tuple[str, list[str]]]:
    """Paragraphs, and lines that start with "- " as one list: ("p", [line]) or ("ul", items)."""
    blocks: list[tuple[str, list[str]]] = []
    for line in (line.strip() for line in text.split("\n")):
        if not line:
            continue
        if line.startswith("- "):
            if blocks and blocks[-1][0] == "ul":
                blocks[-1][1].append(line[2:])
            else:
                blocks.append(("ul", [line[2:]]))
        else:
            blocks.append(("p", [line]))
    return blocks


def _view_reply(reply: dict[str, Any]) -> dict[str, Any]:
    """A reply as the template shows it, in the contract's shape (links, title, symbol)."""
    links = [_safe_link(link) for link in reply.get("links") or []]
    return {
        "blocks": _blocks(str(reply.get("text") or "")),
        "title": reply.get("title") or None,
        "symbol": _symbol(reply.get("symbol")),
        "links": [link for link in links if link],
    }


def _symbol(name: Any) -> str | None:
    return name if isinstance(name, str) and name.replace("-", "").isalpha() else None


def _view_button(button: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": str(button.get("title", "")),
        "payload": str(button.get("payload", "")),
        "symbol": _symbol(button.get("symbol")),
    }


def _stored(reply: dict[str, Any]) -> dict[str, Any]:
    """Only what the page shows again is kept in the cookie."""
    kept: dict[str, Any] = {"text": reply.get("text") or ""}
    for key in ("title", "symbol"):
        if reply.get(key):
            kept[key] = reply[key]
    if reply.get("links"):
        kept["links"] = [{"title": link["title"], "url": link["url"]} for link in reply["links"]]
    return kept


def _add_turn(chat: Chat, result: TurnResult) -> None:
    replies = [reply.as_dict() for reply in result.replies]
    chat.transcript += [{"who": "bot", "reply": _stored(reply)} for reply in replies]
    chat.buttons = next(
        (reply["buttons"] for reply in reversed(replies) if reply.get("buttons")), []
    )


async def _greeting(bot: GetInvolved) -> TurnResult:
    """The first answer, to show before a chat exists: nothing is stored until a post."""
    return await bot.engine.handle(ConversationState(channel=CHANNEL, sender=""), "/start")


async def chat_page(request: web.Request) -> web.Response:
    """The web chat, rendered on the server; chat.js takes the page over when it runs."""
    chat = read_chat(request)
    return await render(request, chat)


async def render(
    request: web.Request,
    chat: Chat,
    *,
    error: str | None = None,
    field_error: str | None = None,
    typed: str = "",
    notice: str | None = None,
) -> web.Response:
    bot = request.app[API_BOT]
    transcript = list(chat.transcript)
    buttons = chat.buttons
    if chat.session is None:  # no chat yet, or it was deleted: show how one starts
        greeting = await _greeting(bot)
        replies = [reply.as_dict() for reply in greeting.replies]
        transcript += [{"who": "bot", "reply": reply} for reply in replies]
        buttons = next((r["buttons"] for r in reversed(replies) if r.get("buttons")), [])
    entries = [
        {"who": "person", "text": str(entry.get("text", ""))}
        if entry.get("who") == "person"
        else {"who": "bot", **_view_reply(entry.get("reply") or {})}
        for entry in transcript
    ]
    latest = max((i for i, e in enumerate(entries) if e["who"] == "person"), default=-1) + 1
    context = {
        "entries": entries,
        "latest": latest if 0 < latest < len(entries) else None,
        "buttons": [_view_button(button) for button in buttons],
        "session": chat.session or "",
        "trimmed": chat.trimmed,
        "message_id": secrets.token_urlsafe(12),
        "error": error,
        "field_error": field_error,
        "typed": typed,
        "notice": notice,
        "max_message": MAX_MESSAGE,
    }
    response = aiohttp_jinja2.render_template("chat.html", request, context)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Content-Security-Policy"] = _framable_policy(request)
    return response


def _framable_policy(request: web.Request) -> str:
    return CONTENT_SECURITY_POLICY.replace(
        "frame-ancestors 'self'", f"frame-ancestors {request.app[EMBED_ORIGINS]}"
    )


def _limited(request: web.Request, limiter: web.AppKey[RateLimiter], key: str) -> bool:
    return bool(request.app[limiter].allow(key))


async def chat_post(request: web.Request) -> web.StreamResponse:
    """One message, button, "start again" or "delete my data" from the page without
    JavaScript; then back to the page (303), or the page again with a kind error."""
    if from_another_site(request):
        raise web.HTTPForbidden(text=OTHER_SITE)
    form = await request.post()
    chat = read_chat(request)
    action = str(form.get("action", "send"))
    if action == "handover":  # chat.js has the session now: the cookie is no longer needed
        response = web.Response(status=204)
        forget_cookie(request, response)
        return response
    if action == "forget":
        return await _forget(request, chat)
    message_id = str(form.get("message_id", ""))
    if not MESSAGE_ID.match(message_id):
        message_id = secrets.token_urlsafe(12)
    if message_id == chat.last_message_id:  # sent twice (a double click): already answered
        return _back_to_chat(request, chat)
    if action == "restart":
        text, shown = "/restart", "Start again"
    elif form.get("payload") is not None:
        text = str(form.get("payload"))[:MAX_PAYLOAD]
        offered = chat.buttons if chat.session else await _greeting_buttons(request)
        shown = next(
            (str(b.get("title")) for b in offered if b.get("payload") == text),
            "You chose a button",
        )
    else:
        text = str(form.get("message", "")).replace("\r\n", "\n").strip()
        if not text:
            return await render(request, chat, error=EMPTY, field_error=EMPTY)
        if len(text) > MAX_MESSAGE:
            return await render(request, chat, error=TOO_LONG, field_error=TOO_LONG, typed=text)
        shown = text
    bot = request.app[API_BOT]
    session = chat.session
    try:
        if session is None:  # the first message: the server issues the session, as the API does
            if _limited(request, NEW_SESSION_LIMIT, request.remote or "unknown"):
                return await render(request, chat, error=TOO_FAST, typed=_typed(form))
            session = bot.keys.new_session_id()
            chat = Chat(session=session)
            _add_turn(chat, await bot.converse(CHANNEL, session, "/start"))
        elif _limited(request, SENDER_LIMIT, session):
            return await render(request, chat, error=TOO_FAST, typed=_typed(form))
        result = await bot.converse(CHANNEL, session, text, message_id=message_id)
    except StateUnavailable:
        return await render(request, chat, error=BUSY, typed=_typed(form))
    chat.transcript.append({"who": "person", "text": shown})
    _add_turn(chat, result)
    chat.last_message_id = message_id
    return _back_to_chat(request, chat)


async def _greeting_buttons(request: web.Request) -> list[dict[str, Any]]:
    greeting = await _greeting(request.app[API_BOT])
    return [button.as_dict() for reply in greeting.replies for button in reply.buttons]


def _typed(form: Any) -> str:
    return str(form.get("message", ""))[: MAX_MESSAGE * 2]


async def _forget(request: web.Request, chat: Chat) -> web.StreamResponse:
    if chat.session is None:
        return await render(request, Chat(), notice=NOTHING_TO_DELETE)
    bot = request.app[API_BOT]
    try:
        result = await bot.converse(CHANNEL, chat.session, "/forget")
    except StateUnavailable:
        return await render(request, chat, error=BUSY)
    gone = Chat()
    _add_turn(gone, result)
    return _back_to_chat(request, gone)


def _back_to_chat(request: web.Request, chat: Chat) -> web.StreamResponse:
    """Post/redirect/get: to the start of the new answer, and nothing typed in the URL."""
    response = web.Response(status=303, headers={"Location": "/#latest"})
    write_chat(request, response, chat)
    return response


def setup_chat_page(app: web.Application, *, embed_origins: str, secure_cookies: bool) -> None:
    app[EMBED_ORIGINS] = embed_origins
    app[SECURE] = secure_cookies
    app.router.add_get("/", chat_page)
    app.router.add_post("/", chat_post)
