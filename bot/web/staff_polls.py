"""Staff: quick polls for their teams. Write one question with 2-5 answers for an audience,
preview it, open it (it is offered in the web chat, and sent as alerts to people who opted in),
close it, see the results and publish them.

The small-group rule: no results at all, to staff or the public, under 10 answers; a breakdown
row (by role, area or age band) under 10 shows "fewer than 10". Every form carries the CSRF
token (bot/web/security.py checks it); every action goes to the audit log; staff see only their
own teams' polls (anything else is "not found").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from bot.alerts import queue_alerts
from bot.engine.state import utcnow
from bot.polls.words import (
    AGE_BAND_NAMES,
    AREA_NAMES,
    BREAKDOWN_NAMES,
    INTEREST_NAMES,
    ROLE_NAMES,
    audience_words,
)
from bot.store import audit, staff
from bot.store import polls as store
from bot.web.govuk import DONE_MESSAGES, done
from bot.web.staff import BOT, _page, current_user, when

routes = web.RouteTableDef()
MAX_CHOICES = 5
MIN_CHOICES = 2
MAX_QUESTION = 200
MAX_CHOICE = 60
STATUS_NAMES = {"draft": "Draft", "open": "Open", "closed": "Closed"}
BREAKDOWN_TITLES = {"role": "By who they are", "area": "By area", "age_band": "By age"}

DONE_MESSAGES.update(
    {
        "poll_saved": "Poll saved as a draft. Nobody sees it until you open it.",
        "poll_opened": "Poll opened. People it fits will be asked it.",
        "poll_closed": "Poll closed. It takes no more answers.",
        "poll_published": "Results published on the public page.",
        "poll_withdrawn": "Results taken off the public page.",
    }
)


@dataclass(slots=True)
class PollForm:
    """What the staff member sent, and what is wrong with it (field id -> message)."""

    team_id: str = ""
    question: str = ""
    choices: list[str] = field(default_factory=lambda: [""] * MAX_CHOICES)
    roles: list[str] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    age_min: str = ""
    age_max: str = ""
    errors: dict[str, str] = field(default_factory=dict)

    @classmethod
    def read(cls, form: Any, team_ids: list[str]) -> PollForm:
        sent = cls(
            team_id=str(form.get("team", "")),
            question=" ".join(str(form.get("question", "")).split()),
            choices=[
                " ".join(str(form.get(f"choice_{n}", "")).split())[:200]
                for n in range(1, MAX_CHOICES + 1)
            ],
            roles=[r for r in form.getall("roles", []) if r in ROLE_NAMES],
            areas=[a for a in form.getall("areas", []) if a in AREA_NAMES],
            interests=[i for i in form.getall("interests", []) if i in INTEREST_NAMES],
            age_min=str(form.get("age_min", "")).strip()[:6],
            age_max=str(form.get("age_max", "")).strip()[:6],
        )
        if sent.team_id not in team_ids:
            sent.errors["team"] = "Choose the team the poll is from"
        if not sent.question:
            sent.errors["question"] = "Enter the question"
        elif len(sent.question) > MAX_QUESTION:
            sent.errors["question"] = f"The question must be {MAX_QUESTION} characters or fewer"
        filled = [choice for choice in sent.choices if choice]
        if len(filled) < MIN_CHOICES:
            first_empty = next(n for n, c in enumerate(sent.choices, 1) if not c)
            sent.errors[f"choice-{first_empty}"] = "Enter at least 2 answers"
        elif any(len(choice) > MAX_CHOICE for choice in filled):
            long = next(n for n, c in enumerate(sent.choices, 1) if len(c) > MAX_CHOICE)
            sent.errors[f"choice-{long}"] = f"Each answer must be {MAX_CHOICE} characters or fewer"
        elif len({choice.lower() for choice in filled}) < len(filled):
            sent.errors["choice-1"] = "Each answer must be different"
        for name, value in (("age-min", sent.age_min), ("age-max", sent.age_max)):
            if value and not (value.isdigit() and 0 < int(value) < 120):
                sent.errors[name] = "Enter an age as a whole number, like 11"
        if (
            not sent.errors.get("age-min")
            and not sent.errors.get("age-max")
            and sent.age_min
            and sent.age_max
            and int(sent.age_min) > int(sent.age_max)
        ):
            sent.errors["age-max"] = "The oldest age must be the same as or more than the youngest"
        return sent

    @property
    def audience(self) -> dict[str, Any]:
        return {
            "roles": self.roles,
            "areas": self.areas,
            "age_min": int(self.age_min) if self.age_min else None,
            "age_max": int(self.age_max) if self.age_max else None,
            "interests": self.interests,
        }


def _poll_id(request: web.Request) -> int:
    text = request.match_info["poll_id"]
    if not text.isdigit() or len(text) > 9:
        raise web.HTTPNotFound()
    return int(text)


async def _own_poll(db: Any, user: staff.StaffUser, poll_id: int) -> store.PollRow:
    """The poll, if it belongs to one of the staff member's teams; otherwise not found."""
    poll = await store.get_poll(db, poll_id)
    if poll is None or poll.team_id not in user.team_ids:
        raise web.HTTPNotFound()
    return poll


