"""The JSON API under /api/v1/ that the web chat uses (documented in openapi.yaml)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import yaml
from aiohttp import web

from bot.app import GetInvolved
from bot.cleaning import parse_json_body
from bot.engine.engine import TurnResult
from bot.errors import StateUnavailable
from bot.replay import turn_record
from bot.web.ratelimit import RateLimiter

routes = web.RouteTableDef()
API_BOT = web.AppKey("api_bot", GetInvolved)
SENDER_LIMIT = web.AppKey("sender_limit", RateLimiter)
NEW_SESSION_LIMIT = web.AppKey("new_session_limit", RateLimiter)
CHANNEL = "web"
SESSION_ID = re.compile(r"^[A-Za-z0-9_-]{22,64}$")
MESSAGE_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
MESSAGE_FIELDS = frozenset(["text", "payload", "message_id", "easy_read"])
START_FIELDS = frozenset(["easy_read"])
MAX_TEXT, MAX_PAYLOAD = 8000, 200
OPENAPI_FILE = Path(__file__).parent / "openapi.yaml"
MAX_API_BODY = 16 * 1024


def _error(status: int, message: str, **extra: Any) -> web.Response:
    return web.json_response({"error": message, **extra}, status=status)


def _session_id(request: web.Request) -> str:
    """The chat's id, if this server issued it; a made-up id is "no such chat" (404)."""
    session = request.match_info["session"]
    if not SESSION_ID.match(session) or not request.app[API_BOT].keys.issued_session_id(session):
        raise web.HTTPNotFound(
            text=json.dumps({"error": "There is no such chat."}), content_type="application/json"
        )
    return session


def _limited(
    request: web.Request, limiter: web.AppKey[RateLimiter], key: str
) -> web.Response | None:
    wait = request.app[limiter].allow(key)
    if wait:
        return _error(
            429,
            "You are sending messages very fast. Please wait a moment.",
            retry_after=round(wait, 1),
        )
    return None


async def _json_body(request: web.Request) -> dict[str, Any]:
    if request.content_length and request.content_length > MAX_API_BODY:
        raise web.HTTPRequestEntityTooLarge(
            max_size=MAX_API_BODY, actual_size=request.content_length
        )
    try:
        body = parse_json_body(await request.text())
    except (ValueError, UnicodeDecodeError) as error:  # JSONDecodeError is a ValueError
        message = (
            "The body must be JSON."
            if isinstance(error, json.JSONDecodeError)
            else (f"The body must be plain JSON: {error}.")
        )
        raise web.HTTPBadRequest(
            text=json.dumps({"error": message}), content_type="application/json"
        ) from error
    if not isinstance(body, dict):
        raise web.HTTPBadRequest(
            text=json.dumps({"error": "The body must be a JSON object."}),
            content_type="application/json",
        )
    return body


def _turn(session: str, record: dict[str, Any]) -> dict[str, Any]:
    turn = {key: value for key, value in record.items() if key != "conversation"}
    return {"session": session, **turn}


BUSY = "Sorry, the chat is busy just now. Please try again in a moment. Nothing was lost."


def _easy_read(body: dict[str, Any]) -> bool | None:
    """The optional ``easy_read`` switch of a body; a 400 when it is not true or false."""
    value = body.get("easy_read")
    if value is not None and not isinstance(value, bool):
        raise web.HTTPBadRequest(
            text=json.dumps({"error": "'easy_read' must be true or false."}),
            content_type="application/json",
        )
    return value


async def _converse(
    request: web.Request,
    session: str,
    text: str,
    message_id: str | None = None,
    easy_read: bool | None = None,
) -> TurnResult:
    try:
        return await request.app[API_BOT].converse(
            CHANNEL, session, text, message_id=message_id, easy_read=easy_read
        )
    except StateUnavailable as error:
        raise web.HTTPServiceUnavailable(
            text=json.dumps({"error": BUSY, "retry_after": 1}),
            content_type="application/json",
            headers={"Retry-After": "1"},
        ) from error


