"""Staff pages for opportunities: the list of their teams' opportunities, writing one (saved
as a draft), the preview (the card people will see), publishing, editing and closing.

Thin handlers like the other staff pages: validate -> act (bot/store/opportunities.py) ->
redirect with a banner. Staff see and change only their own teams' opportunities (anything
else is "not found"); every action goes to the audit log, with ids only. On save, the text is
checked against the same plain-English rules as `getinvolved content check`, and what it finds
is shown next to the fields as warnings: only empty required fields stop a save.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from bot.alerts import queue_alerts
from bot.content.links import link_problems, title_problems
from bot.content.readability import assess
from bot.engine.replies import Reply
from bot.engine.state import ConversationState, utcnow
from bot.opportunities.match import AREAS, INTERESTS, ROLES
from bot.opportunities.offers import Offer, offer_replies
from bot.store import audit, staff
from bot.store import opportunities as store
from bot.uktime import in_words
from bot.web.govuk import DONE_MESSAGES, DateInput, done, read_date
from bot.web.staff import AREA_NAMES, BOT, TOPIC_NAMES, _page, _row_id, current_user

routes = web.RouteTableDef()
MAX_LINKS = 3
MAX_TITLE = 120
MAX_TEXT = 2000
ROLE_NAMES = {
    "young_person": "Young people",
    "parent_carer": "Parents and carers",
    "professional": "People who work with children or families",
    "other": "Anyone else",
}
STATUS_NAMES = {"draft": "Draft", "published": "Published", "closed": "Closed"}
STATUS_TAGS = {"draft": "govuk-tag--grey", "published": "govuk-tag--green", "closed": ""}
DONE_MESSAGES.update(
    {
        "opportunity_draft": "Saved as a draft. People cannot see it yet.",
        "opportunity_saved": "Changes saved.",
        "opportunity_published": "Published. People it fits are offered it in the chat.",
        "opportunity_closed": "Closed. It is no longer offered in the chat.",
    }
)


def setup_staff_opportunities(app: web.Application) -> None:
    app.router.add_routes(routes)


@dataclass(slots=True)
class OpportunityForm:
    """What the staff member sent; ``errors`` stop a save, ``warnings`` (plain English) do not.
    Both map a field's id to messages."""

    team_id: str = ""
    title: str = ""
    summary: str = ""
    roles: list[str] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    age_min: str = ""
    age_max: str = ""
    starts_on: DateInput = field(default_factory=lambda: DateInput("starts-on", "The start date"))
    ends_on: DateInput = field(default_factory=lambda: DateInput("ends-on", "The end date"))
    closes_on: DateInput = field(default_factory=lambda: DateInput("closes-on", "The closing date"))
    place: str = ""
    links: list[tuple[str, str]] = field(default_factory=lambda: [("", "")] * MAX_LINKS)
    adjustments: str = ""
    errors: dict[str, str] = field(default_factory=dict)
    warnings: dict[str, list[str]] = field(default_factory=dict)

    @classmethod
    def read(cls, form: Any, team_ids: list[str]) -> OpportunityForm:
        sent = cls(
            team_id=str(form.get("team_id", "")),
            title=_text(form, "title", MAX_TITLE + 50),
            summary=_text(form, "summary", MAX_TEXT + 50),
            roles=[r for r in form.getall("roles", []) if r in ROLES],
            areas=[a for a in form.getall("areas", []) if a in AREAS],
            interests=[i for i in form.getall("interests", []) if i in INTERESTS],
            age_min=_text(form, "age_min", 6),
            age_max=_text(form, "age_max", 6),
            starts_on=read_date(form, "starts-on", "The start date"),
            ends_on=read_date(form, "ends-on", "The end date"),
            closes_on=read_date(form, "closes-on", "The closing date"),
            place=_text(form, "place", 300),
            links=[
                (_text(form, f"link-{n}-title", 200), _text(form, f"link-{n}-url", 500))
                for n in range(1, MAX_LINKS + 1)
            ],
            adjustments=_text(form, "adjustments", MAX_TEXT + 50),
        )
        if sent.team_id not in team_ids:
            if len(team_ids) == 1:
                sent.team_id = team_ids[0]
            else:
                sent.errors["team-id"] = "Choose the team this is from"
        sent._check()
        return sent

    @classmethod
    def of(cls, row: store.OpportunityRow) -> OpportunityForm:
        audience = row.audience or {}
        links = [(str(link.get("title", "")), str(link.get("url", ""))) for link in row.links]
        links += [("", "")] * (MAX_LINKS - len(links))

        def date(name: str, label: str, value: dt.date | None) -> DateInput:
            if value is None:
                return DateInput(name, label)
            return DateInput(
                name, label, str(value.day), str(value.month), str(value.year), value=value
            )

        form = cls(
            team_id=row.team_id,
            title=row.title,
            summary=row.summary,
            roles=list(audience.get("roles") or []),
            areas=list(audience.get("areas") or []),
            interests=list(audience.get("interests") or []),
            age_min="" if audience.get("age_min") is None else str(audience["age_min"]),
            age_max="" if audience.get("age_max") is None else str(audience["age_max"]),
            starts_on=date("starts-on", "The start date", row.starts_on),
            ends_on=date("ends-on", "The end date", row.ends_on),
            closes_on=date("closes-on", "The closing date", row.closes_on),
            place=row.place or "",
            links=links[:MAX_LINKS],
            adjustments=row.adjustments or "",
        )
        form.warnings = plain_english(form)
        return form

    def _check(self) -> None:
        errors = self.errors
        if not self.title:
            errors["title"] = "Enter a title"
        elif len(self.title) > MAX_TITLE:
            errors["title"] = f"The title must be {MAX_TITLE} characters or fewer"
        if not self.summary:
            errors["summary"] = "Enter what it is"
        elif len(self.summary) > MAX_TEXT:
            errors["summary"] = f"What it is must be {MAX_TEXT} characters or fewer"
        if len(self.adjustments) > MAX_TEXT:
            errors["adjustments"] = f"This must be {MAX_TEXT} characters or fewer"
        ages: dict[str, int] = {}
        for key, label in (("age_min", "youngest"), ("age_max", "oldest")):
            text = getattr(self, key)
            if text and not (text.isdigit() and int(text) <= 120):
                errors[key.replace("_", "-")] = f"Enter the {label} age as a whole number, like 11"
            elif text:
                ages[key] = int(text)
        if "age_min" in ages and "age_max" in ages and ages["age_min"] > ages["age_max"]:
            errors["age-max"] = "The oldest age must be the same as or more than the youngest"
        for date in (self.starts_on, self.ends_on, self.closes_on):
            if date.error:
                errors[date.first_wrong] = date.error
        start, end = self.starts_on.value, self.ends_on.value
        if start and end and end < start and "ends-on-day" not in errors:
            errors["ends-on-day"] = "The end date must be the same as or after the start date"
        for number, (title, url) in enumerate(self.links, start=1):
            if not title and not url:
                continue
            if not url:
                errors[f"link-{number}-url"] = f"Enter the web address for link {number}"
            elif problems := link_problems(url):
                errors[f"link-{number}-url"] = f"Link {number}: {problems[0]}"
            if not title:
                errors[f"link-{number}-title"] = f"Enter the words to show for link {number}"
            elif problems := title_problems(title):
                errors[f"link-{number}-title"] = f"Link {number}: {problems[0]}"
        self.warnings = plain_english(self)

    def fields(self) -> dict[str, Any]:
        """The values to store (only once there are no errors)."""
        return {
            "title": self.title,
            "summary": self.summary,
            "audience": {
                "roles": self.roles,
                "areas": self.areas,
                "age_min": int(self.age_min) if self.age_min else None,
                "age_max": int(self.age_max) if self.age_max else None,
                "interests": self.interests,
            },
            "starts_on": self.starts_on.value,
            "ends_on": self.ends_on.value,
            "closes_on": self.closes_on.value,
            "place": self.place or None,
            "links": [{"title": t, "url": u} for t, u in self.links if t and u],
            "adjustments": self.adjustments or None,
        }


