"""Staff write, preview, publish, edit and close opportunities: only their own teams', with
CSRF on every form, the plain-English check as warnings, and every action in the audit log."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from bot.app import GetInvolved
from bot.store import opportunities as store
from bot.store.audit import AuditRow
from tests.opportunities.helpers import add_opportunity
from tests.web.staff_helpers import create_staff, csrf, sign_in, web_client

NEW = "/staff/opportunities/new"


def filled(token: str, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "csrf_token": token,
        "title": "Tell us about the Family Hub",
        "summary": "Inspectors want to hear what the Family Hub is like. It takes 20 minutes.",
        "roles": ["parent_carer", "young_person"],
        "areas": ["west_sussex"],
        "age_min": "",
        "age_max": "",
        "interests": [],
        "closes-on-day": "28",
        "closes-on-month": "2",
        "closes-on-year": "2099",
        "place": "Online",
        "link-1-title": "Book a place",
        "link-1-url": "https://www.example.org/book",
        "adjustments": "We can send the questions first.",
    }
    data.update(changes)
    return data


def form_body(data: dict[str, Any]) -> list[tuple[str, str]]:
    body: list[tuple[str, str]] = []
    for key, value in data.items():
        for item in value if isinstance(value, list) else [value]:
            body.append((key, item))
    return body


async def said(bot: GetInvolved, sender: str, text: str) -> str:
    replies = (await bot.converse("web", sender, text)).replies
    return "\n".join(f"{reply.title or ''}\n{reply.text}" for reply in replies)


async def actions(bot: GetInvolved) -> list[str]:
    async with bot.sessions() as session:
        return list((await session.scalars(select(AuditRow.action).order_by(AuditRow.id))).all())


async def test_write_preview_publish_and_close(bot: GetInvolved) -> None:
    await create_staff(bot, "lo@council.example", "wscc-local-offer")
    async with web_client(bot) as client:
        await sign_in(client, "lo@council.example")
        listing = await (await client.get("/staff/opportunities")).text()
        assert "no opportunities yet" in listing and 'href="/staff/opportunities"' in listing
        token = await csrf(client, NEW)
        saved = await client.post(NEW, data=form_body(filled(token)), allow_redirects=False)
        assert saved.status == 303
        edit = saved.headers["Location"]
        assert edit.endswith("/edit")
        page = await (await client.get(edit)).text()
        assert "Saved as a draft" in page and "Tell us about the Family Hub" in page
        opportunity = edit.removesuffix("/edit")
        preview = await (await client.get(opportunity)).text()
        assert "What people will see in the chat" in preview
        assert "1 chance to have a say that fits you:" in preview
        assert "Last day to join: 28 February 2099" in preview
        assert 'href="https://www.example.org/book"' in preview
        assert "Nothing is open" in await said(bot, "p", "what's on?"), "a draft is not offered"

        token = await csrf(client, opportunity)
        published = await client.post(
            f"{opportunity}/publish", data={"csrf_token": token}, allow_redirects=False
        )
        assert published.status == 303
        assert "Published" in await (await client.get(opportunity)).text()
        # offered at once in this process, to a parent in West Sussex
        await bot.converse("web", "p2", "I'm a mum in Worthing")
        replies = (await bot.converse("web", "p2", "what's on?")).replies
        assert replies[1].title == "Tell us about the Family Hub"
        assert replies[1].links[0].url == "https://www.example.org/book"

        token = await csrf(client, opportunity)
        closed = await client.post(
            f"{opportunity}/close", data={"csrf_token": token}, allow_redirects=False
        )
        assert closed.status == 303
        assert "Family Hub" not in await said(bot, "p2", "what's on?")
        listing = await (await client.get("/staff/opportunities")).text()
        assert "Closed" in listing and "28 February 2099" in listing
    done = await actions(bot)
    assert {"opportunities", "opportunity_viewed"} <= set(done)  # reads are audited too
    assert [a for a in done if a.startswith("opportunity_") and a != "opportunity_viewed"] == [
        "opportunity_created",
        "opportunity_published",
        "opportunity_closed",
    ]
    async with bot.sessions() as session:
        details = (await session.scalars(select(AuditRow.detail))).all()
    assert "opportunity 1 (wscc-local-offer)" in details


async def test_edit_a_published_one_is_seen_at_once(bot: GetInvolved) -> None:
    await create_staff(bot, "lo@council.example", "wscc-local-offer")
    opportunity_id = await add_opportunity(bot, title="Old title")
    edit = f"/staff/opportunities/{opportunity_id}/edit"
    async with web_client(bot) as client:
        await sign_in(client, "lo@council.example")
        page = await (await client.get(edit)).text()
        assert 'value="Old title"' in page
        token = await csrf(client, edit)
        data = filled(token, title="New title", roles=[], areas=[])
        saved = await client.post(edit, data=form_body(data), allow_redirects=False)
        assert saved.status == 303
    assert "New title" in await said(bot, "x", "what's on?")
    assert "opportunity_updated" in await actions(bot)


async def test_errors_block_and_plain_english_warns(bot: GetInvolved) -> None:
    await create_staff(bot, "lo@council.example", "wscc-local-offer")
    async with web_client(bot) as client:
        await sign_in(client, "lo@council.example")
        token = await csrf(client, NEW)
        bad = filled(
            token,
            title="",
            summary="",
            age_min="18",
            age_max="11",
            **{
                "link-1-url": "http://example.org?utm_source=x",
                "closes-on-day": "31",
                "closes-on-month": "2",
            },
        )
        response = await client.post(NEW, data=form_body(bad), allow_redirects=False)
        assert response.status == 400
        page = await response.text()
        assert "There is a problem" in page
        for message in (
            'href="#title">Enter a title',
            'href="#summary">Enter what it is',
            'href="#age-max">The oldest age',
            'href="#link-1-url">Link 1:',
            'href="#closes-on-day">The closing date must be a real date',
        ):
            assert message in page, message
        hard = filled(
            token,
            summary=(
                "The strategic stakeholder engagement programme will facilitate comprehensive "
                "consultation regarding the multidisciplinary commissioning arrangements and "
                "the organisational implementation of interdisciplinary accountability structures."
            ),
        )
        saved = await client.post(NEW, data=form_body(hard), allow_redirects=False)
        assert saved.status == 303, "plain English warns, it does not block"
        page = await (await client.get(saved.headers["Location"])).text()
        assert 'id="summary-plain"' in page and "Plain English check:" in page
        assert "jargon" in page and 'aria-describedby="summary-hint summary-plain"' in page
    async with bot.sessions() as session:
        rows = (await session.scalars(select(store.OpportunityRow))).all()
    assert len(rows) == 1 and rows[0].status == "draft"


async def test_only_their_own_teams(bot: GetInvolved) -> None:
    await create_staff(bot, "nhs@nhs.example", "nhs-sussex")
    theirs = await add_opportunity(bot, title="Council chance", team_id="wscc-local-offer")
    async with web_client(bot) as client:
        await sign_in(client, "nhs@nhs.example")
        assert "Council chance" not in await (await client.get("/staff/opportunities")).text()
        for path in (f"/staff/opportunities/{theirs}", f"/staff/opportunities/{theirs}/edit"):
            assert (await client.get(path)).status == 404
        token = await csrf(client, NEW)
        for action in ("publish", "close", "edit"):
            response = await client.post(
                f"/staff/opportunities/{theirs}/{action}",
                data=form_body(filled(token)),
                allow_redirects=False,
            )
            assert response.status == 404, action
        # a team that is not theirs cannot be chosen either
        made = await client.post(
            NEW, data=form_body(filled(token, team_id="wscc-local-offer")), allow_redirects=False
        )
        assert made.status == 303
        assert (await client.get("/staff/opportunities/abc")).status == 404
    async with bot.sessions() as session:
        rows = (await session.scalars(select(store.OpportunityRow))).all()
    assert sorted(row.team_id for row in rows) == ["nhs-sussex", "wscc-local-offer"]
    assert next(row for row in rows if row.id == theirs).title == "Council chance"


async def test_csrf_on_every_form(bot: GetInvolved) -> None:
    await create_staff(bot, "lo@council.example", "wscc-local-offer")
    opportunity_id = await add_opportunity(bot, status="draft")
    async with web_client(bot) as client:
        await sign_in(client, "lo@council.example")
        for path in (
            NEW,
            f"/staff/opportunities/{opportunity_id}/edit",
            f"/staff/opportunities/{opportunity_id}/publish",
            f"/staff/opportunities/{opportunity_id}/close",
        ):
            response = await client.post(
                path, data=form_body(filled("wrong")), allow_redirects=False
            )
            assert response.status == 403, path
    async with bot.sessions() as session:
        row = await store.get(session, opportunity_id)
    assert row is not None and row.status == "draft"


async def test_signed_out_goes_to_sign_in(bot: GetInvolved) -> None:
    async with web_client(bot) as client:
        response = await client.get("/staff/opportunities", allow_redirects=False)
        assert response.status == 303 and response.headers["Location"] == "/staff/login"