@routes.post("/api/v1/sessions")
async def start_session(request: web.Request) -> web.Response:
    """Start a new chat: a new session id and the bot's greeting. The body is optional:
    ``{"easy_read": true}`` starts it in easy read."""
    limited = _limited(request, NEW_SESSION_LIMIT, request.remote or "unknown")
    if limited:
        return limited
    body = await _json_body(request) if request.body_exists else {}
    unknown = sorted(set(body) - START_FIELDS)
    if unknown:
        return _error(400, f"Unknown field '{unknown[0]}': send nothing, or 'easy_read'.")
    easy_read = _easy_read(body)
    session = request.app[API_BOT].keys.new_session_id()
    result = await _converse(request, session, "/start", easy_read=easy_read)
    return web.json_response(_turn(session, turn_record(session, result)), status=201)


@routes.post("/api/v1/sessions/{session}/messages")
async def send_message(request: web.Request) -> web.Response:
    """One message (typed text or a button payload) and the bot's answer."""
    session = _session_id(request)
    if request.content_length and request.content_length > MAX_API_BODY:
        raise web.HTTPRequestEntityTooLarge(
            max_size=MAX_API_BODY, actual_size=request.content_length
        )
    limited = _limited(request, SENDER_LIMIT, session)
    if limited:
        return limited
    body = await _json_body(request)
    unknown = sorted(set(body) - MESSAGE_FIELDS)
    if unknown:
        return _error(400, f"Unknown field '{unknown[0]}': send 'text' or 'payload'.")
    text = body.get("payload") if body.get("payload") is not None else body.get("text")
    if not isinstance(text, str):
        return _error(400, "Send a 'text' or a 'payload'.")
    limit = MAX_PAYLOAD if body.get("payload") is not None else MAX_TEXT
    if len(text) > limit:
        return _error(400, f"That is too long: at most {limit:,} characters.")
    message_id = body.get("message_id")
    if message_id is not None and not (
        isinstance(message_id, str) and MESSAGE_ID.match(message_id)
    ):
        return _error(400, "A 'message_id' is 1 to 64 letters, digits, '-' or '_'.")
    result = await _converse(request, session, text, message_id, _easy_read(body))
    return web.json_response(_turn(session, turn_record(session, result)))


@routes.get("/api/v1/sessions/{session}")
async def resume_session(request: web.Request) -> web.Response:
    """Where the chat is, and any staff answers waiting for this person."""
    session = _session_id(request)
    limited = _limited(request, SENDER_LIMIT, session)
    if limited:
        return limited
    bot = request.app[API_BOT]
    state = await bot.peek(CHANNEL, session)
    replies = await bot.answers_for(CHANNEL, state.key)
    return web.json_response(
        {
            "session": session,
            "replies": [reply.as_dict() for reply in replies],
            "profile": state.profile(),
            "routes": list(state.routes),
            "feedback_id": state.feedback_id,
            "crisis": False,
            "asking": state.asking,
        }
    )


@routes.delete("/api/v1/sessions/{session}")
async def forget_session(request: web.Request) -> web.Response:
    """Delete this chat and the person's feedback ("delete my data")."""
    session = _session_id(request)
    result = await _converse(request, session, "/forget")
    return web.json_response(_turn(session, turn_record(session, result)))


@routes.get("/api/v1/openapi.json")
async def openapi(request: web.Request) -> web.Response:
    return web.json_response(load_openapi())


def load_openapi() -> dict[str, Any]:
    with OPENAPI_FILE.open(encoding="utf-8") as handle:
        loaded: dict[str, Any] = yaml.safe_load(handle)
    return loaded


def setup_api(app: web.Application, bot: GetInvolved) -> None:
    app[API_BOT] = bot
    app[SENDER_LIMIT] = RateLimiter(
        burst=bot.settings.rate_limit_burst, per_second=bot.settings.rate_limit_per_second
    )
    app[NEW_SESSION_LIMIT] = RateLimiter(
        burst=bot.settings.new_sessions_burst, per_second=bot.settings.new_sessions_per_second
    )
    app.router.add_routes(routes)
