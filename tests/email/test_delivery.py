"""The outbox under trouble: a server that refuses, one that wants a login we get wrong, one
that is down, a worker that dies mid-send, and two workers sending at once. Time is moved
by hand (``now``), so the backoff is checked to the minute."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import update

from bot.app import GetInvolved, create_bot
from bot.engine.state import utcnow
from bot.notify.mailer import Mailer, RetryPolicy, SendReport
from bot.notify.smtp import SmtpConfig
from bot.serve import clean_up
from bot.store import outbox
from bot.store.db import create_engine, create_session_factory
from tests.conftest import create_settings
from tests.email.helpers import HEALTH_TEAM, email_bot, emails, mailer_of, set_team_email
from tests.email.smtp_server import PASSWORD, USER, free_port, make_certificate, smtp_server
from tests.web.staff_helpers import give_feedback

MINUTE = dt.timedelta(minutes=1)
CAMHS = "The CAMHS wait is far too long for my son"


async def _one_email(bot: GetInvolved) -> outbox.OutboxRow:
    (row,) = await emails(bot)
    return row


@pytest.mark.parametrize("trouble", ["refuses", "wrong login"])
async def test_a_refusing_server_is_retried_with_backoff_then_failed_and_nothing_is_lost(
    tmp_path: Path, trouble: str
) -> None:
    with smtp_server(login=trouble == "wrong login") as inbox:
        inbox.refuse = trouble == "refuses"
        login = f"{USER}:not-the-password@" if trouble == "wrong login" else ""
        async with email_bot(tmp_path, f"smtp://{login}127.0.0.1:{inbox.port}") as bot:
            mailer = mailer_of(bot)
            mailer.policy = RetryPolicy(attempts=3)
            await set_team_email(bot, mode="now")
            feedback_id = await give_feedback(bot, "p1", "I'm a mum in Worthing", CAMHS)
            start = utcnow()

            first = await mailer.send_due(start)
            row = await _one_email(bot)
            assert (first.retrying, row.status, row.attempts) == (1, "pending", 1)
            assert row.last_error and ("550" in row.last_error or "Auth" in row.last_error)
            assert "camhs-team" not in row.last_error
            # not due again until a minute has passed, then two minutes more
            assert (await mailer.send_due(start + 59 * dt.timedelta(seconds=1))).retrying == 0
            assert (await mailer.send_due(start + MINUTE)).retrying == 1
            assert (await mailer.send_due(start + 2 * MINUTE)).retrying == 0
            last = await mailer.send_due(start + 3 * MINUTE)
            row = await _one_email(bot)
            assert (last.failed, row.status, row.attempts) == (1, "failed", 3)
            assert (await mailer.send_due(start + 60 * MINUTE)) == SendReport()  # it gave up
            # meanwhile conversations carry on, and feedback is kept
            second = await give_feedback(bot, "p2", "I'm a mum in Worthing", "More nurses please")
            assert second != feedback_id
            # nothing lost: once the server is fixed, the failed email goes out
            inbox.refuse = False
            if trouble == "wrong login":
                mailer.smtp = SmtpConfig("127.0.0.1", inbox.port, username=USER, password=PASSWORD)
            async with bot.sessions.begin() as session:
                assert await outbox.retry_failed(session, start + 61 * MINUTE) == 1
            assert (await mailer.send_due(start + 61 * MINUTE)).sent >= 1
    assert len(inbox.to("camhs-team@nhs.example")) == 1
    assert "2 new pieces of feedback" in inbox.messages[0].get_content()


async def test_a_server_that_is_down_is_retried_and_gets_the_email_once_it_is_up(
    tmp_path: Path,
) -> None:
    port = free_port()  # nothing listens here yet
    async with email_bot(tmp_path, f"smtp://127.0.0.1:{port}") as bot:
        mailer = mailer_of(bot)
        await set_team_email(bot, mode="now")
        await give_feedback(bot, "p1", "I'm a mum in Worthing", CAMHS)
        start = utcnow()
        assert (await mailer.send_due(start)).retrying == 1
        assert (await mailer.send_due(start + MINUTE)).retrying == 1
        row = await _one_email(bot)
        assert (row.status, row.attempts, row.last_error) == ("pending", 2, "SMTPConnectError")
        with smtp_server(port) as inbox:
            assert (await mailer.send_due(start + 2 * MINUTE)).sent == 0  # backoff: 2 minutes
            assert (await mailer.send_due(start + 3 * MINUTE)).sent == 1
            assert (await mailer.send_due(start + 9 * MINUTE)).sent == 0
        row = await _one_email(bot)
    assert len(inbox.messages) == 1
    assert (row.status, row.attempts) == ("sent", 3)


async def test_an_email_claimed_by_a_worker_that_died_is_sent_after_its_lease(
    tmp_path: Path,
) -> None:
    with smtp_server() as inbox:
        async with email_bot(tmp_path, f"smtp://127.0.0.1:{inbox.port}") as bot:
            mailer = mailer_of(bot)
            await set_team_email(bot, mode="now")
            await give_feedback(bot, "p1", "I'm a mum in Worthing", CAMHS)
            start = utcnow()
            async with bot.sessions.begin() as session:  # a worker claims it, then dies
                assert len(await outbox.claim_due(session, start, lease=5 * MINUTE)) == 1
        # the process restarts: the same database, a new bot
        async with email_bot(tmp_path, f"smtp://127.0.0.1:{inbox.port}") as bot:
            mailer = mailer_of(bot)
            assert (await mailer.send_due(start + 4 * MINUTE)).sent == 0  # still leased
            assert inbox.messages == []
            assert (await mailer.send_due(start + 6 * MINUTE)).sent == 1
            assert (await mailer.send_due(start + 20 * MINUTE)).sent == 0
            row = await _one_email(bot)
    assert len(inbox.messages) == 1
    assert (row.status, row.attempts) == ("sent", 2)


async def test_two_workers_send_each_email_once(database_url: str, tmp_path: Path) -> None:
    """Two senders with their own connections, on SQLite and PostgreSQL, against a slow
    server so their work overlaps: 30 emails arrive, each once."""
    with smtp_server() as inbox:
        inbox.delay = 0.01
        bot = await create_bot(
            create_settings(
                tmp_path, database_url=database_url, smtp_url=f"smtp://127.0.0.1:{inbox.port}"
            )
        )
        other_engine = create_engine(bot.settings.database_url)
        try:
            first = mailer_of(bot)
            second = Mailer(
                smtp=first.smtp,
                sessions=create_session_factory(other_engine),
                content=bot.content,
                keys=bot.keys,
                sender=bot.settings.email_from,
                base_url=first.base_url,
                answer_target_days=20,
            )
            await set_team_email(bot, mode="digest")
            now = utcnow()
            async with bot.sessions.begin() as session:
                for day in range(30):
                    await outbox.queue_email(
                        session,
                        kind="team_digest",
                        dedupe_key=f"digest:{HEALTH_TEAM}:{day}",
                        team_id=HEALTH_TEAM,
                        covers_from=now - dt.timedelta(days=1),
                        now=now,
                    )
            reports = await asyncio.gather(
                first.send_due(now, batch=4), second.send_due(now, batch=4)
            )
            rows = await emails(bot)
        finally:
            await other_engine.dispose()
            await bot.close()
    assert sum(report.sent for report in reports) == 30
    assert all(report.sent > 0 for report in reports), "both workers took a share"
    ids = [message["Message-ID"] for message in inbox.messages]
    assert len(ids) == 30 and len(set(ids)) == 30
    assert {row.status for row in rows} == {"sent"} and {row.attempts for row in rows} == {1}


async def test_starttls_and_a_login(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The production form: STARTTLS, the server's certificate checked, then a login."""
    certificate, key = make_certificate(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(certificate))  # trust the test certificate
    with smtp_server(login=True, starttls=(certificate, key)) as inbox:
        url = f"smtp://{USER}:{PASSWORD}@127.0.0.1:{inbox.port}?starttls=true"
        async with email_bot(tmp_path, url) as bot:
            await set_team_email(bot, mode="now")
            await give_feedback(bot, "p1", "I'm a mum in Worthing", CAMHS)
            assert (await mailer_of(bot).send_due()).sent == 1
    assert len(inbox.messages) == 1


