"""The aiohttp application: staff pages, the public page, health; one error boundary."""

from __future__ import annotations

import hmac
import logging
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp_session import session_middleware
from aiohttp_session.cookie_storage import EncryptedCookieStorage
from sqlalchemy import text

from bot.app import GetInvolved
from bot.resources import version
from bot.web import staff, staff_admin, staff_polls, staff_teams
from bot.web.api import setup_api
from bot.web.chat_page import setup_chat_page
from bot.web.security import (
    Handler,
    LoginLimiter,
    csrf_protect,
    plain_server_header,
    security_headers,
)
from bot.web.staff_opportunities import setup_staff_opportunities
from bot.web.staff_themes import setup_staff_themes

logger = logging.getLogger(__name__)
HERE = Path(__file__).parent
GOVUK_FRONTEND = Path("govuk-frontend") / "dist" / "govuk"
MAX_BODY_BYTES = 64 * 1024
SESSION_SECONDS = 8 * 3600  # a staff session ends after 8 hours


@web.middleware
async def error_boundary(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Log the unexpected with its traceback; show people a short, kind page."""
    try:
        return await handler(request)
    except web.HTTPException:
        raise
    except Exception:
        request.app[staff.BOT].metrics.errors.labels("web").inc()
        logger.exception("request failed", extra={"method": request.method, "path": request.path})
        return web.Response(status=500, text="Sorry, something went wrong. Please try again.")


CHAT = HERE / "chat"
EMBED_ORIGINS = web.AppKey("embed_origins", str)
VERSION = web.AppKey("version", str)


async def healthz(request: web.Request) -> web.Response:
    """The process is up, and which version it runs."""
    return web.json_response({"status": "ok", "version": request.app[VERSION]})


async def readyz(request: web.Request) -> web.Response:
    """Ready to serve: the database answers, and Redis too when it is used."""
    bot = request.app[staff.BOT]
    checks: dict[str, bool] = {}
    try:
        async with bot.database.connect() as connection:
            await connection.execute(text("SELECT 1"))
        checks["database"] = True
    except Exception:  # any failure means not ready
        checks["database"] = False
    checks["locks"] = await bot.locks.ready()
    ready = all(checks.values())
    return web.json_response(
        {"status": "ready" if ready else "not ready", **checks}, status=200 if ready else 503
    )


async def metrics(request: web.Request) -> web.Response:
    """Prometheus metrics, only with ``Authorization: Bearer <METRICS_TOKEN>``; without a
    token set, there are none to see (404), so no count is ever shown to anyone."""
    expected = request.app[staff.BOT].settings.metrics_token
    sent = request.headers.get("Authorization", "")
    if not expected or not hmac.compare_digest(sent.encode(), f"Bearer {expected}".encode()):
        raise web.HTTPNotFound()
    body = request.app[staff.BOT].metrics.exposition()
    return web.Response(
        body=body, content_type="text/plain", charset="utf-8", headers={"Cache-Control": "no-store"}
    )


async def embed_script(request: web.Request) -> web.FileResponse:
    response = web.FileResponse(CHAT / "embed.js")
    response.content_type = "text/javascript"
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


def create_web_app(bot: GetInvolved, *, secure_cookies: bool = False) -> web.Application:
    """Everything served over HTTP, sharing the one running bot."""
    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app[staff.BOT] = bot
    app[staff.LIMITER] = LoginLimiter(shared=bot.redis)
    cookies = EncryptedCookieStorage(
        bot.keys.cookie_key,
        cookie_name="getinvolved_session",
        max_age=SESSION_SECONDS,
        httponly=True,
        secure=secure_cookies,
        samesite="Lax",
    )
    app.middlewares.extend(
        [
            security_headers(https=secure_cookies),
            error_boundary,
            session_middleware(cookies),
            csrf_protect,
        ]
    )
    app.on_response_prepare.append(plain_server_header)
    aiohttp_jinja2.setup(
        app,
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=jinja2.select_autoescape(default=True),
        filters={"when": staff.when},
    )
    app[VERSION] = version()
    app[EMBED_ORIGINS] = (
        " ".join("*" if origin == "*" else origin for origin in bot.settings.embed_origins.split())
        or "'self'"
    )
    app.router.add_routes(staff.routes)
    app.router.add_routes(staff_admin.routes)
    app.router.add_routes(staff_teams.routes)
    app.router.add_routes(staff_polls.routes)
    setup_staff_themes(app)
    setup_staff_opportunities(app)
    setup_api(app, bot)
    setup_chat_page(app, embed_origins=app[EMBED_ORIGINS], secure_cookies=secure_cookies)
    from bot.alerts.web import setup_alert_pages

    setup_alert_pages(app)  # the unsubscribe link in alert emails
    app.router.add_get("/embed.js", embed_script)
    app.router.add_static("/chat", CHAT)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics)
    app.router.add_get("/staff", _to_staff_home)
    app.router.add_static("/static/app", HERE / "static")
    govuk = bot.settings.frontend_dir / GOVUK_FRONTEND
    if govuk.exists():
        app.router.add_static("/static/govuk", govuk)
    else:
        logger.warning("GOV.UK Frontend is not installed (run scripts/setup); pages are plain")
    return app


async def _to_staff_home(request: web.Request) -> web.Response:
    raise web.HTTPFound("/staff/")