def _text(form: Any, name: str, most: int) -> str:
    return str(form.get(name, "")).replace("\r\n", "\n").strip()[:most]


def plain_english(form: OpportunityForm) -> dict[str, list[str]]:
    """The plain-English rules of `getinvolved content check`, for each text people read."""
    found: dict[str, list[str]] = {}
    for field_id, text in (
        ("title", form.title),
        ("summary", form.summary),
        ("place", form.place),
        ("adjustments", form.adjustments),
    ):
        if text.strip():
            problems = assess(text).problems
            if problems:
                found[field_id] = problems
    return found


def _offer(row: store.OpportunityRow) -> Offer:
    return Offer.from_row(row)


def preview(request: web.Request, row: store.OpportunityRow) -> list[Reply]:
    """The reply people will see in the chat, made as the chat makes it."""
    engine = request.app[BOT].engine
    state = ConversationState(channel="web", sender="preview")

    def say(name: str, **values: str) -> Reply:
        return engine.say(name, state, **values)

    return offer_replies([_offer(row)], say)


def _audience_words(row: store.OpportunityRow) -> list[tuple[str, str]]:
    audience = row.audience or {}
    roles = [ROLE_NAMES[r] for r in audience.get("roles") or [] if r in ROLE_NAMES]
    areas = [AREA_NAMES[a] for a in audience.get("areas") or [] if a in AREA_NAMES]
    interests = [TOPIC_NAMES[i] for i in audience.get("interests") or [] if i in TOPIC_NAMES]
    low, high = audience.get("age_min"), audience.get("age_max")
    if low is not None and high is not None:
        ages = f"{low} to {high}"
    elif low is not None:
        ages = f"{low} and over"
    elif high is not None:
        ages = f"up to {high}"
    else:
        ages = "Any age"
    return [
        ("Who", ", ".join(roles) or "Anyone"),
        ("Where they live", ", ".join(areas) or "Anywhere"),
        ("Ages", ages),
        ("Interests", ", ".join(interests) or "Any"),
    ]


