"""Staff pages over real HTTP on loopback, on SQLite and PostgreSQL: sign in, see only your
teams' feedback, answer it, export it, publish it; CSRF, escaping and rate limits."""

from __future__ import annotations

import csv
import io

from sqlalchemy import select

from bot.app import GetInvolved
from bot.store import audit
from bot.store.audit import AuditRow
from tests.web.staff_helpers import create_staff, csrf, give_feedback, sign_in, web_client


async def setup_two_teams(bot: GetInvolved) -> tuple[int, int]:
    await create_staff(bot, "nurse@nhs.example", "nhs-sussex")
    await create_staff(bot, "forum@wspcf.example", "wspcf")
    health = await give_feedback(
        bot, "p1", "I'm a mum in Worthing", "The CAMHS wait is far too long for my son"
    )
    forum = await give_feedback(
        bot, "p2", "I'm a dad in Horsham", "<script>alert('x')</script> more coffee mornings please"
    )
    return health, forum


async def test_staff_see_only_their_teams_feedback(bot_on: GetInvolved) -> None:
    health, forum = await setup_two_teams(bot_on)
    async with web_client(bot_on) as client:
        assert await sign_in(client, "nurse@nhs.example") == 303
        inbox = await (await client.get("/staff/")).text()
        assert "CAMHS wait" in inbox and "coffee mornings" not in inbox
        assert (await client.get(f"/staff/feedback/{forum}")).status == 404
        assert (await client.get(f"/staff/feedback/{health}")).status == 200
        exported = await (await client.get("/staff/export.csv")).text()
        rows = list(csv.DictReader(io.StringIO(exported)))
        assert [int(row["id"]) for row in rows] == [health]
    async with bot_on.sessions() as session:
        actions = set((await session.scalars(select(AuditRow.action))).all())
    assert {"sign_in", "read", "export", "list"} <= actions


async def test_user_text_is_escaped(bot_on: GetInvolved) -> None:
    _, forum = await setup_two_teams(bot_on)
    async with web_client(bot_on) as client:
        await sign_in(client, "forum@wspcf.example")
        page = await (await client.get(f"/staff/feedback/{forum}")).text()
        assert "<script>alert" not in page
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
        response = await client.get(f"/staff/feedback/{forum}")
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]


async def test_forms_need_a_csrf_token(bot_on: GetInvolved) -> None:
    health, _ = await setup_two_teams(bot_on)
    async with web_client(bot_on) as client:
        await sign_in(client, "nurse@nhs.example")
        refused = await client.post(
            f"/staff/feedback/{health}/respond", data={"response": "We will look at this"}
        )
        assert refused.status == 403
        forged = await client.post(
            f"/staff/feedback/{health}/respond", data={"response": "x", "csrf_token": "guess"}
        )
        assert forged.status == 403
        login = await client.post("/staff/login", data={"email": "a", "password": "b"})
        assert login.status == 403


async def test_sign_in_is_rate_limited(bot_on: GetInvolved) -> None:
    await create_staff(bot_on, "nurse@nhs.example", "nhs-sussex")
    async with web_client(bot_on) as client:
        for _ in range(5):
            assert await sign_in(client, "nurse@nhs.example", "wrong password!!") == 401
        assert await sign_in(client, "nurse@nhs.example") == 429


async def test_answer_goes_back_to_the_person_and_can_be_published(bot_on: GetInvolved) -> None:
    await create_staff(bot_on, "nurse@nhs.example", "nhs-sussex")
    feedback_id = await give_feedback(
        bot_on,
        "p3",
        "I'm a mum in Lewes",
        "Sarah at the clinic said the speech therapy list is 40 weeks, call 07700 900123",
        consent="contact",
    )
    async with web_client(bot_on) as client:
        await sign_in(client, "nurse@nhs.example")
        token = await csrf(client, f"/staff/feedback/{feedback_id}")
        response = await client.post(
            f"/staff/feedback/{feedback_id}/respond",
            data={
                "response": "We are adding two therapists. Thank you, Sarah.",
                "csrf_token": token,
            },
            allow_redirects=False,
        )
        assert response.status == 303
        assert "Nothing has been published" in await (await client.get("/you-said-we-did")).text()
        token = await csrf(client, f"/staff/feedback/{feedback_id}/publish")
        published = await client.post(
            f"/staff/feedback/{feedback_id}/publish",
            data={
                "own_words": "no",
                "you_said": "Sarah said the speech therapy list is 40 weeks long.",
                "we_did": "We are adding two therapists. Thank you, Sarah.",
                "action": "publish",
                "csrf_token": token,
            },
            allow_redirects=False,
        )
        assert published.status == 303
        public = await (await client.get("/you-said-we-did")).text()
    assert "We are adding two therapists" in public and "speech therapy list" in public
    assert "07700" not in public and "Sarah" not in public
    result = await bot_on.converse("web", "p3", "hello again")
    texts = [reply.text for reply in result.replies]
    assert texts[0] == "You have an answer to your feedback from NHS Sussex:"
    assert texts[1] == "We are adding two therapists. Thank you, Sarah."
    again = await bot_on.converse("web", "p3", "hello")
    assert all("answer to your feedback" not in r.text for r in again.replies), "shown once"


