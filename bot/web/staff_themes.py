"""Staff pages for themes and the Local Offer report.

Themes: what people raise most (all, by team, by month), a theme's items, tagging an item,
renaming and merging themes, and new themes found among items that fit none. The Local Offer
report: a date range's comments about the Local Offer with what the council did, by theme, as a
page, a CSV and a print-friendly page. Staff see only their teams' feedback, as on the other
staff pages, and every read and export is audited.
"""

from __future__ import annotations

import asyncio
import contextlib
import csv
import dataclasses
import datetime as dt
import io
from collections import Counter
from typing import Any

from aiohttp import web
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from bot.engine.state import utcnow
from bot.store import audit, staff
from bot.store import feedback as feedback_store
from bot.store import themes as store
from bot.themes.batch import suggest_pending
from bot.themes.discover import discover_themes
from bot.themes.report import CSV_FIELDS, Report, build_report, csv_rows
from bot.themes.suggest import ThemeSuggester
from bot.themes.vocabulary import load_themes
from bot.uktime import in_words
from bot.web.govuk import DateInput, filled, read_date
from bot.web.staff import BOT, _page, _row_id, _safe_cell, current_user

routes = web.RouteTableDef()
SUGGESTER = web.AppKey("theme_suggester", ThemeSuggester)
PER_PAGE = 50
MONTHS = 12
ON_REQUEST = 2000  # a page suggests for at most this many new items; the CLI does a backlog


def setup_staff_themes(app: web.Application) -> None:
    """Add the theme and report pages; the model is fitted on first use, not here."""
    app[SUGGESTER] = ThemeSuggester(load_themes(app[BOT].settings.content_dir))
    app.router.add_routes(routes)


async def _bring_up_to_date(request: web.Request) -> None:
    """Suggest themes for feedback not looked at yet (in a thread; conversations carry on)."""
    with contextlib.suppress(IntegrityError):  # another worker saved the same items first
        await suggest_pending(request.app[BOT].sessions, request.app[SUGGESTER], most=ON_REQUEST)


def _team_names(user: staff.StaffUser) -> dict[str, str]:
    return {team.id: team.name for team in user.teams}


def _bars(counts: list[tuple[str, int]]) -> list[tuple[str, int]]:
    return [(label, n) for label, n in counts if n]


# ---- themes -------------------------------------------------------------------------------
@routes.get("/staff/themes")
async def themes_page(request: web.Request) -> web.Response:
    user = await current_user(request)
    await _bring_up_to_date(request)
    teams = _team_names(user)
    team = request.query.get("team", "")
    team_ids = [team] if team in teams else user.team_ids
    async with request.app[BOT].sessions.begin() as db:
        themes = await store.list_themes(db)
        items = await store.tagged_feedback_for_teams(db, team_ids)
        unfitted = await store.unfitted_feedback_for_teams(db, team_ids)
        await audit.record(db, "themes", staff_user_id=user.id, detail=f"{len(items)} counted")
    names = {theme.id: theme.name for theme in themes}
    by_theme: Counter[str] = Counter()
    by_team: dict[str, Counter[str]] = {}
    by_month: dict[str, Counter[str]] = {}
    month_totals: Counter[str] = Counter()
    for item in items:
        month = _month(item.created_at)
        month_totals[month] += 1
        for tag in item.tags:
            by_theme[tag.theme_id] += 1
            by_team.setdefault(item.team_id, Counter())[tag.theme_id] += 1
            by_month.setdefault(month, Counter())[tag.theme_id] += 1
    ranked = [(theme.id, theme.name, by_theme[theme.id]) for theme in themes]
    ranked.sort(key=lambda entry: (-entry[2], entry[1]))
    months = sorted(month_totals, reverse=True)[:MONTHS]
    found = await _discover(request, unfitted)
    return await _page(
        request,
        "themes.html",
        {
            "user": user,
            "teams": teams,
            "team": team if team in teams else "",
            "total": len(items),
            "untagged": sum(1 for item in items if not item.tags),
            "ranked": ranked,
            "chart": _bars([(name, n) for _, name, n in ranked]),
            "by_team": [
                (teams.get(team_id, team_id), _top(counts, names))
                for team_id, counts in sorted(by_team.items())
            ],
            "by_month": [
                (
                    _month_name(month),
                    month_totals[month],
                    _top(by_month.get(month, Counter()), names),
                )
                for month in months
            ],
            "new_themes": found,
            "unfitted": len(unfitted),
            "done": request.query.get("done", ""),
        },
    )


