"""The aiohttp application: staff pages, the public page, health; one error boundary."""

from __future__ import annotations

import logging
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web

from bot.app import GetInvolved
from bot.settings import PROJECT_ROOT
from bot.web import staff
from bot.web.security import Handler, LoginLimiter, csrf_protect, security_headers
from bot.web.sessions import SessionCookies

logger = logging.getLogger(__name__)
HERE = Path(__file__).parent
GOVUK_FRONTEND = PROJECT_ROOT / "web" / "node_modules" / "govuk-frontend" / "dist" / "govuk"
MAX_BODY_BYTES = 64 * 1024


@web.middleware
async def error_boundary(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Log the unexpected with its traceback; show people a short, kind page."""
    try:
        return await handler(request)
    except web.HTTPException:
        raise
    except Exception:
        logger.exception("request failed: %s %s", request.method, request.path)
        return web.Response(status=500, text="Sorry, something went wrong. Please try again.")


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def create_web_app(bot: GetInvolved, *, secure_cookies: bool = False) -> web.Application:
    """Everything served over HTTP, sharing the one running bot."""
    app = web.Application(client_max_size=MAX_BODY_BYTES)
    app[staff.BOT] = bot
    app[staff.LIMITER] = LoginLimiter()
    cookies = SessionCookies(bot.keys.cookie_key, secure=secure_cookies)
    app.middlewares.extend([error_boundary, security_headers, cookies.middleware, csrf_protect])
    aiohttp_jinja2.setup(
        app,
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=jinja2.select_autoescape(default=True),
    )
    app.router.add_routes(staff.routes)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/staff", _to_staff_home)
    app.router.add_static("/static/app", HERE / "static")
    if GOVUK_FRONTEND.exists():
        app.router.add_static("/static/govuk", GOVUK_FRONTEND)
    else:
        logger.warning("GOV.UK Frontend is not installed (run scripts/setup); pages are plain")
    return app


async def _to_staff_home(request: web.Request) -> web.Response:
    raise web.HTTPFound("/staff/")
