"""Admin: one team's email settings (where its notifications go, at once or a daily summary).

Admins only; the form carries the CSRF token like every staff form (the middleware in
bot/web/security.py checks it); each save goes to the audit log, without the address.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from bot.store import audit, staff
from bot.web.govuk import done
from bot.web.staff import BOT, _page, current_admin

routes = web.RouteTableDef()
_ADDRESS = re.compile(r"^[^@\s<>\"',;]+@[^@\s<>\"',;]+\.[^@\s<>\"',;]+$")
HOURS = [(hour, f"{hour % 12 or 12}{'am' if hour < 12 else 'pm'}") for hour in range(24)]


@dataclass(slots=True)
class TeamForm:
    """What the admin sent, and what is wrong with it (field id -> message)."""

    notify_email: str = ""
    notify_mode: str = "off"
    digest_hour: int = 8
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, form: Any) -> TeamForm:
        sent = cls(
            notify_email=str(form.get("notify_email", "")).strip()[:400],
            notify_mode=str(form.get("notify_mode", "")),
        )
        if sent.notify_mode not in staff.NOTIFY_MODES:
            sent.notify_mode = "off"
            sent.errors["notify-mode"] = "Choose when the team gets email"
        hour = str(form.get("digest_hour", "8"))
        if hour.isdigit() and len(hour) <= 2 and 0 <= int(hour) <= 23:
            sent.digest_hour = int(hour)
        else:
            sent.errors["digest-hour"] = "Choose an hour for the daily summary"
        address = sent.notify_email
        if address and (len(address) > 320 or not _ADDRESS.match(address)):
            sent.errors["notify-email"] = (
                "Enter an email address in the correct format, like team@example.org"
            )
        elif not sent.notify_email and sent.notify_mode != "off":
            sent.errors["notify-email"] = "Enter the email address the team wants to use"
        return sent


def _team_id(request: web.Request) -> str:
    team_id = request.match_info["team_id"]
    if not re.fullmatch(r"[a-z0-9-]{1,80}", team_id):
        raise web.HTTPNotFound()
    return team_id


async def _team_view(
    request: web.Request,
    admin: staff.StaffUser,
    team: staff.TeamRow,
    form: TeamForm,
    *,
    status: int = 200,
) -> web.Response:
    return await _page(
        request,
        "team.html",
        {
            "user": admin,
            "team": team,
            "form": form,
            "modes": staff.NOTIFY_MODES,
            "hours": HOURS,
            "errors": form.errors,
            "email_on": request.app[BOT].mailer is not None,
        },
        status=status,
    )


@routes.get("/staff/admin/teams/{team_id}")
async def team_page(request: web.Request) -> web.Response:
    admin = await current_admin(request)
    async with request.app[BOT].sessions() as db:
        team = await staff.get_team(db, _team_id(request))
    if team is None:
        raise web.HTTPNotFound()
    form = TeamForm(team.notify_email or "", team.notify_mode, team.digest_hour)
    return await _team_view(request, admin, team, form)


@routes.post("/staff/admin/teams/{team_id}")
async def save_team(request: web.Request) -> web.Response:
    """Validate -> save -> back to the page with a "saved" banner (or the errors, 400)."""
    admin = await current_admin(request)
    sent = TeamForm.read(await request.post())
    async with request.app[BOT].sessions.begin() as db:
        team = await staff.get_team(db, _team_id(request))
        if team is None:
            raise web.HTTPNotFound()
        if sent.errors:
            return await _team_view(request, admin, team, sent, status=400)
        team.notify_email = sent.notify_email or None
        team.notify_mode = sent.notify_mode
        team.digest_hour = sent.digest_hour
        await audit.record(
            db,
            "team_updated",
            staff_user_id=admin.id,
            detail=f"team {team.id}: email {sent.notify_mode}",
        )
    raise await done(request, "team_saved", f"/staff/admin/teams/{team.id}")


__all__ = ["routes"]
