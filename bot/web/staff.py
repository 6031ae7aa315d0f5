"""Staff pages: sign in, the inbox of your teams' feedback, answer, export, charts, admin.

Thin handlers: validate -> act (through bot/store) -> respond. Every read, export, answer and
sign-in goes to the audit log. Staff see only their own teams' feedback: anything else is
"not found", so its existence is not revealed.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import asdict, dataclass, replace
from typing import Any
from urllib.parse import urlencode

import aiohttp_jinja2
from aiohttp import web
from aiohttp_session import get_session, new_session

from bot.app import GetInvolved
from bot.engine.state import utcnow
from bot.passwords import DUMMY_HASH, verify_password
from bot.privacy.redact import Redactor
from bot.store import audit, conversations, staff
from bot.store import feedback as store
from bot.uktime import UK_TIME, in_words
from bot.web.govuk import (
    DateInput,
    done,
    page_numbers,
    read_date,
    take_done,
    whole_number,
)
from bot.web.security import LoginLimiter, csrf_token

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
MAX_ROW_ID = 2**31 - 1  # the largest id a PostgreSQL integer column holds


async def _page(
    request: web.Request, template: str, context: dict[str, Any], status: int = 200
) -> web.Response:
    session = await get_session(request)
    context.setdefault("csrf_token", csrf_token(session))
    context.setdefault("topic_names", TOPIC_NAMES)
    context.setdefault("area_names", AREA_NAMES)
    context.setdefault("status_names", STATUS_NAMES)
    context.setdefault("errors", {})
    if "done" not in context:
        context["done"] = await take_done(request)
    response = aiohttp_jinja2.render_template(template, request, context, status=status)
    return response


async def current_user(request: web.Request) -> staff.StaffUser:
    """The signed-in staff member, or a redirect to the sign-in page."""
    session = await get_session(request)
    user_id = session.get("user_id")
    if isinstance(user_id, int):
        async with request.app[BOT].sessions() as db:
            user = await staff.get_user(db, user_id)
        if user is not None and user.active and session.get("version") == user.session_version:
            return user  # a cookie from before the last sign-out has an old version
    raise web.HTTPSeeOther("/staff/login")


async def current_admin(request: web.Request) -> staff.StaffUser:
    user = await current_user(request)
    if not user.is_admin:
        raise web.HTTPNotFound()
    return user


def when(moment: dt.datetime | None) -> str:
    """A date with its time, in UK time, as GOV.UK writes it: "29 November 2026, 10:05"."""
    if moment is None:
        return ""
    if moment.tzinfo is None:  # SQLite gives back UTC without its time zone
        moment = moment.replace(tzinfo=dt.UTC)
    local = moment.astimezone(UK_TIME)
    return f"{local.day} {local:%B %Y, %H:%M}"


def _applied(filters: store.FeedbackFilter) -> list[tuple[str, str]]:
    """The filters in use, in words, for the tags above the list."""
    applied = []
    if filters.status:
        applied.append(("Status", STATUS_NAMES[filters.status]))
    if filters.topic:
        applied.append(("Topic", TOPIC_NAMES[filters.topic]))
    if filters.area:
        applied.append(("Area", AREA_NAMES[filters.area]))
    if filters.answer:
        applied.append(("Answer", store.ANSWER_FILTERS[filters.answer]))
    if filters.since:
        applied.append(("From", in_words(filters.since)))
    if filters.until:
        applied.append(("To", in_words(filters.until)))
    return applied


def _without_filters(kept: dict[str, str]) -> dict[str, str]:
    return {key: value for key, value in kept.items() if key in ("sort", "per_page")}


def _due_before(request: web.Request) -> dt.datetime:
    """Items received before this, still waiting for an answer, are overdue."""
    return store.overdue_cutoff(utcnow(), request.app[BOT].settings.answer_target_days)


def _filters(
    query: Any, due_before: dt.datetime | None = None
) -> tuple[store.FeedbackFilter, tuple[DateInput, DateInput]]:
    """The inbox filters from the query string, and the two date inputs as typed (a date
    with an error filters nothing and is shown with its error)."""

    def one_of(name: str, allowed: Any) -> str | None:
        value = query.get(name) or None
        return value if value in allowed else None

    since = read_date(query, "since", "The from date")
    until = read_date(query, "until", "The to date")
    if since.value and until.value and until.value < since.value:
        until = replace(until, value=None, error="The to date must be on or after the from date")
    filters = store.FeedbackFilter(
        status=one_of("status", STATUS_NAMES),
        topic=one_of("topic", TOPIC_NAMES),
        area=one_of("area", AREA_NAMES),
        since=since.value,
        until=until.value,
        answer=one_of("answer", store.ANSWER_FILTERS),
        due_before=due_before,
    )
    return filters, (since, until)


PER_PAGE, MAX_PER_PAGE, MAX_PAGE = 50, 200, 10**6


def _row_id(request: web.Request, name: str) -> int:
    """A numeric id from the path; anything that cannot be a row (not a number, 0, beyond a
    database integer) is "not found", never a server error."""
    text = request.match_info[name]
    if not text.isdigit() or len(text) > 10 or not 0 < int(text) <= MAX_ROW_ID:
        raise web.HTTPNotFound()
    return int(text)


def _feedback_id(request: web.Request) -> int:
    return _row_id(request, "feedback_id")


async def _feedback_view(
    request: web.Request,
    user: staff.StaffUser,
    row: store.FeedbackRow,
    *,
    publication: store.PublicationRow | None = None,
    errors: dict[str, str] | None = None,
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
            "publication": publication,
            "errors": errors or {},
            "contact": bot.keys.decrypt(row.contact) if row.contact else None,
            "team": team.name if team else row.team_id,
        },
        status=status,
    )


# ---- signing in ---------------------------------------------------------------------------
@routes.get("/staff/login")
async def login_page(request: web.Request) -> web.Response:
    return await _page(request, "login.html", {"email": ""})


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
            {
                "errors": {"email": "Too many tries. Wait 15 minutes, then try again"},
                "email": email,
            },
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
                {"errors": {"email": "The email or password is not right"}, "email": email},
                status=401,
            )
        await limiter.succeeded(*keys)
        await audit.record(db, "sign_in", staff_user_id=user.id)
        user_id, version = user.id, user.session_version
    session = await new_session(request)
    session["user_id"] = user_id
    session["version"] = version
    csrf_token(session)
    raise web.HTTPSeeOther("/staff/")


@routes.post("/staff/logout")
async def logout(request: web.Request) -> web.Response:
    """Sign out for good: the user's session version moves on, so this cookie, any copy of it
    and any other session of theirs stop working on every worker."""
    session = await get_session(request)
    user_id = session.get("user_id")
    if isinstance(user_id, int):
        async with request.app[BOT].sessions.begin() as db:
            user = await staff.get_user(db, user_id)
            if user is not None:
                user.session_version += 1
                await audit.record(db, "sign_out", staff_user_id=user.id)
    session.invalidate()
    raise web.HTTPSeeOther("/staff/login")


# ---- the inbox ----------------------------------------------------------------------------
@routes.get("/staff/")
async def inbox(request: web.Request) -> web.Response:
    user = await current_user(request)
    due_before = _due_before(request)
    filters, dates = _filters(request.query, due_before)
    sort = request.query.get("sort", "newest")
    sort = sort if sort in store.SORTS else "newest"
    bot = request.app[BOT]
    async with bot.sessions.begin() as db:
        found = await store.page_feedback_for_teams(
            db,
            user.team_ids,
            filters,
            page=whole_number(request.query, "page", 1, MAX_PAGE),
            per_page=whole_number(request.query, "per_page", PER_PAGE, MAX_PER_PAGE),
            sort=sort,
        )
        rows = found.rows
        await audit.record(db, "list", staff_user_id=user.id, detail=f"{len(rows)} shown")
    teams = {team.id: team.name for team in user.teams}
    # what the pagination links and the CSV link keep: the filters and sort, never a page
    kept = {
        key: str(value)
        for key, value in asdict(filters).items()
        if value is not None and key != "due_before"
    }
    if sort != "newest":
        kept["sort"] = sort
    if found.per_page != PER_PAGE:
        kept["per_page"] = str(found.per_page)
    return await _page(
        request,
        "inbox.html",
        {
            "user": user,
            "rows": rows,
            "found": found,
            "sort": sort,
            "kept": kept,
            "answer_filters": store.ANSWER_FILTERS,
            "applied": _applied(filters),
            "clear_link": "/staff/"
            + ("?" + urlencode(cleared) if (cleared := _without_filters(kept)) else ""),
            "sorts": store.SORTS,
            "page": found.page,
            "pages": found.pages,
            "numbers": page_numbers(found.page, found.pages),
            "page_link": lambda number: "/staff/?" + urlencode({**kept, "page": number}),
            "pagination_label": "Pages of feedback",
            "filters": filters,
            "dates": dates,
            "errors": {date.first_wrong: date.error for date in dates if date.error},
            "teams": teams,
            "query": urlencode({k: v for k, v in kept.items() if k not in ("sort", "per_page")}),
        },
        status=400 if any(date.error for date in dates) else 200,
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
        publication = await store.get_publication(db, row.id)
        await audit.record(db, "read", staff_user_id=user.id, feedback_id=row.id)
    return await _feedback_view(request, user, row, publication=publication)


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
    raise await done(request, "status", f"/staff/feedback/{row.id}")


@routes.post("/staff/feedback/{feedback_id}/respond")
async def respond(request: web.Request) -> web.Response:
    user = await current_user(request)
    form = await request.post()
    text = str(form.get("response", "")).strip()
    bot = request.app[BOT]
    async with bot.sessions.begin() as db:
        row = await store.get_feedback_for_teams(db, _feedback_id(request), user.team_ids)
        if row is None:
            raise web.HTTPNotFound()
        if not text or len(text) > 5000:
            problem = "Write an answer" if not text else "Keep the answer to 5,000 characters"
            return await _feedback_view(
                request, user, row, errors={"response": problem}, status=400
            )
        response = await store.add_response(
            db,
            store.ResponseRow(
                feedback_id=row.id, staff_user_id=user.id, text=text, created_at=utcnow()
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
            if bot.mailer is not None:  # and to their email, if they gave one (bot/notify/)
                await bot.mailer.answer_given(
                    db,
                    feedback_id=row.id,
                    team_id=row.team_id,
                    response_id=response.id,
                    contact=address,
                )
        await audit.record(
            db,
            "respond",
            staff_user_id=user.id,
            feedback_id=row.id,
            detail=f"sent to person: {'yes' if delivered else 'no'}",
        )
    code = "answer_sent" if delivered else "answer_saved"
    raise await done(request, code, f"/staff/feedback/{row.id}")


@routes.get("/staff/export.csv")
async def export_csv(request: web.Request) -> web.Response:
    user = await current_user(request)
    filters, _ = _filters(request.query, _due_before(request))
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


def _month(key: str) -> str:
    """ "2026-11" as GOV.UK writes it: "November 2026"."""
    try:
        return f"{dt.date.fromisoformat(key + '-01'):%B %Y}"
    except ValueError:
        return key


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
                ("Feedback by month", [(_month(key), n) for key, n in by_month]),
            ],
        },
    )


# ---- public -------------------------------------------------------------------------------
@routes.get("/you-said-we-did")
async def you_said_we_did(request: web.Request) -> web.Response:
    bot = request.app[BOT]
    async with bot.sessions() as db:
        entries = await store.list_publications(db)
    teams = {team.id: team.name for team in bot.content.teams.values()}
    return await _page(request, "you_said_we_did.html", {"entries": entries, "teams": teams})


# ---- publishing (journey 4): a separate step, previewed, with the person's consent ----------
@dataclass(frozen=True, slots=True)
class _Draft:
    own_words: bool
    you_said: str  # as the staff member wrote it (their summary), before redaction
    we_did: str

    def shown(self, row: store.FeedbackRow, redactor: Redactor) -> tuple[str, str]:
        """What the public page shows: (you said, we did), personal details removed."""
        said = row.text if self.own_words else self.you_said
        return redactor.redact(said).text, redactor.redact(self.we_did).text


def _draft_from(form: Any) -> _Draft:
    return _Draft(
        own_words=form.get("own_words") == "yes",
        you_said=str(form.get("you_said", "")).strip(),
        we_did=str(form.get("we_did", "")).strip(),
    )


def _draft_problems(draft: _Draft, row: store.FeedbackRow) -> dict[str, str]:
    """What to put right before publishing, by the id of the field it is about."""
    problems = {}
    if draft.own_words and not row.publish_consent:
        problems["you_said"] = "This person did not agree to show their own words. Write a summary"
    elif not draft.own_words and not draft.you_said:
        problems["you_said"] = "Write what they said, in your own words"
    elif len(draft.you_said) > 1000:
        problems["you_said"] = "Keep what they said to 1,000 characters"
    if not draft.we_did:
        problems["we_did"] = "Write what the team did or will do"
    elif len(draft.we_did) > 2000:
        problems["we_did"] = "Keep what you did to 2,000 characters"
    return problems


async def _publish_view(
    request: web.Request,
    user: staff.StaffUser,
    row: store.FeedbackRow,
    publication: store.PublicationRow | None,
    draft: _Draft,
    *,
    preview: bool = False,
    errors: dict[str, str] | None = None,
    status: int = 200,
) -> web.Response:
    redactor = request.app[BOT].feedback.redactor
    said, did = draft.shown(row, redactor)
    return await _page(
        request,
        "publish.html",
        {
            "user": user,
            "row": row,
            "publication": publication,
            "draft": draft,
            "own_words_shown": redactor.redact(row.text).text,
            "preview": {"said": said, "did": did} if preview and not errors else None,
            "errors": errors or {},
        },
        status=status,
    )


@routes.get("/staff/feedback/{feedback_id}/publish")
async def publish_page(request: web.Request) -> web.Response:
    user = await current_user(request)
    async with request.app[BOT].sessions() as db:
        row = await store.get_feedback_for_teams(db, _feedback_id(request), user.team_ids)
        if row is None:
            raise web.HTTPNotFound()
        publication = await store.get_publication(db, row.id)
    if publication is not None:
        draft = _Draft(publication.own_words, publication.you_said, publication.we_did)
    else:
        latest = row.responses[-1].text if row.responses else ""
        draft = _Draft(own_words=row.publish_consent, you_said="", we_did=latest)
    return await _publish_view(request, user, row, publication, draft)


@routes.post("/staff/feedback/{feedback_id}/publish")
async def publish(request: web.Request) -> web.Response:
    """Preview, keep as a draft, or publish; only the preview shows what the public will see."""
    user = await current_user(request)
    form = await request.post()
    action = str(form.get("action", "preview"))
    bot = request.app[BOT]
    draft = _draft_from(form)
    async with bot.sessions.begin() as db:
        row = await store.get_feedback_for_teams(db, _feedback_id(request), user.team_ids)
        if row is None:
            raise web.HTTPNotFound()
        publication = await store.get_publication(db, row.id)
        problems = _draft_problems(draft, row)
        if problems or action == "preview":
            return await _publish_view(
                request,
                user,
                row,
                publication,
                draft,
                preview=True,
                errors=problems,
                status=400 if problems else 200,
            )
        said, did = draft.shown(row, bot.feedback.redactor)
        now = utcnow()
        if publication is None:
            publication = store.PublicationRow(feedback_id=row.id, team_id=row.team_id)
            publication.created_at = now
            db.add(publication)
        publication.own_words = draft.own_words
        publication.you_said = said
        publication.we_did = did
        publication.staff_user_id = user.id
        publication.updated_at = now
        publication.status = "published" if action == "publish" else "draft"
        if action == "publish" and publication.published_at is None:
            publication.published_at = now
        await db.flush()
        await audit.record(
            db,
            "publish" if action == "publish" else "publish_draft",
            staff_user_id=user.id,
            feedback_id=row.id,
            detail=f"publication {publication.id}; {'own words' if draft.own_words else 'summary'}",
        )
    code = "publish" if action == "publish" else "draft"
    raise await done(request, code, f"/staff/feedback/{row.id}")


@routes.post("/staff/feedback/{feedback_id}/withdraw")
async def withdraw(request: web.Request) -> web.Response:
    user = await current_user(request)
    async with request.app[BOT].sessions.begin() as db:
        row = await store.get_feedback_for_teams(db, _feedback_id(request), user.team_ids)
        if row is None:
            raise web.HTTPNotFound()
        publication = await store.get_publication(db, row.id)
        if publication is None:
            raise web.HTTPNotFound()
        publication.status, publication.updated_at = "withdrawn", utcnow()
        await audit.record(
            db,
            "withdraw",
            staff_user_id=user.id,
            feedback_id=row.id,
            detail=f"publication {publication.id}",
        )
    raise await done(request, "withdraw", f"/staff/feedback/{row.id}")


__all__ = ["BOT", "LIMITER", "routes", "write_feedback_csv"]
