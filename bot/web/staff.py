"""Staff pages: sign in, the inbox of your teams' feedback, answer, export, charts, admin.

Thin handlers: validate -> act (through bot/store) -> respond. Every read, export, answer and
sign-in goes to the audit log. Staff see only their own teams' feedback: anything else is
"not found", so its existence is not revealed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

import aiohttp_jinja2
from aiohttp import web

from bot.app import GetInvolved
from bot.engine.state import utcnow
from bot.passwords import DUMMY_HASH, hash_password, verify_password
from bot.store import audit, conversations, staff
from bot.store import feedback as store
from bot.web.security import LoginLimiter, csrf_token
from bot.web.sessions import get_session, new_session

routes = web.RouteTableDef()
BOT = web.AppKey("bot", GetInvolved)
LIMITER = web.AppKey("login_limiter", LoginLimiter)

TOPIC_NAMES: dict[str, str] = {
    "school": "School or college",
    "health": "Health and the NHS",
    "council": "Council services and the Local Offer",
    "shaping_services": "Planning services",
    "my_plan": "Support plans",
    "meeting_others": "Meeting others",
    "general": "General",
}
AREA_NAMES = {
    "west_sussex": "West Sussex",
    "east_sussex": "East Sussex",
    "elsewhere": "Somewhere else",
}
STATUS_NAMES = {"new": "New", "read": "Read", "answered": "Answered", "closed": "Closed"}


async def _page(
    request: web.Request, template: str, context: dict[str, Any], status: int = 200
) -> web.Response:
    session = await get_session(request)
    context.setdefault("csrf_token", csrf_token(session))
    context.setdefault("topic_names", TOPIC_NAMES)
    context.setdefault("area_names", AREA_NAMES)
    context.setdefault("status_names", STATUS_NAMES)
    response = aiohttp_jinja2.render_template(template, request, context, status=status)
    return response


async def current_user(request: web.Request) -> staff.StaffUser:
    """The signed-in staff member, or a redirect to the sign-in page."""
    session = await get_session(request)
    user_id = session.get("user_id")
    if isinstance(user_id, int):
        async with request.app[BOT].sessions() as db:
            user = await staff.get_user(db, user_id)
        if user is not None and user.active:
            return user
    raise web.HTTPSeeOther("/staff/login")


async def current_admin(request: web.Request) -> staff.StaffUser:
    user = await current_user(request)
    if not user.is_admin:
        raise web.HTTPNotFound()
    return user


def _filters(query: Any) -> store.FeedbackFilter:
    def day(name: str) -> dt.date | None:
        try:
            return dt.date.fromisoformat(str(query.get(name, "")))
        except ValueError:
            return None

    def one_of(name: str, allowed: Any) -> str | None:
        value = query.get(name) or None
        return value if value in allowed else None

    return store.FeedbackFilter(
        status=one_of("status", STATUS_NAMES),
        topic=one_of("topic", TOPIC_NAMES),
        area=one_of("area", AREA_NAMES),
        since=day("since"),
        until=day("until"),
    )


def _feedback_id(request: web.Request) -> int:
    try:
        return int(request.match_info["feedback_id"])
    except ValueError as error:
        raise web.HTTPNotFound() from error


async def _feedback_view(
    request: web.Request,
    user: staff.StaffUser,
    row: store.FeedbackRow,
    *,
    error: str | None = None,
    status: int = 200,
) -> web.Response:
    """One piece of feedback, with the contact shown only to its team (the caller checked)."""
    bot = request.app[BOT]
    team = bot.content.teams.get(row.team_id)
    return await _page(
        request,
        "feedback.html",
        {
            "user": user,
            "row": row,
            "error": error,
            "contact": bot.keys.decrypt(row.contact) if row.contact else None,
            "team": team.name if team else row.team_id,
        },
        status=status,
    )


async def _admin_view(
    request: web.Request, admin: staff.StaffUser, *, error: str | None = None, status: int = 200
) -> web.Response:
    """The admin page: staff, teams and the recent audit log."""
    async with request.app[BOT].sessions() as db:
        users = await staff.list_users(db)
        teams = await staff.list_teams(db)
        log = await audit.list_audit(db, limit=50)
    return await _page(
        request,
        "admin.html",
        {
            "user": admin,
            "users": users,
            "teams": teams,
            "log": log,
            "error": error,
        },
        status=status,
    )


# ---- signing in ---------------------------------------------------------------------------
@routes.get("/staff/login")
async def login_page(request: web.Request) -> web.Response:
    return await _page(request, "login.html", {"error": None, "email": ""})


@routes.post("/staff/login")
async def login(request: web.Request) -> web.Response:
    form = await request.post()
    email = str(form.get("email", "")).strip().lower()[:320]
    password = str(form.get("password", ""))[:1000]
    limiter = request.app[LIMITER]
    address = request.remote or "unknown"
    keys = (f"ip:{address}", f"email:{email}")
    if await limiter.blocked(*keys):
        return await _page(
            request,
            "login.html",
            {"error": "Too many tries. Please wait 15 minutes, then try again.", "email": email},
            status=429,
        )
    bot = request.app[BOT]
    async with bot.sessions.begin() as db:
        user = await staff.find_user_by_email(db, email) if email else None
        valid = verify_password(user.password_hash if user else DUMMY_HASH, password)
        if user is None or not valid or not user.active:
            await limiter.failed(*keys)
            await audit.record(db, "sign_in_failed", staff_user_id=user.id if user else None)
            return await _page(
                request,
                "login.html",
                {"error": "The email or password is not right.", "email": email},
                status=401,
            )
        await limiter.succeeded(*keys)
        await audit.record(db, "sign_in", staff_user_id=user.id)
        user_id = user.id
    session = await new_session(request)
    session["user_id"] = user_id
    csrf_token(session)
    raise web.HTTPSeeOther("/staff/")


@routes.post("/staff/logout")
async def logout(request: web.Request) -> web.Response:
    session = await get_session(request)
    session.invalidate()
    raise web.HTTPSeeOther("/staff/login")


# ---- the inbox ----------------------------------------------------------------------------
@routes.get("/staff/")
async def inbox(request: web.Request) -> web.Response:
    user = await current_user(request)
    filters = _filters(request.query)
    bot = request.app[BOT]
    async with bot.sessions.begin() as db:
        rows = await store.list_feedback_for_teams(db, user.team_ids, filters)
        await audit.record(db, "list", staff_user_id=user.id, detail=f"{len(rows)} shown")
    teams = {team.id: team.name for team in user.teams}
    return await _page(
        request,
        "inbox.html",
        {
            "user": user,
            "rows": rows,
            "filters": filters,
            "teams": teams,
            "query": request.query_string,
        },
    )


@routes.get("/staff/feedback/{feedback_id}")
async def feedback_page(request: web.Request) -> web.Response:
    user = await current_user(request)
    bot = request.app[BOT]
    async with bot.sessions.begin() as db:
        row = await store.get_feedback_for_teams(db, _feedback_id(request), user.team_ids)
        if row is None:
            raise web.HTTPNotFound()
        if row.status == "new":
            row.status, row.read_at = "read", utcnow()
        await audit.record(db, "read", staff_user_id=user.id, feedback_id=row.id)
    return await _feedback_view(request, user, row)


@routes.post("/staff/feedback/{feedback_id}/status")
async def set_status(request: web.Request) -> web.Response:
    user = await current_user(request)
    form = await request.post()
    status = str(form.get("status", ""))
    if status not in STATUS_NAMES:
        raise web.HTTPBadRequest(text="Pick a status from the list.")
    async with request.app[BOT].sessions.begin() as db:
        row = await store.get_feedback_for_teams(db, _feedback_id(request), user.team_ids)
        if row is None:
            raise web.HTTPNotFound()
        row.status = status
        await audit.record(db, "status", staff_user_id=user.id, feedback_id=row.id, detail=status)
    raise web.HTTPSeeOther(f"/staff/feedback/{row.id}")


@routes.post("/staff/feedback/{feedback_id}/respond")
async def respond(request: web.Request) -> web.Response:
    user = await current_user(request)
    form = await request.post()
    text = str(form.get("response", "")).strip()
    public = form.get("public") == "yes"
    bot = request.app[BOT]
    async with bot.sessions.begin() as db:
        row = await store.get_feedback_for_teams(db, _feedback_id(request), user.team_ids)
        if row is None:
            raise web.HTTPNotFound()
        if not text or len(text) > 5000:
            return await _feedback_view(
                request, user, row, error="Write an answer (up to 5,000 characters).", status=400
            )
        redactor = bot.feedback.redactor
        response = await store.add_response(
            db,
            store.ResponseRow(
                feedback_id=row.id,
                staff_user_id=user.id,
                text=text,
                public=public,
                public_text=redactor.redact(text).text if public else None,
                public_feedback=redactor.redact(row.text).text if public else None,
                created_at=utcnow(),
            ),
        )
        row.status = "answered"
        delivered = False
        if row.consent == "contact" and row.contact:
            address = bot.keys.decrypt(row.contact)
            db.add(
                store.DeliveryRow(
                    feedback_id=row.id,
                    response_id=response.id,
                    channel=str(address["channel"]),
                    person_key=row.person_key,
                    recipient=row.contact,
                    created_at=utcnow(),
                )
            )
            await conversations.mark_answer_waiting(db, f"{address['channel']}:{address['sender']}")
            delivered = True
        detail = "public" if public else "private"
        await audit.record(
            db,
            "respond",
            staff_user_id=user.id,
            feedback_id=row.id,
            detail=f"{detail}; sent to person: {'yes' if delivered else 'no'}",
        )
    raise web.HTTPSeeOther(f"/staff/feedback/{row.id}")


@routes.get("/staff/export.csv")
async def export_csv(request: web.Request) -> web.Response:
    user = await current_user(request)
    filters = _filters(request.query)
    async with request.app[BOT].sessions.begin() as db:
        rows = await store.list_feedback_for_teams(db, user.team_ids, filters, limit=None)
        await audit.record(db, "export", staff_user_id=user.id, detail=f"{len(rows)} rows, csv")
    body = io.StringIO()
    write_feedback_csv(body, rows)
    return web.Response(
        text=body.getvalue(),
        content_type="text/csv",
        charset="utf-8",
        headers={"Content-Disposition": 'attachment; filename="feedback.csv"'},
    )


EXPORT_FIELDS = (
    "id",
    "created_at",
    "team_id",
    "topic",
    "topics",
    "role",
    "area",
    "age_band",
    "consent",
    "status",
    "text",
)


def write_feedback_csv(target: io.StringIO | Any, rows: Any) -> None:
    """Feedback as CSV, without contact details; cells that could run as formulas are quoted."""
    writer = csv.writer(target)
    writer.writerow(EXPORT_FIELDS)
    for row in rows:
        values = [getattr(row, name) for name in EXPORT_FIELDS]
        writer.writerow([_safe_cell(value) for value in values])


def _safe_cell(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@routes.get("/staff/charts")
async def charts(request: web.Request) -> web.Response:
    user = await current_user(request)
    async with request.app[BOT].sessions.begin() as db:
        by_topic = await store.count_by(db, user.team_ids, "topic")
        by_month = await store.count_by(db, user.team_ids, "month")
        await audit.record(db, "charts", staff_user_id=user.id)
    return await _page(
        request,
        "charts.html",
        {
            "user": user,
            "charts": [
                ("Feedback by topic", [(TOPIC_NAMES.get(k, k), n) for k, n in by_topic]),
                ("Feedback by month", by_month),
            ],
        },
    )


# ---- admin --------------------------------------------------------------------------------
@routes.get("/staff/admin")
async def admin_page(request: web.Request) -> web.Response:
    return await _admin_view(request, await current_admin(request))


@routes.post("/staff/admin/users")
async def admin_create_user(request: web.Request) -> web.Response:
    admin = await current_admin(request)
    form = await request.post()
    email = str(form.get("email", "")).strip().lower()
    name = str(form.get("name", "")).strip()
    password = str(form.get("password", ""))
    team_ids = [str(t) for t in form.getall("teams", [])]
    error = None
    if "@" not in email or not name:
        error = "Give a name and an email address."
    try:
        password_hash = hash_password(password) if error is None else ""
    except ValueError as problem:
        error = str(problem).capitalize() + "."
    if error is None:
        async with request.app[BOT].sessions.begin() as db:
            if await staff.find_user_by_email(db, email):
                error = "There is already an account with that email."
            else:
                try:
                    created = await staff.create_user(
                        db,
                        email=email,
                        name=name,
                        password_hash=password_hash,
                        team_ids=team_ids,
                        is_admin=form.get("is_admin") == "yes",
                    )
                except LookupError as problem:
                    error = str(problem)
                else:
                    await audit.record(
                        db, "user_created", staff_user_id=admin.id, detail=f"user {created.id}"
                    )
    if error:
        return await _admin_view(request, admin, error=error, status=400)
    raise web.HTTPSeeOther("/staff/admin")


@routes.post("/staff/admin/users/{user_id}")
async def admin_update_user(request: web.Request) -> web.Response:
    admin = await current_admin(request)
    form = await request.post()
    try:
        user_id = int(request.match_info["user_id"])
    except ValueError as error:
        raise web.HTTPNotFound() from error
    async with request.app[BOT].sessions.begin() as db:
        target = await staff.get_user(db, user_id)
        if target is None:
            raise web.HTTPNotFound()
        try:
            await staff.set_user_teams(db, target, [str(t) for t in form.getall("teams", [])])
        except LookupError as error:
            raise web.HTTPBadRequest(text=str(error)) from error
        target.active = form.get("active") == "yes" or target.id == admin.id
        await audit.record(db, "user_updated", staff_user_id=admin.id, detail=f"user {user_id}")
    raise web.HTTPSeeOther("/staff/admin")


@routes.post("/staff/admin/teams")
async def admin_create_team(request: web.Request) -> web.Response:
    admin = await current_admin(request)
    form = await request.post()
    team_id = str(form.get("id", "")).strip().lower()
    name = str(form.get("name", "")).strip()
    if not team_id.replace("-", "").isalnum() or not name:
        raise web.HTTPBadRequest(text="A team needs an id (letters, numbers, dashes) and a name.")
    async with request.app[BOT].sessions.begin() as db:
        await staff.create_team(db, team_id, name)
        await audit.record(db, "team_created", staff_user_id=admin.id, detail=team_id)
    raise web.HTTPSeeOther("/staff/admin")


# ---- public -------------------------------------------------------------------------------
@routes.get("/you-said-we-did")
async def you_said_we_did(request: web.Request) -> web.Response:
    bot = request.app[BOT]
    async with bot.sessions() as db:
        answers = await store.list_published(db)
    teams = {team.id: team.name for team in bot.content.teams.values()}
    return await _page(request, "you_said_we_did.html", {"answers": answers, "teams": teams})


__all__ = ["BOT", "LIMITER", "routes", "write_feedback_csv"]