async def _load(request: web.Request, user: staff.StaffUser) -> store.OpportunityRow:
    opportunity_id = _row_id(request, "opportunity_id")
    async with request.app[BOT].sessions() as db:
        row = await store.get(db, opportunity_id, team_ids=user.team_ids)
    if row is None:
        raise web.HTTPNotFound()
    return row


async def _form_page(
    request: web.Request,
    user: staff.StaffUser,
    form: OpportunityForm,
    *,
    row: store.OpportunityRow | None = None,
    status: int = 200,
) -> web.Response:
    return await _page(
        request,
        "opportunity_form.html",
        {
            "user": user,
            "form": form,
            "row": row,
            "errors": form.errors,
            "warnings": form.warnings,
            "role_names": ROLE_NAMES,
            "interest_names": {k: TOPIC_NAMES[k] for k in INTERESTS},
            "area_choices": {k: AREA_NAMES[k] for k in AREAS},
            "action": f"/staff/opportunities/{row.id}/edit" if row else "/staff/opportunities/new",
        },
        status=status,
    )


# ---- the list -----------------------------------------------------------------------------
@routes.get("/staff/opportunities")
async def list_page(request: web.Request) -> web.Response:
    user = await current_user(request)
    async with request.app[BOT].sessions.begin() as db:
        rows = await store.list_for_teams(db, user.team_ids)
        await audit.record(db, "opportunities", staff_user_id=user.id, detail=f"{len(rows)} listed")
    return await _page(
        request,
        "opportunities.html",
        {
            "user": user,
            "rows": rows,
            "teams": {team.id: team.name for team in user.teams},
            "status_names": STATUS_NAMES,
            "status_tags": STATUS_TAGS,
            "in_words": in_words,
        },
    )


# ---- write and edit -----------------------------------------------------------------------
@routes.get("/staff/opportunities/new")
async def new_page(request: web.Request) -> web.Response:
    user = await current_user(request)
    if not user.team_ids:
        raise web.HTTPNotFound()
    return await _form_page(request, user, OpportunityForm(team_id=user.team_ids[0]))


@routes.post("/staff/opportunities/new")
async def create(request: web.Request) -> web.Response:
    user = await current_user(request)
    if not user.team_ids:
        raise web.HTTPNotFound()
    sent = OpportunityForm.read(await request.post(), user.team_ids)
    if sent.errors:
        return await _form_page(request, user, sent, status=400)
    async with request.app[BOT].sessions.begin() as db:
        row = await store.create_draft(
            db, team_id=sent.team_id, staff_user_id=user.id, fields=sent.fields()
        )
        await audit.record(
            db,
            "opportunity_created",
            staff_user_id=user.id,
            detail=f"opportunity {row.id} ({row.team_id})",
        )
        opportunity_id = row.id
    raise await done(request, "opportunity_draft", f"/staff/opportunities/{opportunity_id}/edit")