def _team_names(user: staff.StaffUser) -> dict[str, str]:
    return {team.id: team.name for team in user.teams}


async def _refresh_snapshot(request: web.Request) -> None:
    desk = request.app[BOT].engine.polls
    if desk is not None:
        await desk.refresh()


def _vocabulary() -> dict[str, Any]:
    return {
        "role_names": ROLE_NAMES,
        "area_names_audience": AREA_NAMES,
        "interest_names": INTEREST_NAMES,
        "poll_status_names": STATUS_NAMES,
    }


@routes.get("/staff/polls")
async def polls_page(request: web.Request) -> web.Response:
    user = await current_user(request)
    async with request.app[BOT].sessions() as db:
        rows = await store.list_polls(db, user.team_ids)
        counts = {row.id: await store.answer_count(db, row.id) for row in rows}
    return await _page(
        request,
        "polls.html",
        {
            "user": user,
            "polls": rows,
            "counts": counts,
            "teams": _team_names(user),
            "small_group": store.SMALL_GROUP,
            **_vocabulary(),
        },
    )


async def _new_view(
    request: web.Request, user: staff.StaffUser, form: PollForm, status: int = 200
) -> web.Response:
    return await _page(
        request,
        "poll_new.html",
        {"user": user, "form": form, "errors": form.errors, "teams": _team_names(user)}
        | _vocabulary(),
        status=status,
    )


@routes.get("/staff/polls/new")
async def new_poll_page(request: web.Request) -> web.Response:
    user = await current_user(request)
    form = PollForm(team_id=user.team_ids[0] if len(user.team_ids) == 1 else "")
    return await _new_view(request, user, form)


@routes.post("/staff/polls/new")
async def create_poll(request: web.Request) -> web.Response:
    """Validate -> save a draft -> its preview (or the form with its errors, 400)."""
    user = await current_user(request)
    sent = PollForm.read(await request.post(), user.team_ids)
    if sent.errors:
        return await _new_view(request, user, sent, status=400)
    async with request.app[BOT].sessions.begin() as db:
        poll = await store.create_poll(
            db,
            team_id=sent.team_id,
            question=sent.question,
            choices=[choice for choice in sent.choices if choice],
            audience=sent.audience,
            created_by=user.id,
        )
        await audit.record(db, "poll_created", staff_user_id=user.id, detail=f"poll {poll.id}")
        poll_id = poll.id
    raise await done(request, "poll_saved", f"/staff/polls/{poll_id}")


@routes.get("/staff/polls/{poll_id}")
async def poll_page(request: web.Request) -> web.Response:
    """The preview: the question as people see it in the chat, who it is for, and actions."""
    user = await current_user(request)
    async with request.app[BOT].sessions() as db:
        poll = await _own_poll(db, user, _poll_id(request))
        count = await store.answer_count(db, poll.id)
    return await _page(
        request,
        "poll.html",
        {
            "user": user,
            "poll": poll,
            "count": count,
            "team_name": _team_names(user).get(poll.team_id, poll.team_id),
            "audience": audience_words(poll.audience),
            "opened": when(poll.opened_at),
            "closed": when(poll.closed_at),
            "small_group": store.SMALL_GROUP,
            **_vocabulary(),
        },
    )


