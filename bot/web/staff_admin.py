"""Admin pages: staff in a table with a page each, the teams (their routing lives in
content/teams.yml), and the audit log with names, filters and pages. Admins only: anyone
else gets "not found"."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from aiohttp import web

from bot.passwords import hash_password
from bot.store import audit, staff
from bot.web.govuk import done, page_numbers, read_date, whole_number
from bot.web.staff import BOT, LIMITER, _page, _row_id, current_admin

routes = web.RouteTableDef()

# The audit log's actions in words; an action not listed here is shown as it is stored.
AUDIT_ACTIONS = {
    "sign_in": "Signed in",
    "sign_in_failed": "Sign-in failed",
    "sign_out": "Signed out",
    "list": "Looked at the inbox",
    "read": "Read feedback",
    "status": "Changed a status",
    "respond": "Answered feedback",
    "export": "Downloaded CSV",
    "charts": "Looked at charts",
    "publish": "Published",
    "publish_draft": "Saved a draft to publish",
    "withdraw": "Took off the public page",
    "user_created": "Added a staff member",
    "user_updated": "Changed a staff member",
    "team_created": "Added a team",
}
AUDIT_PER_PAGE, MAX_PAGE = 50, 10**6
_USER_IN_DETAIL = re.compile(r"\buser (\d+)")


def _named(detail: str, names: dict[int, str]) -> str:
    """An audit detail with the staff member it is about named: "user 3" -> "Sam Jones"."""
    return _USER_IN_DETAIL.sub(lambda found: names.get(int(found[1]), found[0]), detail)


@routes.get("/staff/admin")
async def admin_page(request: web.Request) -> web.Response:
    admin = await current_admin(request)
    async with request.app[BOT].sessions() as db:
        users = await staff.list_users(db)
        teams = await staff.list_teams(db)
    members = Counter(team.id for person in users for team in person.teams)
    return await _page(
        request, "admin.html", {"user": admin, "users": users, "teams": teams, "members": members}
    )


@dataclass(frozen=True, slots=True)
class _UserForm:
    name: str = ""
    email: str = ""
    password: str = ""
    team_ids: tuple[str, ...] = ()
    is_admin: bool = False
    active: bool = True
    unlock: bool = False


def _user_form(form: Any) -> _UserForm:
    return _UserForm(
        name=str(form.get("name", "")).strip()[:200],
        email=str(form.get("email", "")).strip().lower()[:320],
        password=str(form.get("password", ""))[:1000],
        team_ids=tuple(str(team) for team in form.getall("teams", [])),
        is_admin=form.get("is_admin") == "yes",
        active=form.get("active") == "yes",
        unlock=form.get("unlock") == "yes",
    )


async def _user_page(
    request: web.Request,
    admin: staff.StaffUser,
    values: _UserForm,
    *,
    person: staff.StaffUser | None = None,
    errors: dict[str, str] | None = None,
) -> web.Response:
    """The page to add a staff member (``person`` None) or to change one."""
    async with request.app[BOT].sessions() as db:
        teams = await staff.list_teams(db)
    locked = person is not None and await request.app[LIMITER].blocked(f"email:{person.email}")
    return await _page(
        request,
        "user.html",
        {
            "user": admin,
            "person": person,
            "values": values,
            "teams": teams,
            "locked": locked,
            "errors": errors or {},
        },
        status=400 if errors else 200,
    )


@routes.get("/staff/admin/users/new")
async def new_user_page(request: web.Request) -> web.Response:
    return await _user_page(request, await current_admin(request), _UserForm())


@routes.post("/staff/admin/users")
async def create_user(request: web.Request) -> web.Response:
    admin = await current_admin(request)
    values = _user_form(await request.post())
    errors: dict[str, str] = {}
    if not values.name:
        errors["name"] = "Enter their name"
    if "@" not in values.email:
        errors["email"] = "Enter an email address, like name@example.org"
    try:
        password_hash = hash_password(values.password)
    except ValueError as problem:
        errors["password"] = str(problem).capitalize()
    if not errors:
        async with request.app[BOT].sessions.begin() as db:
            if await staff.find_user_by_email(db, values.email):
                errors["email"] = "There is already an account with that email"
            else:
                try:
                    created = await staff.create_user(
                        db,
                        email=values.email,
                        name=values.name,
                        password_hash=password_hash,
                        team_ids=values.team_ids,
                        is_admin=values.is_admin,
                    )
                except LookupError as problem:
                    errors["teams"] = str(problem).capitalize()
                else:
                    detail = f"user {created.id}"
                    await audit.record(db, "user_created", staff_user_id=admin.id, detail=detail)
    if errors:
        return await _user_page(request, admin, values, errors=errors)
    raise await done(request, "user_created", "/staff/admin")


async def _person(db: Any, request: web.Request) -> staff.StaffUser:
    person = await staff.get_user(db, _row_id(request, "user_id"))
    if person is None:
        raise web.HTTPNotFound()
    return person


@routes.get("/staff/admin/users/{user_id}")
async def user_page(request: web.Request) -> web.Response:
    admin = await current_admin(request)
    async with request.app[BOT].sessions() as db:
        person = await _person(db, request)
    values = _UserForm(
        name=person.name,
        email=person.email,
        team_ids=tuple(person.team_ids),
        is_admin=person.is_admin,
        active=person.active,
    )
    return await _user_page(request, admin, values, person=person)


@routes.post("/staff/admin/users/{user_id}")
async def update_user(request: web.Request) -> web.Response:
    """Name, teams, admin and sign-in; an admin cannot lock themselves out."""
    admin = await current_admin(request)
    values = _user_form(await request.post())
    async with request.app[BOT].sessions() as db:
        person = await _person(db, request)
        known = {team.id for team in await staff.list_teams(db)}
    errors = {} if values.name else {"name": "Enter their name"}
    if unknown := set(values.team_ids) - known:
        errors["teams"] = f"There is no team called {', '.join(sorted(unknown))}"
    if errors:
        return await _user_page(request, admin, values, person=person, errors=errors)
    async with request.app[BOT].sessions.begin() as db:
        person = await _person(db, request)
        await staff.set_user_teams(db, person, values.team_ids)
        yourself = person.id == admin.id
        person.name = values.name
        person.is_admin = values.is_admin or yourself
        person.active = values.active or yourself
        if not person.active:
            person.session_version += 1  # signed out everywhere at once
        if values.unlock:
            person.failed_logins, person.locked_until = 0, None
            await request.app[LIMITER].succeeded(f"email:{person.email}")
        detail = f"user {person.id}" + ("; sign-in unlocked" if values.unlock else "")
        await audit.record(db, "user_updated", staff_user_id=admin.id, detail=detail)
    raise await done(request, "user_saved", "/staff/admin")


@routes.get("/staff/admin/audit")
async def audit_page(request: web.Request) -> web.Response:
    """The audit log, newest first: who did what and when, filtered and paged."""
    admin = await current_admin(request)
    query = request.query
    since = read_date(query, "since", "The from date")
    until = read_date(query, "until", "The to date")
    async with request.app[BOT].sessions() as db:
        users = await staff.list_users(db)
        actions = await audit.list_actions(db)
        names = {person.id: person.name for person in users}
        who = str(query.get("person", ""))
        action = str(query.get("action", ""))
        filters = audit.AuditFilter(
            staff_user_id=int(who) if who.isdigit() and int(who) in names else None,
            action=action if action in actions else None,
            since=since.value,
            until=until.value,
        )
        found = await audit.page_audit(
            db,
            filters,
            page=whole_number(query, "page", 1, MAX_PAGE),
            per_page=AUDIT_PER_PAGE,
        )
    kept = {
        name: str(value)
        for name, value in (
            ("person", filters.staff_user_id),
            ("action", filters.action),
            ("since", filters.since),
            ("until", filters.until),
        )
        if value is not None
    }
    return await _page(
        request,
        "audit.html",
        {
            "user": admin,
            "found": found,
            "names": names,
            "detail": lambda line: _named(line.detail, names),
            "people": sorted(users, key=lambda person: person.name.lower()),
            "actions": {name: AUDIT_ACTIONS.get(name, name) for name in actions},
            "filters": filters,
            "dates": (since, until),
            "errors": {date.first_wrong: date.error for date in (since, until) if date.error},
            "page": found.page,
            "pages": found.pages,
            "numbers": page_numbers(found.page, found.pages),
            "page_link": lambda number: "/staff/admin/audit?" + urlencode({**kept, "page": number}),
            "pagination_label": "Pages of the audit log",
        },
        status=400 if since.error or until.error else 200,
    )


__all__ = ["routes"]
