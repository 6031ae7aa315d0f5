"""End to end through a real SMTP server on loopback: feedback in through the real engine, a
team's email out (at once, or a daily digest at its hour), and a staff answer reaching the
person's email. No email ever carries what a person wrote or who they are."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import update

from bot.content.readability import assess
from bot.engine.state import utcnow
from bot.notify import words
from bot.serve import create_server_app
from bot.store import feedback as store
from tests.email.helpers import (
    BASE_URL,
    HEALTH_TEAM,
    email_bot,
    emails,
    give_feedback_with_email,
    mailer_of,
    set_team_email,
)
from tests.email.smtp_server import smtp_server
from tests.web.staff_helpers import create_staff, csrf, give_feedback, sign_in, web_client

UK = ZoneInfo("Europe/London")
ANSWER = "We have asked CAMHS to call you this week."
CAMHS = "The CAMHS wait is far too long for my son Oliver"


async def test_new_feedback_emails_the_team_counts_and_a_link_but_never_the_words(
    tmp_path: Path, database_url: str
) -> None:
    with smtp_server() as inbox:
        smtp_url = f"smtp://127.0.0.1:{inbox.port}"
        async with email_bot(tmp_path, smtp_url, database_url=database_url) as bot:
            await set_team_email(bot, mode="now")
            feedback_id, said = await give_feedback_with_email(
                bot, "p1", CAMHS, "sam.parent@example.org"
            )
            async with bot.sessions.begin() as session:  # an older item, long unanswered
                await session.execute(
                    update(store.FeedbackRow)
                    .where(store.FeedbackRow.id == feedback_id)
                    .values(created_at=utcnow() - dt.timedelta(days=40))
                )
            await give_feedback(bot, "p2", "I'm a dad in Worthing", "Our GP surgery is great")
            assert inbox.messages == []  # queued, not sent in the conversation
            report = await mailer_of(bot).send_due()

    # one email counted both new items, and stands for both queued emails
    assert report.sent == 1
    sent = inbox.to("camhs-team@nhs.example")
    assert len(sent) == 1
    message = sent[0]
    body = message.get_content()
    assert message["Subject"] == "New feedback for NHS Sussex"
    assert "Get Involved" in message["From"] and "no-reply@localhost" in message["From"]
    assert "2 new pieces of feedback" in body
    assert "Health and the NHS: 2" in body
    assert "1 person is waiting for an answer." in body
    assert "1 of them has waited more than 20 working days." in body, body
    assert f"{BASE_URL}/staff/" in body
    whole = message.as_string()
    for private in ("CAMHS", "Oliver", "sam.parent", "GP surgery", "Worthing"):
        assert private not in whole
    assert "send the answer to your email" in said
    assert all(row.status == "sent" for row in await emails(bot))


async def test_digest_comes_once_a_day_at_its_hour_uk_time(
    tmp_path: Path, database_url: str
) -> None:
    with smtp_server() as inbox:
        smtp_url = f"smtp://127.0.0.1:{inbox.port}"
        async with email_bot(tmp_path, smtp_url, database_url=database_url) as bot:
            given = utcnow()
            await set_team_email(
                bot, mode="digest", hour=8, last_digest_at=given - dt.timedelta(hours=1)
            )
            await give_feedback(bot, "p1", "I'm a mum in Worthing", CAMHS)
            await give_feedback(bot, "p2", "I'm a mum in Worthing", "Our GP surgery is great")
            mailer = mailer_of(bot)
            day = given.astimezone(UK).date() + dt.timedelta(days=1)

            def at(hour: int, minute: int = 0, *, days: int = 0) -> dt.datetime:
                moment = dt.datetime.combine(day + dt.timedelta(days=days), dt.time(hour, minute))
                return moment.replace(tzinfo=UK).astimezone(dt.UTC)

            assert await mailer.queue_digests(at(7, 59)) == 0
            await mailer.send_due(at(7, 59))
            assert inbox.messages == []
            assert await mailer.queue_digests(at(8, 0)) == 1
            await mailer.send_due(at(8, 0))
            assert len(inbox.messages) == 1
            assert await mailer.queue_digests(at(8, 15)) == 0
            assert await mailer.queue_digests(at(23, 59)) == 0
            await mailer.send_due(at(23, 59))
            assert len(inbox.messages) == 1  # not twice in a day
            # the next day: nothing new came in, so nothing is sent
            assert await mailer.queue_digests(at(9, 0, days=1)) == 0
            # ... and after new feedback, the day after brings one about it alone
            later = await give_feedback(bot, "p3", "I'm a mum in Worthing", "CAMHS staff were kind")
            async with bot.sessions.begin() as session:  # as if it came in that morning
                await session.execute(
                    update(store.FeedbackRow)
                    .where(store.FeedbackRow.id == later)
                    .values(created_at=at(10, 0, days=1))
                )
            assert await mailer.queue_digests(at(8, 0, days=2)) == 1
            await mailer.send_due(at(8, 0, days=2))

    first, second = (message.get_content() for message in inbox.messages)
    assert inbox.messages[0]["Subject"] == "Daily feedback summary for NHS Sussex"
    assert "got 2 new pieces of feedback" in first and "Health and the NHS: 2" in first
    assert "got 1 new piece of feedback" in second
    assert f"{BASE_URL}/staff/" in first
    assert "CAMHS" not in first + second and "GP" not in first + second


async def test_a_staff_answer_reaches_the_persons_email(tmp_path: Path) -> None:
    with smtp_server() as inbox:
        async with email_bot(tmp_path, f"smtp://127.0.0.1:{inbox.port}") as bot:
            feedback_id, _ = await give_feedback_with_email(
                bot, "p1", CAMHS, "sam.parent@example.org"
            )
            await create_staff(bot, "nurse@nhs.example", HEALTH_TEAM)
            async with web_client(bot) as client:
                await sign_in(client, "nurse@nhs.example")
                token = await csrf(client, f"/staff/feedback/{feedback_id}")
                answered = await client.post(
                    f"/staff/feedback/{feedback_id}/respond",
                    data={
                        "response": "We have asked CAMHS to call you this week.",
                        "csrf_token": token,
                    },
                    allow_redirects=False,
                )
                assert answered.status == 303
            queued = await emails(bot)
            assert [row.kind for row in queued] == ["answer"]
            assert queued[0].recipient and "sam.parent" not in queued[0].recipient  # encrypted
            await mailer_of(bot).send_due()
            # the chat shows it too, the next time the person opens it
            back = await bot.converse("web", "p1", "hello")
            assert any("asked CAMHS to call you" in reply.text for reply in back.replies)
            kept = await emails(bot)

    message = inbox.to("sam.parent@example.org")[0]
    body = message.get_content()
    assert message["Subject"] == "An answer to your feedback from NHS Sussex"
    assert message["From"].addresses[0].display_name == "NHS Sussex (Get Involved)"
    assert ANSWER in body
    assert "use the chat again" in body and f"{BASE_URL}/" in body
    assert kept[0].status == "sent" and kept[0].recipient is None  # the address is deleted


async def test_delete_my_data_takes_a_waiting_answer_email_with_it(tmp_path: Path) -> None:
    with smtp_server() as inbox:
        async with email_bot(tmp_path, f"smtp://127.0.0.1:{inbox.port}") as bot:
            feedback_id, _ = await give_feedback_with_email(bot, "p1", CAMHS, "sam@example.org")
            async with bot.sessions.begin() as session:
                row = await session.get(store.FeedbackRow, feedback_id)
                assert row is not None
                response = await store.add_response(
                    session, store.ResponseRow(feedback_id=row.id, text="We will call you.")
                )
                await mailer_of(bot).answer_given(
                    session,
                    feedback_id=row.id,
                    team_id=row.team_id,
                    response_id=response.id,
                    contact={"email": "sam@example.org"},
                )
            assert len(await emails(bot)) == 1
            await bot.converse("web", "p1", "delete my data")
            assert await emails(bot) == []
            await mailer_of(bot).send_due()
    assert inbox.messages == []


async def test_with_email_off_nothing_is_queued_and_the_chat_says_so(tmp_path: Path) -> None:
    async with email_bot(tmp_path, "") as bot:
        assert bot.mailer is None
        await set_team_email(bot, mode="now")
        _, said = await give_feedback_with_email(bot, "p1", CAMHS, "sam@example.org")
        assert "you will see it in this chat" in said and "email" not in said
        assert await emails(bot) == []


def test_emails_are_in_plain_english() -> None:
    summary = words.TeamSummary(
        new=3,
        topics=[("Health and the NHS", 2), ("School or college", 1)],
        waiting=2,
        overdue=1,
        target_days=20,
    )
    for _, body in (
        words.team_new("NHS Sussex", summary, f"{BASE_URL}/staff/"),
        words.team_digest("NHS Sussex", summary, f"{BASE_URL}/staff/"),
        words.answer("NHS Sussex", "We will call you next week.", f"{BASE_URL}/"),
    ):
        assert assess(body).problems == [], body


async def test_serve_sends_email_in_the_background(tmp_path: Path) -> None:
    """`serve` starts the sender: feedback in through the JSON API, email out soon after."""
    with smtp_server() as inbox:
        async with email_bot(tmp_path, f"smtp://127.0.0.1:{inbox.port}") as bot:
            await set_team_email(bot, mode="now")
            client = TestClient(TestServer(create_server_app(bot)))
            await client.start_server()
            try:
                started = await (await client.post("/api/v1/sessions")).json()
                messages = f"/api/v1/sessions/{started['session']}/messages"
                for body in (
                    {"text": "I'm a mum in Worthing"},
                    {"payload": "/feedback"},
                    {"text": CAMHS},
                    {"payload": '/consent{"level": "anonymous"}'},
                ):
                    turn = await (await client.post(messages, json=body)).json()
                assert turn["feedback_id"] is not None
                for _ in range(100):
                    if inbox.messages:
                        break
                    await asyncio.sleep(0.05)
                assert (await client.get("/healthz")).status == 200
            finally:
                await client.close()
    assert [message["Subject"] for message in inbox.messages] == ["New feedback for NHS Sussex"]


async def test_no_email_when_staff_read_the_new_feedback_before_it_went(tmp_path: Path) -> None:
    with smtp_server() as inbox:
        async with email_bot(tmp_path, f"smtp://127.0.0.1:{inbox.port}") as bot:
            await set_team_email(bot, mode="now")
            feedback_id = await give_feedback(bot, "p1", "I'm a mum in Worthing", CAMHS)
            async with bot.sessions.begin() as session:
                await session.execute(
                    update(store.FeedbackRow)
                    .where(store.FeedbackRow.id == feedback_id)
                    .values(status="read")
                )
            report = await mailer_of(bot).send_due()
            (row,) = await emails(bot)
    assert inbox.messages == [] and report.sent == 0
    assert row.status == "sent"  # nothing left to say: done, not failed