@routes.get("/staff/opportunities/{opportunity_id}/edit")
async def edit_page(request: web.Request) -> web.Response:
    user = await current_user(request)
    row = await _load(request, user)
    return await _form_page(request, user, OpportunityForm.of(row), row=row)


@routes.post("/staff/opportunities/{opportunity_id}/edit")
async def save(request: web.Request) -> web.Response:
    user = await current_user(request)
    row = await _load(request, user)
    sent = OpportunityForm.read(await request.post(), user.team_ids)
    if sent.errors:
        return await _form_page(request, user, sent, row=row, status=400)
    async with request.app[BOT].sessions.begin() as db:
        found = await store.get(db, row.id, team_ids=user.team_ids)
        if found is None:
            raise web.HTTPNotFound()
        fields = sent.fields()
        await store.update(db, found, staff_user_id=user.id, fields=fields)
        found.team_id = sent.team_id
        await audit.record(
            db,
            "opportunity_updated",
            staff_user_id=user.id,
            detail=f"opportunity {found.id} ({found.team_id}, {found.status})",
        )
        published = found.status == "published"
    if published:  # people see the change at once
        await request.app[BOT].engine.opportunities.refresh(request.app[BOT].sessions)
    raise await done(request, "opportunity_saved", f"/staff/opportunities/{row.id}/edit")


# ---- preview, publish, close --------------------------------------------------------------
@routes.get("/staff/opportunities/{opportunity_id}")
async def preview_page(request: web.Request) -> web.Response:
    user = await current_user(request)
    row = await _load(request, user)
    async with request.app[BOT].sessions.begin() as db:
        await audit.record(
            db, "opportunity_viewed", staff_user_id=user.id, detail=f"opportunity {row.id}"
        )
    intro, *cards = preview(request, row)
    return await _page(
        request,
        "opportunity.html",
        {
            "user": user,
            "row": row,
            "card": "\n\n".join(f"{card.title}\n{card.text}" for card in cards),
            "intro": intro.text,
            "links": [link for card in cards for link in card.links],
            "audience": _audience_words(row),
            "team": {team.id: team.name for team in user.teams}.get(row.team_id, row.team_id),
            "status_names": STATUS_NAMES,
            "status_tags": STATUS_TAGS,
            "warnings": OpportunityForm.of(row).warnings,
            "past_closing": row.closes_on is not None and row.closes_on < _today(request),
        },
    )


def _today(request: web.Request) -> dt.date:
    return request.app[BOT].engine.opportunities.today()


async def _change_status(request: web.Request, action: str) -> web.Response:
    user = await current_user(request)
    opportunity_id = _row_id(request, "opportunity_id")
    bot = request.app[BOT]
    async with bot.sessions.begin() as db:
        row = await store.get(db, opportunity_id, team_ids=user.team_ids)
        if row is None:
            raise web.HTTPNotFound()
        if action == "publish":
            await store.publish(db, row, staff_user_id=user.id)
            # people who asked to be told: one alert each, sent by the alert sender
            await queue_alerts(
                db, kind="opportunity", ref_id=row.id, audience=row.audience, now=utcnow()
            )
        else:
            await store.close(db, row, staff_user_id=user.id)
        await audit.record(
            db,
            f"opportunity_{'published' if action == 'publish' else 'closed'}",
            staff_user_id=user.id,
            detail=f"opportunity {row.id} ({row.team_id})",
        )
    await bot.engine.opportunities.refresh(bot.sessions)  # offered (or not) at once here
    code = "opportunity_published" if action == "publish" else "opportunity_closed"
    raise await done(request, code, f"/staff/opportunities/{opportunity_id}")


@routes.post("/staff/opportunities/{opportunity_id}/publish")
async def publish(request: web.Request) -> web.Response:
    return await _change_status(request, "publish")


@routes.post("/staff/opportunities/{opportunity_id}/close")
async def close(request: web.Request) -> web.Response:
    return await _change_status(request, "close")


__all__ = ["routes", "setup_staff_opportunities"]
