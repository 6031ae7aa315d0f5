"""The unsubscribe link in every alert email: ``/alerts/stop?token=...``.

A GET only shows a button (mail scanners open links; they must not stop anyone's alerts); the
POST deletes the subscription and says so. The token is random; only its sha256 is stored.
No session and no cookie: the token in the form is what proves the link was theirs.
"""

from __future__ import annotations

import aiohttp_jinja2
from aiohttp import web

from bot.store import alerts as store

MAX_TOKEN_CHARS = 200
TITLES = {"ask": "Stop emails", "done": "Emails stopped", "gone": "Nothing to stop"}


def _page(request: web.Request, state: str, token: str = "") -> web.Response:
    context = {"title": TITLES[state], "state": state, "token": token, "errors": {}}
    response = aiohttp_jinja2.render_template("alerts_stop.html", request, context)
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"  # the token never leaves in a Referer
    return response


def _token(value: object) -> str | None:
    return value if isinstance(value, str) and 0 < len(value) <= MAX_TOKEN_CHARS else None


async def stop_page(request: web.Request) -> web.Response:
    from bot.web.staff import BOT

    token = _token(request.query.get("token"))
    if token is None:
        return _page(request, "gone")
    async with request.app[BOT].sessions() as session:
        known = await store.token_exists(session, token)
    return _page(request, "ask", token) if known else _page(request, "gone")


async def stop_post(request: web.Request) -> web.Response:
    from bot.web.staff import BOT

    token = _token((await request.post()).get("token"))
    deleted = 0
    if token is not None:
        async with request.app[BOT].sessions.begin() as session:
            deleted = await store.delete_by_token(session, token)
        if deleted:
            await store.scrub(request.app[BOT].sessions)
    return _page(request, "done" if deleted else "gone")


def setup_alert_pages(app: web.Application) -> None:
    app.router.add_get("/alerts/stop", stop_page)
    app.router.add_post("/alerts/stop", stop_post)
