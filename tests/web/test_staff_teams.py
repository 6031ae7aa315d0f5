"""The team email settings page (admin only): the form, its errors linked to their fields,
CSRF, the audit log, and what a saved setting does."""

from __future__ import annotations

from sqlalchemy import select

from bot.app import GetInvolved
from bot.store import staff
from bot.store.audit import AuditRow
from tests.web.staff_helpers import create_staff, csrf, sign_in, web_client

PAGE = "/staff/admin/teams/nhs-sussex"


async def _team(bot: GetInvolved) -> staff.TeamRow:
    async with bot.sessions() as session:
        team = await staff.get_team(session, "nhs-sussex")
    assert team is not None
    return team


async def test_an_admin_sets_a_daily_digest(bot: GetInvolved) -> None:
    await create_staff(bot, "admin@council.example", admin=True)
    async with web_client(bot) as client:
        await sign_in(client, "admin@council.example")
        page = await (await client.get(PAGE)).text()
        assert "NHS Sussex" in page and 'name="notify_email"' in page
        assert "Email is off on this server" in page  # no SMTP_URL in these settings
        token = await csrf(client, PAGE)
        saved = await client.post(
            PAGE,
            data={
                "notify_email": "camhs-team@nhs.example",
                "notify_mode": "digest",
                "digest_hour": "9",
                "csrf_token": token,
            },
            allow_redirects=False,
        )
        assert saved.status == 303 and saved.headers["Location"] == PAGE
        done = await (await client.get(PAGE)).text()
        assert "govuk-notification-banner--success" in done and "are saved" in done
        assert 'value="9" selected' in done
        admin = await (await client.get("/staff/admin")).text()
        assert "A daily summary at 9am" in admin  # the teams table says how each team hears
    team = await _team(bot)
    assert (team.notify_email, team.notify_mode, team.digest_hour) == (
        "camhs-team@nhs.example",
        "digest",
        9,
    )
    async with bot.sessions() as session:
        details = (
            await session.scalars(select(AuditRow.detail).where(AuditRow.action == "team_updated"))
        ).all()
    assert details == ["team nhs-sussex: email digest"]


async def test_errors_are_listed_and_linked_to_their_fields(bot: GetInvolved) -> None:
    await create_staff(bot, "admin@council.example", admin=True)
    async with web_client(bot) as client:
        await sign_in(client, "admin@council.example")
        for sent, field, message in (
            (
                {"notify_email": "not an address", "notify_mode": "now"},
                "notify-email",
                "correct format",
            ),
            ({"notify_email": "", "notify_mode": "now"}, "notify-email", "Enter the email address"),
            (
                {"notify_email": "a@b.example", "notify_mode": "hourly"},
                "notify-mode",
                "Choose when",
            ),
            (
                {"notify_email": "a@b.example", "notify_mode": "digest", "digest_hour": "25"},
                "digest-hour",
                "Choose an hour",
            ),
        ):
            token = await csrf(client, PAGE)
            response = await client.post(PAGE, data={**sent, "csrf_token": token})
            page = await response.text()
            assert response.status == 400, sent
            assert f'<a href="#{field}">' in page and message in page
            assert f'id="{field}"' in page and "govuk-error-message" in page
            assert "<title>Error:" in page
    assert (await _team(bot)).notify_mode == "off"  # nothing saved


async def test_only_admins_and_only_with_the_csrf_token(bot: GetInvolved) -> None:
    await create_staff(bot, "nurse@nhs.example", "nhs-sussex")
    await create_staff(bot, "admin@council.example", admin=True)
    async with web_client(bot) as client:
        assert (await client.get(PAGE, allow_redirects=False)).status == 303  # sign in first
        await sign_in(client, "nurse@nhs.example")
        assert (await client.get(PAGE)).status == 404
        token = await csrf(client, "/staff/")
        refused = await client.post(
            PAGE, data={"notify_email": "x@y.example", "notify_mode": "now", "csrf_token": token}
        )
        assert refused.status == 404
    async with web_client(bot) as client:
        await sign_in(client, "admin@council.example")
        forged = await client.post(
            PAGE, data={"notify_email": "x@y.example", "notify_mode": "now", "csrf_token": "x"}
        )
        assert forged.status == 403
        assert (await client.get("/staff/admin/teams/no-such-team")).status == 404
        assert (await client.get("/staff/admin/teams/..%2Fadmin")).status == 404
    assert (await _team(bot)).notify_mode == "off"