async def _change(request: web.Request, action: str) -> web.HTTPSeeOther:
    user = await current_user(request)
    poll_id = _poll_id(request)
    async with request.app[BOT].sessions.begin() as db:
        poll = await _own_poll(db, user, poll_id)
        now = utcnow()
        if action == "open" and poll.status == "draft":
            poll.status, poll.opened_at = "open", now
            # people who asked to be told get the question as an alert (Telegram buttons)
            await queue_alerts(db, kind="poll", ref_id=poll.id, audience=poll.audience, now=now)
        elif action == "close" and poll.status == "open":
            poll.status, poll.closed_at = "closed", now
        elif action == "publish" and poll.published_at is None:
            if await store.answer_count(db, poll.id) < store.SMALL_GROUP:
                raise web.HTTPSeeOther(f"/staff/polls/{poll.id}/results")  # nothing to publish
            poll.published_at = now
            if poll.status == "open":  # published numbers never change: a new answer would show
                poll.status, poll.closed_at = "closed", now
        elif action == "withdraw" and poll.published_at is not None:
            poll.published_at = None
        else:  # already done (a second click, or an old page): nothing changes
            raise web.HTTPSeeOther(f"/staff/polls/{poll.id}")
        await audit.record(db, f"poll_{action}", staff_user_id=user.id, detail=f"poll {poll.id}")
    if action in ("open", "close", "publish"):
        await _refresh_snapshot(request)
    code = {
        "open": "poll_opened",
        "close": "poll_closed",
        "publish": "poll_published",
        "withdraw": "poll_withdrawn",
    }[action]
    page = "results" if action in ("publish", "withdraw") else ""
    return await done(request, code, f"/staff/polls/{poll_id}" + (f"/{page}" if page else ""))


@routes.post("/staff/polls/{poll_id}/open")
async def open_poll(request: web.Request) -> web.Response:
    raise await _change(request, "open")


@routes.post("/staff/polls/{poll_id}/close")
async def close_poll(request: web.Request) -> web.Response:
    raise await _change(request, "close")


@routes.post("/staff/polls/{poll_id}/publish")
async def publish_results(request: web.Request) -> web.Response:
    raise await _change(request, "publish")


@routes.post("/staff/polls/{poll_id}/withdraw")
async def withdraw_results(request: web.Request) -> web.Response:
    raise await _change(request, "withdraw")


def _results_context(poll: store.PollRow, results: store.Results) -> dict[str, Any]:
    return {
        "poll": poll,
        "results": results,
        "breakdown_titles": BREAKDOWN_TITLES,
        "small_group": store.SMALL_GROUP,
        "age_band_names": AGE_BAND_NAMES,
    }


@routes.get("/staff/polls/{poll_id}/results")
async def results_page(request: web.Request) -> web.Response:
    user = await current_user(request)
    async with request.app[BOT].sessions.begin() as db:
        poll = await _own_poll(db, user, _poll_id(request))
        results = await store.results(db, poll, BREAKDOWN_NAMES)
        await audit.record(db, "poll_results_read", staff_user_id=user.id, detail=f"poll {poll.id}")
    return await _page(
        request,
        "poll_results.html",
        {
            "user": user,
            "team_name": _team_names(user).get(poll.team_id, poll.team_id),
            "published": when(poll.published_at),
            **_results_context(poll, results),
        },
    )


@routes.get("/polls/{poll_id}/results")
async def public_results(request: web.Request) -> web.Response:
    """Published results, for anyone; not found unless published and from 10 answers."""
    async with request.app[BOT].sessions() as db:
        poll = await store.get_poll(db, _poll_id(request))
        if poll is None or poll.published_at is None:
            raise web.HTTPNotFound()
        results = await store.results(db, poll, BREAKDOWN_NAMES)
    if not results.shown:
        raise web.HTTPNotFound()
    team = request.app[BOT].content.teams.get(poll.team_id)
    return await _page(
        request,
        "poll_public.html",
        {
            "user": None,
            "team_name": team.name if team else poll.team_id,
            "published": when(poll.published_at),
            **_results_context(poll, results),
        },
    )


__all__ = ["routes"]
