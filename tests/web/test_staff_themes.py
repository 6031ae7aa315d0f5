"""Theme pages and the Local Offer report over real HTTP: staff see only their teams' feedback,
tag, rename and merge themes; the report picks the right comments for a date range, groups and
counts them, times the answers, and never shows contact details or words without consent."""

from __future__ import annotations

import csv
import datetime as dt
import io

from sqlalchemy import select

from bot.app import GetInvolved
from bot.store import themes as theme_store
from bot.store.audit import AuditRow
from bot.store.feedback import FeedbackRow
from tests.themes.factories import DAY, create_answer, create_feedback, create_publication
from tests.web.staff_helpers import create_staff, csrf, give_feedback, sign_in, web_client

WEEK = dt.timedelta(days=7)


async def _actions(bot: GetInvolved) -> list[str]:
    async with bot.sessions() as session:
        return list((await session.scalars(select(AuditRow.action))).all())


async def test_theme_pages_show_only_the_staff_members_teams(bot_on: GetInvolved) -> None:
    await create_staff(bot_on, "offer@wscc.example", "wscc-local-offer")
    mine = await create_feedback(bot_on, text="The school taxi was late every day this term")
    theirs = await create_feedback(
        bot_on, text="The minibus driver to the hospital school never waits", team_id="nhs-sussex"
    )
    async with web_client(bot_on) as client:
        await sign_in(client, "offer@wscc.example")
        overview = await client.get("/staff/themes")
        assert overview.status == 200
        page = await overview.text()
        assert "Getting to school or college" in page and "1 piece of feedback" in page
        theme = await (await client.get("/staff/themes/transport")).text()
        assert "school taxi was late" in theme and "minibus driver" not in theme
        assert f'href="/staff/feedback/{mine}"' in theme
        assert (await client.get(f"/staff/feedback/{theirs}/themes")).status == 404
        token = await csrf(client, f"/staff/feedback/{mine}/themes")
        refused = await client.post(
            f"/staff/feedback/{theirs}/themes",
            data={"themes": "praise", "csrf_token": token},
            allow_redirects=False,
        )
        assert refused.status == 404
        assert (await client.get("/staff/themes/no_such_theme")).status == 404
    assert {"themes", "theme", "read"} <= set(await _actions(bot_on))


async def test_tag_rename_and_merge_through_the_pages(bot: GetInvolved) -> None:
    await create_staff(bot, "offer@wscc.example", "wscc-local-offer")
    item = await create_feedback(bot, text="The school taxi was late every day this term")
    async with web_client(bot) as client:
        await sign_in(client, "offer@wscc.example")
        tagging = await (await client.get(f"/staff/feedback/{item}/themes")).text()
        assert "Suggested from the text: Getting to school or college" in tagging
        token = await csrf(client, f"/staff/feedback/{item}/themes")
        saved = await client.post(
            f"/staff/feedback/{item}/themes",
            data=[("themes", "listening"), ("themes", "praise"), ("csrf_token", token)],
        )
        assert "Staff chose these themes." in await saved.text()
        forged = await client.post(
            f"/staff/feedback/{item}/themes", data={"themes": "praise"}, allow_redirects=False
        )
        assert forged.status == 403  # no CSRF token
        bad = await client.post(
            f"/staff/feedback/{item}/themes",
            data={"themes": "not_a_theme", "csrf_token": token},
            allow_redirects=False,
        )
        assert bad.status == 400

        renamed = await client.post(
            "/staff/themes/listening/rename",
            data={"name": "Heard and answered", "csrf_token": token},
        )
        assert "Heard and answered" in await renamed.text()
        merged = await client.post(
            "/staff/themes/praise/merge", data={"into": "listening", "csrf_token": token}
        )
        page = await merged.text()
        assert "Themes merged." in page and "school taxi was late" in page
        assert str(merged.url).endswith("/staff/themes/listening?done=merged")
        gone = await client.get("/staff/themes/praise", allow_redirects=False)
        assert gone.headers["Location"] == "/staff/themes/listening"
        overview = await (await client.get("/staff/themes")).text()
        assert "Things that went well" not in overview
    assert {"tag", "theme_renamed", "theme_merged"} <= set(await _actions(bot))


