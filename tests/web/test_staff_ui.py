"""Staff pages, GOV.UK patterns (issue 13): a success banner after each action, error
summaries that link to their fields, date inputs, the admin pages and the audit log."""

from __future__ import annotations

import re

from aiohttp.test_utils import TestClient

from bot.app import GetInvolved
from bot.store import audit
from tests.web.staff_helpers import create_staff, csrf, give_feedback, sign_in, web_client


async def post(client: TestClient, path: str, form_page: str, **data: str) -> str:
    """Post a form as a browser does, follow the redirect, and return the page it lands on."""
    data["csrf_token"] = await csrf(client, form_page)
    response = await client.post(path, data=data)
    return await response.text()


def banner(page: str) -> str | None:
    found = re.search(r'govuk-notification-banner__heading">([^<]*)<', page)
    return found.group(1) if found else None


def summary_links(page: str) -> list[tuple[str, str]]:
    body = page.split('govuk-error-summary__list">', 1)[-1].split("</ul>", 1)[0]
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', body)


async def test_each_action_shows_a_banner_once(bot_on: GetInvolved) -> None:
    await create_staff(bot_on, "nurse@nhs.example", "nhs-sussex")
    item = await give_feedback(bot_on, "p1", "I'm a mum in Lewes", "The clinic wait is long")
    page = f"/staff/feedback/{item}"
    async with web_client(bot_on) as client:
        await sign_in(client, "nurse@nhs.example")
        assert banner(await (await client.get(page)).text()) is None
        saved = await post(client, f"{page}/status", page, status="closed")
        assert banner(saved) == "Status saved."
        assert 'role="alert"' in saved and "autofocus" in saved
        assert banner(await (await client.get(page)).text()) is None, "shown once"
        answered = await post(client, f"{page}/respond", page, response="We are on it.")
        assert banner(answered) == (
            "Your answer is saved. They did not ask to be contacted, so it stays here."
        )
        published = await post(
            client,
            f"{page}/publish",
            f"{page}/publish",
            own_words="no",
            you_said="The wait is long.",
            we_did="More staff.",
            action="publish",
        )
        assert banner(published) == "Published on the You said, we did page."
        withdrawn = await post(client, f"{page}/withdraw", f"{page}/publish")
        assert banner(withdrawn) == "Taken off the You said, we did page."
        response = await client.post(
            f"{page}/status",
            data={"status": "read", "csrf_token": await csrf(client, page)},
            allow_redirects=False,
        )
        assert response.headers["Location"] == page, "nothing in the URL"


async def test_error_summaries_link_to_their_fields(bot_on: GetInvolved) -> None:
    await create_staff(bot_on, "nurse@nhs.example", "nhs-sussex")
    item = await give_feedback(bot_on, "p1", "I'm a mum in Lewes", "The clinic wait is long")
    page = f"/staff/feedback/{item}"
    async with web_client(bot_on) as client:
        await sign_in(client, "nurse@nhs.example")
        empty = await post(client, f"{page}/respond", page, response="  ")
        assert summary_links(empty) == [("response", "Write an answer")]
        assert "<title>Error: " in empty and 'tabindex="-1" autofocus' in empty
        assert 'id="response-error"' in empty and "govuk-textarea--error" in empty
        assert 'aria-describedby="response-hint response-error"' in empty
        draft = await post(
            client, f"{page}/publish", f"{page}/publish", own_words="no", action="publish"
        )
        assert summary_links(draft) == [
            ("you_said", "Write what they said, in your own words"),
            ("we_did", "Write what the team did or will do"),
        ]
    async with web_client(bot_on) as client:
        token = await csrf(client)
        wrong = await client.post(
            "/staff/login",
            data={"email": "nurse@nhs.example", "password": "nope", "csrf_token": token},
        )
        assert summary_links(await wrong.text()) == [
            ("email", "The email or password is not right")
        ]


async def test_date_inputs_filter_and_explain_mistakes(bot_on: GetInvolved) -> None:
    await create_staff(bot_on, "nurse@nhs.example", "nhs-sussex")
    await give_feedback(bot_on, "p1", "I'm a mum in Lewes", "The clinic wait is long")
    async with web_client(bot_on) as client:
        await sign_in(client, "nurse@nhs.example")
        good = await client.get("/staff/?since-day=1&since-month=2&since-year=2024")
        text = await good.text()
        assert good.status == 200 and ">From: 1 February 2024</strong>" in text
        assert 'name="since-day" type="text" inputmode="numeric" value="1"' in text
        assert 'href="/staff/?since=2024-02-01&amp;page=' not in text  # one page only
        old = await (await client.get("/staff/?since=2024-02-01")).text()
        assert ">From: 1 February 2024</strong>" in old, "links made before still work"
        for query, link, message in (
            ("since-day=31&since-month=2&since-year=2024", "since-day", "must be a real date"),
            ("since-day=&since-month=2&since-year=2024", "since-day", "must include a day"),
            ("until-day=1&until-month=1&until-year=24", "until-day", "must be a real date"),
            ("until-day=1&until-month=1&until-year=1999", "until-day", "between 2000 and 2100"),
            (
                "since-day=2&since-month=1&since-year=2025&until-day=1&until-month=1&until-year=2025",
                "until-day",
                "on or after the from date",
            ),
            ("since-day=x%00&since-month=%F0%9F%98%80&since-year=99999999", "since-day", "real"),
        ):
            response = await client.get(f"/staff/?{query}")
            page = await response.text()
            assert response.status == 400, query
            [(href, said)] = summary_links(page)
            assert href == link and message in said, (query, said)
            assert "govuk-date-input__input govuk-input--width-2 govuk-input--error" in page
            assert f'aria-describedby="{link[:5]}-hint {link[:5]}-error"' in page