async def test_charts_and_admin(bot_on: GetInvolved) -> None:
    await setup_two_teams(bot_on)
    await create_staff(bot_on, "admin@council.example", "nhs-sussex", "wspcf", admin=True)
    async with web_client(bot_on) as client:
        await sign_in(client, "nurse@nhs.example")
        assert (await client.get("/staff/admin")).status == 404, "not for non-admins"
        charts = await (await client.get("/staff/charts")).text()
        assert "Health and the NHS" in charts and "<svg" in charts
    async with web_client(bot_on) as client:
        await sign_in(client, "admin@council.example")
        token = await csrf(client, "/staff/admin")
        created = await client.post(
            "/staff/admin/users",
            data={
                "email": "new@council.example",
                "name": "New Person",
                "password": "a long enough password",
                "teams": "espcf",
                "csrf_token": token,
            },
            allow_redirects=False,
        )
        assert created.status == 303
        assert "new@council.example" in await (await client.get("/staff/admin")).text()


async def test_signed_out_people_are_sent_to_sign_in(bot_on: GetInvolved) -> None:
    async with web_client(bot_on) as client:
        response = await client.get("/staff/", allow_redirects=False)
        assert response.status == 303 and response.headers["Location"] == "/staff/login"
        assert (await client.get("/healthz")).status == 200


async def test_publishing_is_a_reviewed_step_with_the_persons_consent(
    bot_on: GetInvolved,
) -> None:
    await create_staff(bot_on, "lo@wscc.example", "wscc-local-offer")
    private = await give_feedback(
        bot_on, "pub1", "I'm a mum in Worthing", "The Local Offer map is great, thanks Becky!"
    )
    agreed = await give_feedback(
        bot_on,
        "pub2",
        "I'm a mum in Crawley",
        "The Local Offer search works well now, says Priya Shah",
        publish=True,
    )
    async with web_client(bot_on) as client:
        await sign_in(client, "lo@wscc.example")
        token = await csrf(client, f"/staff/feedback/{private}/publish")
        own = await client.post(
            f"/staff/feedback/{private}/publish",
            data={"own_words": "yes", "we_did": "Thank you!", "action": "publish",
                  "csrf_token": token},
        )  # fmt: skip
        assert own.status == 400  # they did not agree to show their own words
        assert "did not agree" in await own.text()
        preview = await client.post(
            f"/staff/feedback/{agreed}/publish",
            data={"own_words": "yes", "we_did": "We asked Priya Shah to test it.",
                  "action": "preview", "csrf_token": token},
        )  # fmt: skip
        shown = await preview.text()
        assert preview.status == 200 and "Preview: what the public will see" in shown
        assert "The Local Offer search works well now" in shown
        assert "Priya" not in shown.split("Preview: what the public will see")[1].split("<form")[0]
        assert "Nothing has been published" in await (await client.get("/you-said-we-did")).text()
        draft = await client.post(
            f"/staff/feedback/{agreed}/publish",
            data={"own_words": "yes", "we_did": "We fixed the search.", "action": "draft",
                  "csrf_token": token},
            allow_redirects=False,
        )  # fmt: skip
        assert draft.status == 303
        assert "Nothing has been published" in await (await client.get("/you-said-we-did")).text()
        await client.post(
            f"/staff/feedback/{agreed}/publish",
            data={"own_words": "yes", "we_did": "We fixed the search.", "action": "publish",
                  "csrf_token": token},
        )  # fmt: skip
        public = await (await client.get("/you-said-we-did")).text()
        assert "The Local Offer search works well now" in public and "We fixed the search" in public
        assert "Priya" not in public
        withdrawn = await client.post(
            f"/staff/feedback/{agreed}/withdraw", data={"csrf_token": token}
        )
        assert withdrawn.status == 200 and "Taken off" in await withdrawn.text()
        assert "Nothing has been published" in await (await client.get("/you-said-we-did")).text()
    async with bot_on.sessions() as db:
        actions = [row.action for row in await audit.list_audit(db, limit=50)]
    assert {"publish", "publish_draft", "withdraw"} <= set(actions)