async def test_a_new_theme_found_in_feedback_that_fits_none(bot: GetInvolved) -> None:
    await create_staff(bot, "offer@wscc.example", "wscc-local-offer")
    await create_staff(bot, "nurse@nhs.example", "nhs-sussex")
    texts = [
        "Parking near the family centre costs too much",
        "There is never any parking at the family centre",
        "Family centre parking spaces are always taken",
    ]
    ids = [await create_feedback(bot, text=text) for text in texts]
    theirs = await create_feedback(
        bot, text="Parking at the family centre is awful", team_id="nhs-sussex"
    )
    async with web_client(bot) as client:
        await sign_in(client, "offer@wscc.example")
        page = await (await client.get("/staff/themes")).text()
        assert "3 pieces of feedback fit no theme well" in page
        assert "parking" in page.split("Possible new themes")[1].lower()
        token = await csrf(client, "/staff/themes")
        added = await client.post(
            "/staff/themes/new",
            data={
                "name": "Parking",
                "words": "parking, family centre",
                "ids": ",".join(str(i) for i in [*ids, theirs]),  # another team's: ignored
                "csrf_token": token,
            },
        )
        theme = await added.text()
        assert str(added.url).endswith("/staff/themes/new_parking?done=created")
        assert "3 pieces of your teams' feedback have this theme" in theme
    async with bot.sessions() as session:
        tags = await theme_store.tags_for(session, [*ids, theirs])
    assert all(tags[i][0].theme_id == "new_parking" for i in ids)
    assert all(tag.theme_id != "new_parking" for tag in tags.get(theirs, []))
    assert "theme_created" in await _actions(bot)


async def _report_data(bot: GetInvolved) -> dict[str, int]:
    """Comments for a staff member of the Local Offer team and the West Sussex forum."""
    await create_staff(bot, "offer@wscc.example", "wscc-local-offer", "wspcf")
    consented = await create_feedback(
        bot,
        text="The Local Offer search never finds short breaks. Call me on 07700 900123.",
        consent="contact",
        contact={"channel": "web", "sender": "s1", "email": "mum@example.com"},
        publish_consent=True,
    )
    await create_answer(bot, consented, "We have fixed the search.", at=DAY + dt.timedelta(days=3))
    summarised = await create_feedback(
        bot,
        text="UNCONSENTED-WORDS the website is too hard",
        created_at=DAY + 4 * dt.timedelta(days=1),
    )  # a Friday, answered the Monday after: 1 working day
    await create_answer(bot, summarised, "Thanks, we will look.", at=DAY + dt.timedelta(days=7))
    await create_publication(
        bot,
        summarised,
        you_said="Parents said the website is hard to use.",
        we_did="We are testing a new design with parents.",
    )
    counted_only = await create_feedback(
        bot, text="PRIVATE-TEXT nobody replied to my email", created_at=DAY + WEEK
    )
    forum_about_offer = await create_feedback(
        bot,
        text="The Local Offer page about parent forums has broken links",
        team_id="wspcf",
        topic="meeting_others",
        created_at=DAY + WEEK,
    )
    forum_other = await create_feedback(
        bot, text="More coffee mornings please", team_id="wspcf", topic="meeting_others"
    )
    too_early = await create_feedback(
        bot, text="OLD-TEXT the local offer was hard", created_at=DAY - 60 * dt.timedelta(days=1)
    )
    other_team = await create_feedback(
        bot, text="OTHER-TEAM the council website", team_id="wscc-send-inclusion"
    )
    return {
        "consented": consented,
        "summarised": summarised,
        "counted_only": counted_only,
        "forum_about_offer": forum_about_offer,
        "forum_other": forum_other,
        "too_early": too_early,
        "other_team": other_team,
    }


RANGE = "from-day=1&from-month=6&from-year=2026&to-day=30&to-month=6&to-year=2026"


