"""The unsubscribe link in every alert email: ``/alerts/stop?token=...``.

A GET only shows a button (mail scanners open links; they must not stop anyone's alerts); the
POST deletes the subscription and says so. The token is random; only its sha256 is stored.
"""

from __future__ import annotations

import html

from aiohttp import web

from bot.store import alerts as store

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - Get Involved</title>
<link rel="stylesheet" href="/static/app/app.css"></head>
<body class="govuk-template__body"><main class="govuk-main-wrapper govuk-width-container" id="main">
<h1 class="govuk-heading-l">{title}</h1>{body}</main></body></html>"""


def _page(title: str, body: str, status: int = 200) -> web.Response:
    return web.Response(
        text=PAGE.format(title=html.escape(title), body=body),
        content_type="text/html",
        status=status,
        headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"},
    )


async def stop_page(request: web.Request) -> web.Response:
    from bot.web.staff import BOT

    token = request.query.get("token", "")
    async with request.app[BOT].sessions() as session:
        known = bool(token) and len(token) < 200 and await store.token_exists(session, token)
    if not known:
        return _page(
            "Nothing to stop",
            '<p class="govuk-body">These emails have already stopped, or this link is old.</p>',
        )
    form = (
        '<p class="govuk-body">Do you want to stop emails about new chances to have a say?</p>'
        '<form method="post" action="/alerts/stop">'
        f'<input type="hidden" name="token" value="{html.escape(token)}">'
        '<button class="govuk-button" data-module="govuk-button" type="submit">'
        "Stop these emails</button></form>"
    )
    return _page("Stop emails", form)


async def stop_post(request: web.Request) -> web.Response:
    from bot.web.staff import BOT

    form = await request.post()
    token = form.get("token")
    deleted = 0
    if isinstance(token, str) and 0 < len(token) < 200:
        async with request.app[BOT].sessions.begin() as session:
            deleted = await store.delete_by_token(session, token)
    if deleted:
        return _page(
            "Emails stopped",
            '<p class="govuk-body">Done. We will not email you again, and we have deleted '
            "what we kept to send them.</p>",
        )
    return _page(
        "Nothing to stop",
        '<p class="govuk-body">These emails have already stopped, or this link is old.</p>',
    )


def setup_alert_pages(app: web.Application) -> None:
    app.router.add_get("/alerts/stop", stop_page)
    app.router.add_post("/alerts/stop", stop_post)