async def test_admin_lists_staff_and_edits_each_on_its_own_page(bot_on: GetInvolved) -> None:
    admin = await create_staff(bot_on, "admin@council.example", "wspcf", admin=True)
    nurse = await create_staff(bot_on, "nurse@nhs.example", "nhs-sussex")
    async with web_client(bot_on) as client:
        assert await sign_in(client, "nurse@nhs.example") == 303
        for path in ("/staff/admin", f"/staff/admin/users/{admin}", "/staff/admin/audit"):
            assert (await client.get(path)).status == 404, "admins only"
    async with web_client(bot_on) as client:
        await sign_in(client, "admin@council.example")
        page = await (await client.get("/staff/admin")).text()
        assert page.count('<tr class="govuk-table__row">') == 2 + 1 + len(bot_on.content.teams) + 1
        assert f'href="/staff/admin/users/{nurse}"' in page
        assert 'href="/staff/admin/teams/nhs-sussex"' in page
        assert "content/teams.yml" in page and "getinvolved content check" in page
        assert 'action="/staff/admin/teams"' not in page, "no add-team dead end"

        edit = f"/staff/admin/users/{nurse}"
        saved = await post(
            client, edit, edit, name="Nurse Jo", teams="espcf", active="yes", unlock="yes"
        )
        assert banner(saved) == "Changes saved."
        assert "Nurse Jo" in saved
        form = await (await client.get(edit)).text()
        assert 'value="espcf" checked' in form and 'value="nhs-sussex" checked' not in form
        blank = await post(client, edit, edit, name="", teams="nope")
        assert summary_links(blank) == [
            ("name", "Enter their name"),
            ("teams", "There is no team called nope"),
        ]
        mine = f"/staff/admin/users/{admin}"
        await post(client, mine, mine, name="Admin")  # no admin, no sign-in ticked
        assert "Admin: can add" in await (await client.get("/staff/admin/users/new")).text()
        assert (await client.get("/staff/admin")).status == 200, "still an admin"

        made = await post(
            client, "/staff/admin/users", "/staff/admin/users/new", name="", email="x"
        )
        assert [link for link, _ in summary_links(made)] == ["name", "email", "password"]
        made = await post(
            client,
            "/staff/admin/users",
            "/staff/admin/users/new",
            name="New Person",
            email="new@council.example",
            password="a long enough password",
            teams="espcf",
        )
        assert banner(made) == "Staff member added. They can sign in now."
    async with web_client(bot_on) as client:
        assert await sign_in(client, "new@council.example", "a long enough password") == 303


async def test_the_audit_log_shows_names_filters_and_pages(bot_on: GetInvolved) -> None:
    admin = await create_staff(bot_on, "admin@council.example", "wspcf", admin=True)
    nurse = await create_staff(bot_on, "nurse@nhs.example", "nhs-sussex")
    async with bot_on.sessions.begin() as db:
        for number in range(120):
            await audit.record(db, "read", staff_user_id=nurse, feedback_id=number + 1)
        await audit.record(db, "user_updated", staff_user_id=admin, detail=f"user {nurse}")
    async with web_client(bot_on) as client:
        await sign_in(client, "admin@council.example")
        page = await (await client.get("/staff/admin/audit")).text()
        assert "Staff id" not in page
        assert ">Nurse</td>" in page and ">Read feedback</td>" in page
        assert 'aria-label="Pages of the audit log"' in page
        mine = await (await client.get(f"/staff/admin/audit?person={admin}")).text()
        assert ">Signed in</td>" in mine and 'data-label="Who">Nurse</td>' not in mine
        assert 'data-label="Detail">Nurse</td>' in mine, "the staff member changed, by name"
        reads = await (await client.get(f"/staff/admin/audit?person={nurse}&action=read")).text()
        assert "121 entries" not in reads and "120 entries, page 1 of 3" in reads
        third = await (
            await client.get(f"/staff/admin/audit?person={nurse}&action=read&page=3")
        ).text()
        assert third.count(">Read feedback</td>") == 20
        assert f"/staff/admin/audit?person={nurse}&amp;action=read&amp;page=2" in third
        none = await (
            await client.get("/staff/admin/audit?since-day=1&since-month=1&since-year=2099")
        ).text()
        assert "Nothing in the audit log matches." in none
        bad = await client.get("/staff/admin/audit?since-day=40&since-month=1&since-year=2026")
        assert bad.status == 400 and summary_links(await bad.text())[0][0] == "since-day"
        odd = await client.get("/staff/admin/audit?person=abc&action=%00&page=-4")
        assert odd.status == 200


async def test_charts_name_months_in_words(bot_on: GetInvolved) -> None:
    from bot.engine.state import utcnow

    await create_staff(bot_on, "nurse@nhs.example", "nhs-sussex")
    await give_feedback(bot_on, "p1", "I'm a mum in Lewes", "The clinic wait is long")
    async with web_client(bot_on) as client:
        await sign_in(client, "nurse@nhs.example")
        page = await (await client.get("/staff/charts")).text()
    assert f">{utcnow():%B %Y}</td>" in page and f">{utcnow():%Y-%m}<" not in page