async def test_the_local_offer_report(bot_on: GetInvolved) -> None:
    await _report_data(bot_on)
    async with web_client(bot_on) as client:
        await sign_in(client, "offer@wscc.example")
        response = await client.get(f"/staff/report?{RANGE}")
        assert response.status == 200
        page = await response.text()
        assert "4 comments about the Local Offer received from 1 June 2026 to 30 June 2026" in page
        assert "2 answered, in a median of 2 working days" in page
        # own words only with consent, personal details removed; else the published summary
        assert "The Local Offer search never finds short breaks." in page
        assert "07700 900123" not in page and "mum@example.com" not in page
        assert "Parents said the website is hard to use." in page
        assert "We are testing a new design with parents." in page
        for hidden in ("UNCONSENTED-WORDS", "PRIVATE-TEXT", "OLD-TEXT", "OTHER-TEAM", "coffee"):
            assert hidden not in page
        assert "parent forums has broken links" not in page  # counted, words not published
        assert "1 comment here is counted without its words" in page
        assert 'href="/static/app/report-print.css" media="print"' in page

        exported = await client.get(f"/staff/report.csv?{RANGE}")
        assert exported.headers["Content-Disposition"].startswith(
            'attachment; filename="local-offer-report-2026-06-01-to-2026-06-30.csv"'
        )
        text = await exported.text()
        rows = list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == 4
        assert {row["theme"] for row in rows} <= {
            "Finding information", "Being listened to", "Short breaks and activities",
        }  # fmt: skip
        assert sorted(row["working_days_to_answer"] for row in rows) == ["", "", "1", "3"]
        for hidden in ("07700", "mum@example.com", "UNCONSENTED", "PRIVATE-TEXT", "OLD-TEXT"):
            assert hidden not in text
        assert "contact" not in rows[0]

        printed = await client.get(f"/staff/report/print?{RANGE}")
        body = await printed.text()
        assert printed.status == 200 and "report-print.css" in body
        assert "govuk-header" not in body and "Show report" not in body
    actions = await _actions(bot_on)
    assert actions.count("export") == 2 and "report" in actions


async def test_report_groups_by_theme_with_counts(bot: GetInvolved) -> None:
    await _report_data(bot)
    async with web_client(bot) as client:
        await sign_in(client, "offer@wscc.example")
        page = await (await client.get(f"/staff/report?{RANGE}")).text()
    summary = page.split('id="report-summary"')[1].split("</table>")[0]
    counts = {
        cells[0]: int(cells[1])
        for row in summary.split('<tr class="govuk-table__row">')[2:]
        if (cells := [c.split(">", 1)[1].split("<")[0] for c in row.split("<td")[1:]])
    }
    assert sum(counts.values()) == 4
    assert counts.get("Finding information", 0) >= 2


async def test_report_dates_are_checked(bot: GetInvolved) -> None:
    await create_staff(bot, "offer@wscc.example", "wscc-local-offer")
    async with web_client(bot) as client:
        await sign_in(client, "offer@wscc.example")
        response = await client.get(
            "/staff/report?from-day=31&from-month=2&from-year=2026&to-day=1&to-month=1&to-year=2027"
        )
        page = await response.text()
    assert response.status == 400
    assert 'href="#from-day"' in page and "The start date must be a real date" in page
    assert "govuk-form-group--error" in page


async def test_report_dates_in_the_wrong_order_are_named(bot: GetInvolved) -> None:
    await create_staff(bot, "offer@wscc.example", "wscc-local-offer")
    async with web_client(bot) as client:
        await sign_in(client, "offer@wscc.example")
        response = await client.get(
            "/staff/report?from-day=1&from-month=6&from-year=2026&to-day=1&to-month=1&to-year=2026"
        )
        page = await response.text()
    assert response.status == 400
    assert 'href="#to-day"' in page
    assert "The end date must be the same as or after the start date" in page
    assert 'value="6"' in page  # the boxes keep what was typed


async def test_feedback_given_in_the_chat_reaches_the_report(bot: GetInvolved) -> None:
    await create_staff(bot, "offer@wscc.example", "wscc-local-offer")
    feedback_id = await give_feedback(
        bot,
        "mum",
        "I'm a mum in Worthing",
        "The Local Offer website is confusing and the links are broken",
        publish=True,
    )
    async with bot.sessions() as session:
        row = await session.get(FeedbackRow, feedback_id)
        assert row is not None and row.team_id == "wscc-local-offer"
    async with web_client(bot) as client:
        await sign_in(client, "offer@wscc.example")
        page = await (await client.get("/staff/report")).text()
    assert "1 comment about the Local Offer received" in page
    assert "Finding information (1)" in page