async def test_a_certificate_that_cannot_be_trusted_is_not_sent_to(tmp_path: Path) -> None:
    with smtp_server(login=True, starttls=make_certificate(tmp_path)) as inbox:
        url = f"smtp://{USER}:{PASSWORD}@127.0.0.1:{inbox.port}?starttls=true"
        async with email_bot(tmp_path, url) as bot:
            await set_team_email(bot, mode="now")
            await give_feedback(bot, "p1", "I'm a mum in Worthing", CAMHS)
            assert (await mailer_of(bot).send_due()).retrying == 1
            assert (await _one_email(bot)).last_error is not None
    assert inbox.messages == []


async def test_a_login_that_works_sends(tmp_path: Path) -> None:
    with smtp_server(login=True) as inbox:
        url = f"smtp://{USER}:{PASSWORD}@127.0.0.1:{inbox.port}?starttls=false"
        async with email_bot(tmp_path, url) as bot:
            await set_team_email(bot, mode="now")
            await give_feedback(bot, "p1", "I'm a mum in Worthing", CAMHS)
            assert (await mailer_of(bot).send_due()).sent == 1
            assert PASSWORD not in repr(bot.settings) and PASSWORD not in mailer_of(bot).smtp.shown
            await clean_up(bot)
            assert len(await emails(bot)) == 1  # a record of it is kept for 30 days
            async with bot.sessions.begin() as session:  # a month later
                await session.execute(
                    update(outbox.OutboxRow).values(sent_at=utcnow() - dt.timedelta(days=31))
                )
            await clean_up(bot)
            assert await emails(bot) == []
    assert len(inbox.messages) == 1
