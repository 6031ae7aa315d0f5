"""Security for the web pages: headers, CSRF tokens, sign-in rate limiting, body limits."""

from __future__ import annotations

import hmac
import secrets
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import TYPE_CHECKING

from aiohttp import web
from aiohttp_session import get_session

from bot.redislink import RedisLink, RedisReplyError, RedisUnavailable

if TYPE_CHECKING:
    from aiohttp_session import Session

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
CSRF_FIELD = "csrf_token"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}

HSTS = "max-age=31536000; includeSubDomains"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'self'; form-action 'self'; "
    "base-uri 'none'; object-src 'none'"
)


def security_headers(*, https: bool) -> Callable[..., Awaitable[web.StreamResponse]]:
    """Every response, redirects and error pages included: a strict CSP (no inline script), no
    sniffing, no framing elsewhere; HSTS when the site is served over HTTPS (SECURE_COOKIES)."""

    def add(request: web.Request, response: web.StreamResponse) -> None:
        framable = "frame-ancestors 'self'" not in response.headers.get(
            "Content-Security-Policy", "frame-ancestors 'self'"
        )
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if not framable:
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        if request.path.startswith("/staff"):
            response.headers.setdefault("Cache-Control", "no-store")
        if https:
            response.headers.setdefault("Strict-Transport-Security", HSTS)

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            response = await handler(request)
        except web.HTTPException as error:
            add(request, error)
            raise
        add(request, response)
        return response

    return middleware


async def plain_server_header(request: web.Request, response: web.StreamResponse) -> None:
    """No versions in the Server header (aiohttp's names itself and Python's)."""
    response.headers["Server"] = "getinvolved"


def csrf_token(session: Session) -> str:
    """The session's CSRF token, made on first use."""
    token = session.get(CSRF_FIELD)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        session[CSRF_FIELD] = token
    return token


@web.middleware
async def csrf_protect(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Refuse any form post under /staff without the session's CSRF token."""
    if request.method in SAFE_METHODS or not request.path.startswith("/staff"):
        return await handler(request)
    session = await get_session(request)
    expected = session.get(CSRF_FIELD)
    form = await request.post()
    sent = form.get(CSRF_FIELD)
    if (
        not isinstance(expected, str)
        or not isinstance(sent, str)
        or not hmac.compare_digest(expected, sent)
    ):
        raise web.HTTPForbidden(
            text="This form has expired. Go back, reload the page and try again."
        )
    return await handler(request)


class LoginLimiter:
    """At most ``attempts`` failed sign-ins per address and per email in ``window`` seconds.

    With Redis (``shared``), the failures are counted there, so every worker behind one
    address sees them all; if Redis cannot be reached, this worker's own count still applies.
    """

    def __init__(
        self, attempts: int = 5, window: float = 15 * 60, *, shared: RedisLink | None = None
    ):
        self.attempts = attempts
        self.window = window
        self.shared = shared
        self._failures: defaultdict[str, deque[float]] = defaultdict(deque)

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures[key]
        while times and now - times[0] > self.window:
            times.popleft()
        return times

    async def blocked(self, *keys: str) -> bool:
        now = time.monotonic()
        if any(len(self._recent(key, now)) >= self.attempts for key in keys):
            return True
        if self.shared is None:
            return False
        try:
            counts = [await self.shared.call("GET", _shared_key(key)) for key in keys]
        except (RedisUnavailable, RedisReplyError):
            return False
        return any(int(count or 0) >= self.attempts for count in counts)

    async def failed(self, *keys: str) -> None:
        now = time.monotonic()
        for key in keys:
            self._recent(key, now).append(now)
        if self.shared is None:
            return
        with suppress(RedisUnavailable, RedisReplyError):
            for key in keys:  # one atomic step: a count can never be left without its expiry
                await self.shared.call(
                    "EVAL", _COUNT_FAILURE, "1", _shared_key(key), str(int(self.window * 1000))
                )

    async def succeeded(self, *keys: str) -> None:
        for key in keys:
            self._failures.pop(key, None)
        if self.shared is not None:
            with suppress(RedisUnavailable, RedisReplyError):
                await self.shared.call("DEL", *(_shared_key(key) for key in keys))


# Count a failure and, the first time, start the window: both or neither.
_COUNT_FAILURE = """
local count = redis.call('INCR', KEYS[1])
if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return count
"""


def _shared_key(key: str) -> str:
    return f"getinvolved:sign-in-failures:{key}"