def _month(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m")


def _month_name(month: str) -> str:
    return dt.datetime.strptime(month, "%Y-%m").strftime("%B %Y")


def _top(counts: Counter[str], names: dict[str, str], most: int = 3) -> list[tuple[str, str, int]]:
    return [
        (theme_id, names.get(theme_id, theme_id), n) for theme_id, n in counts.most_common(most)
    ]


async def _discover(request: web.Request, unfitted: Any) -> list[dict[str, Any]]:
    texts = [text for _, text in unfitted]
    found = await asyncio.to_thread(discover_themes, texts)
    return [
        {
            "name": theme.name,
            "words": ", ".join(theme.words),
            "ids": ",".join(str(unfitted[i][0]) for i in theme.members),
            "count": len(theme.members),
        }
        for theme in found
    ]


def _theme_id(request: web.Request) -> str:
    theme_id = request.match_info["theme_id"]
    if not theme_id.replace("_", "").isalnum() or len(theme_id) > 40:
        raise web.HTTPNotFound()
    return theme_id


@routes.get("/staff/themes/{theme_id}")
async def theme_page(request: web.Request) -> web.Response:
    user = await current_user(request)
    await _bring_up_to_date(request)
    page_number = request.query.get("page", "1")
    page = int(page_number) if page_number.isdigit() and len(page_number) < 7 else 1
    async with request.app[BOT].sessions.begin() as db:
        theme = await store.get_theme(db, _theme_id(request))
        if theme is None:
            raise web.HTTPNotFound()
        if theme.merged_into:
            raise web.HTTPSeeOther(f"/staff/themes/{theme.merged_into}")
        items = [
            item
            for item in await store.tagged_feedback_for_teams(db, user.team_ids)
            if any(tag.theme_id == theme.id for tag in item.tags)
        ]
        pages = max(1, -(-len(items) // PER_PAGE))
        page = min(max(1, page), pages)
        shown = items[(page - 1) * PER_PAGE : page * PER_PAGE]
        shown_ids = [item.feedback_id for item in shown]
        found = await db.scalars(
            select(feedback_store.FeedbackRow).where(
                feedback_store.FeedbackRow.id.in_(shown_ids),
                feedback_store.FeedbackRow.team_id.in_(user.team_ids),
            )
        )
        rows = {row.id: row for row in found}
        others = [other for other in await store.list_themes(db) if other.id != theme.id]
        await audit.record(
            db, "theme", staff_user_id=user.id, detail=f"{theme.id}: {len(shown)} shown"
        )
    return await _page(
        request,
        "theme.html",
        {
            "user": user,
            "theme": theme,
            "items": [(item, rows[item.feedback_id]) for item in shown if item.feedback_id in rows],
            "count": len(items),
            "page": page,
            "pages": pages,
            "others": others,
            "teams": _team_names(user),
            "done": request.query.get("done", ""),
            "error": None,
        },
    )


@routes.post("/staff/themes/{theme_id}/rename")
async def rename_theme(request: web.Request) -> web.Response:
    user = await current_user(request)
    form = await request.post()
    name = " ".join(str(form.get("name", "")).split())
    async with request.app[BOT].sessions.begin() as db:
        theme = await store.get_theme(db, _theme_id(request))
        if theme is None or theme.merged_into:
            raise web.HTTPNotFound()
        if not 3 <= len(name) <= 80:
            raise web.HTTPBadRequest(text="A theme name is 3 to 80 characters.")
        await store.rename_theme(db, theme, name)
        await audit.record(db, "theme_renamed", staff_user_id=user.id, detail=theme.id)
    raise web.HTTPSeeOther(f"/staff/themes/{theme.id}?done=renamed")


@routes.post("/staff/themes/{theme_id}/merge")
async def merge_theme(request: web.Request) -> web.Response:
    user = await current_user(request)
    form = await request.post()
    async with request.app[BOT].sessions.begin() as db:
        theme = await store.get_theme(db, _theme_id(request))
        target = await store.get_theme(db, str(form.get("into", ""))[:40])
        if theme is None or theme.merged_into:
            raise web.HTTPNotFound()
        if target is None or target.merged_into or target.id == theme.id:
            raise web.HTTPBadRequest(text="Pick another theme to merge this one into.")
        moved = await store.merge_themes(db, theme, target)
        await audit.record(
            db,
            "theme_merged",
            staff_user_id=user.id,
            detail=f"{theme.id} into {target.id}; {moved} tags moved",
        )
    raise web.HTTPSeeOther(f"/staff/themes/{target.id}?done=merged")


@routes.post("/staff/themes/new")
async def accept_new_theme(request: web.Request) -> web.Response:
    """Staff accept a theme found among items that fit none: its items are tagged with it."""
    user = await current_user(request)
    form = await request.post()
    name = " ".join(str(form.get("name", "")).split())
    words = [word.strip() for word in str(form.get("words", "")).split(",") if word.strip()]
    wanted = {int(part) for part in str(form.get("ids", "")).split(",") if part.isdigit()}
    if not 3 <= len(name) <= 80 or not wanted:
        raise web.HTTPBadRequest(text="A new theme needs a name of 3 to 80 characters.")
    async with request.app[BOT].sessions.begin() as db:
        mine = {
            feedback_id
            for feedback_id, _ in await store.unfitted_feedback_for_teams(db, user.team_ids)
        }
        ids = sorted(wanted & mine)  # only the staff member's own teams' items
        if not ids:
            raise web.HTTPBadRequest(text="Those items have themes now; look again.")
        theme = await store.accept_new_theme(
            db, name=name, words=words[:8], feedback_ids=ids, staff_user_id=user.id
        )
        await audit.record(
            db, "theme_created", staff_user_id=user.id, detail=f"{theme.id}; {len(ids)} items"
        )
    raise web.HTTPSeeOther(f"/staff/themes/{theme.id}?done=created")


# ---- tagging one item -----------------------------------------------------------------------
@routes.get("/staff/feedback/{feedback_id}/themes")
async def feedback_themes_page(request: web.Request) -> web.Response:
    user = await current_user(request)
    await _bring_up_to_date(request)
    async with request.app[BOT].sessions.begin() as db:
        row = await feedback_store.get_feedback_for_teams(
            db, _row_id(request, "feedback_id"), user.team_ids
        )
        if row is None:
            raise web.HTTPNotFound()
        tags = (await store.tags_for(db, [row.id])).get(row.id, [])
        themes = await store.list_themes(db)
        await audit.record(db, "read", staff_user_id=user.id, feedback_id=row.id, detail="themes")
    return await _page(
        request,
        "feedback_themes.html",
        {
            "user": user,
            "row": row,
            "themes": themes,
            "chosen": {tag.theme_id for tag in tags},
            "tags": tags,
            "names": {theme.id: theme.name for theme in themes},
            "done": request.query.get("done", ""),
        },
    )


@routes.post("/staff/feedback/{feedback_id}/themes")
async def tag_feedback(request: web.Request) -> web.Response:
    user = await current_user(request)
    form = await request.post()
    chosen = [str(value)[:40] for value in form.getall("themes", [])]
    async with request.app[BOT].sessions.begin() as db:
        row = await feedback_store.get_feedback_for_teams(
            db, _row_id(request, "feedback_id"), user.team_ids
        )
        if row is None:
            raise web.HTTPNotFound()
        live = {theme.id for theme in await store.list_themes(db)}
        if any(theme_id not in live for theme_id in chosen):
            raise web.HTTPBadRequest(text="Pick themes from the list.")
        await store.set_staff_themes(db, row.id, chosen, user.id)
        await audit.record(
            db, "tag", staff_user_id=user.id, feedback_id=row.id, detail=",".join(chosen)[:400]
        )
    raise web.HTTPSeeOther(f"/staff/feedback/{row.id}/themes?done=saved")


# ---- the Local Offer report ---------------------------------------------------------------
def _range(query: Any) -> tuple[dt.date, dt.date, tuple[DateInput, DateInput]]:
    """The report's dates (default: the last 12 months) as the boxes show them, each with its
    problem in words, read as the inbox reads its dates (bot/web/govuk.py)."""
    today = utcnow().date()
    start = read_date(query, "from", "The start date")
    end = read_date(query, "to", "The end date")
    since = start.value or today - dt.timedelta(days=364)  # the last 12 months, 29 Feb too
    until = end.value or today
    if since > until:
        end = dataclasses.replace(
            end, error="The end date must be the same as or after the start date"
        )
        since, until = until, since
    # an empty box shows the date the report uses
    start, end = (
        box if box.error or box.value else filled(box, day)
        for box, day in ((start, since), (end, until))
    )
    return since, until, (start, end)


def _range_query(since: dt.date, until: dt.date) -> str:
    from urllib.parse import urlencode

    return urlencode(
        {
            "from-day": since.day,
            "from-month": since.month,
            "from-year": since.year,
            "to-day": until.day,
            "to-month": until.month,
            "to-year": until.year,
        }
    )


async def _report(
    request: web.Request, user: staff.StaffUser, kind: str
) -> tuple[Report, tuple[DateInput, DateInput]]:
    await _bring_up_to_date(request)
    since, until, dates = _range(request.query)
    bot = request.app[BOT]
    async with bot.sessions.begin() as db:
        report = await build_report(
            db,
            user.team_ids,
            since,
            until,
            rule=request.app[SUGGESTER].book.local_offer,
            redactor=bot.feedback.redactor,
            team_names=_team_names(user),
        )
        await audit.record(
            db,
            "report" if kind == "page" else "export",
            staff_user_id=user.id,
            detail=f"local offer report {since}..{until}, {kind}, {report.count} comments",
        )
    return report, dates


def _report_context(
    user: staff.StaffUser, report: Report, dates: tuple[DateInput, DateInput]
) -> dict[str, Any]:
    return {
        "user": user,
        "report": report,
        "dates": dates,
        "errors": {date.first_wrong: date.error for date in dates if date.error},
        "range_query": _range_query(report.since, report.until),
        "days": lambda value: "" if value is None else f"{value:g}",
        "long_date": in_words,
        "today": utcnow().date(),
    }


@routes.get("/staff/report")
async def report_page(request: web.Request) -> web.Response:
    user = await current_user(request)
    report, dates = await _report(request, user, "page")
    return await _page(
        request,
        "report.html",
        _report_context(user, report, dates),
        status=400 if any(date.error for date in dates) else 200,
    )


@routes.get("/staff/report/print")
async def report_print(request: web.Request) -> web.Response:
    user = await current_user(request)
    report, dates = await _report(request, user, "print")
    return await _page(request, "report_print.html", _report_context(user, report, dates))


@routes.get("/staff/report.csv")
async def report_csv(request: web.Request) -> web.Response:
    user = await current_user(request)
    report, _ = await _report(request, user, "csv")
    body = io.StringIO()
    writer = csv.writer(body)
    writer.writerow(CSV_FIELDS)
    for row in csv_rows(report):
        writer.writerow([_safe_cell(value) for value in row])
    name = f"local-offer-report-{report.since}-to-{report.until}.csv"
    return web.Response(
        text=body.getvalue(),
        content_type="text/csv",
        charset="utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
