"""The email service: puts emails in the outbox as things happen, and sends what is due.

Queuing happens in the caller's database session (feedback stored, an answer given) and costs
one or two small statements; sending happens in a background task (``run``) or from
``getinvolved email send-due``, so a slow or broken SMTP server never holds up a conversation.
Time comes from ``clock`` (or a ``now`` argument), so tests can move it.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid, parseaddr
from typing import Any

import aiosmtplib
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.content.models import Content
from bot.engine.state import utcnow
from bot.keys import Keys
from bot.notify import words
from bot.notify.smtp import SmtpConfig, send_email
from bot.store import feedback as store
from bot.store import outbox
from bot.store.staff import TeamRow
from bot.uktime import UK_TIME

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often, and how long apart, an email is tried: 1, 2, 4 ... minutes, up to 6 hours
    apart, 8 tries in all (about 4 hours); then it is "failed" and kept."""

    first_wait: dt.timedelta = dt.timedelta(minutes=1)
    longest_wait: dt.timedelta = dt.timedelta(hours=6)
    attempts: int = 8
    lease: dt.timedelta = dt.timedelta(minutes=5)  # a worker that died frees its emails then

    def wait_after(self, attempts: int) -> dt.timedelta | None:
        """The wait after ``attempts`` failed tries, or None: give up."""
        if attempts >= self.attempts:
            return None
        wait: dt.timedelta = self.first_wait * (2 ** max(0, attempts - 1))
        return min(wait, self.longest_wait)


@dataclass(frozen=True, slots=True)
class NotSent:
    """Why a queued email was not sent: ``done`` when there was nothing left to say (staff
    read the new items first), so it counts as sent; otherwise it failed."""

    why: str
    done: bool = False


@dataclass(frozen=True, slots=True)
class SendReport:
    sent: int = 0
    retrying: int = 0
    failed: int = 0


def _utc(moment: dt.datetime) -> dt.datetime:
    """SQLite gives back UTC without its time zone."""
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _why(error: BaseException) -> str:
    """What went wrong, for the row and the log: the kind and SMTP code, never the server's
    words (they can repeat an address)."""
    refused = getattr(error, "recipients", None)  # SMTPRecipientsRefused: the first one's code
    code = getattr(refused[0] if refused else error, "code", None)
    return f"{type(error).__name__}{f' {code}' if isinstance(code, int) else ''}"


class Mailer:
    """Team notifications and answers by email, through one SMTP server."""

    def __init__(
        self,
        *,
        smtp: SmtpConfig,
        sessions: async_sessionmaker[AsyncSession],
        content: Content,
        keys: Keys,
        sender: str,
        base_url: str,
        answer_target_days: int,
        policy: RetryPolicy | None = None,
        clock: Callable[[], dt.datetime] = utcnow,
    ):
        self.smtp = smtp
        self.sessions = sessions
        self.content = content
        self.keys = keys
        self.sender = parseaddr(sender)
        self.base_url = base_url.rstrip("/")
        self.answer_target_days = answer_target_days
        self.policy = policy or RetryPolicy()
        self.clock = clock
        self._queued = asyncio.Event()  # wakes ``run`` when this process queues an email

    # ---- queuing, in the caller's session ---------------------------------------------------
    async def feedback_stored(self, session: AsyncSession, team_id: str, feedback_id: int) -> None:
        """A team that wants email "at once" gets one about this feedback (once, even if the
        same message is stored again after a retry)."""
        team = await session.get(TeamRow, team_id)
        if team is None or team.notify_mode != "now" or not team.notify_email:
            return
        await outbox.queue_email(
            session,
            kind="team_new",
            dedupe_key=f"new:{feedback_id}",
            team_id=team_id,
            feedback_id=feedback_id,
            now=self.clock(),
        )
        self._queued.set()

    async def answer_given(
        self,
        session: AsyncSession,
        *,
        feedback_id: int,
        team_id: str,
        response_id: int,
        contact: dict[str, Any],
    ) -> bool:
        """Queue a staff answer to the person's email, if they gave one; True if queued."""
        email = contact.get("email")
        if not email:
            return False
        self._queued.set()
        return await outbox.queue_email(
            session,
            kind="answer",
            dedupe_key=f"answer:{response_id}",
            team_id=team_id,
            feedback_id=feedback_id,
            response_id=response_id,
            recipient=self.keys.encrypt(str(email)),
            now=self.clock(),
        )

    async def queue_digests(self, now: dt.datetime | None = None) -> int:
        """Each digest team past its hour (UK time) that has not had today's summary gets
        one, covering what came in since the last; none is sent when nothing came in."""
        now = now or self.clock()
        today = now.astimezone(UK_TIME)
        queued = 0
        async with self.sessions.begin() as session:
            teams = await session.scalars(
                select(TeamRow).where(
                    TeamRow.notify_mode == "digest", TeamRow.notify_email.is_not(None)
                )
            )
            for team in teams.all():
                last = _utc(team.last_digest_at) if team.last_digest_at else None
                if today.hour < team.digest_hour:
                    continue
                if last is not None and last.astimezone(UK_TIME).date() >= today.date():
                    continue
                since = last or now - dt.timedelta(days=1)
                if await self._count_new(session, team.id, since, now) == 0:
                    team.last_digest_at = now  # nothing to tell today
                    continue
                if await outbox.queue_email(
                    session,
                    kind="team_digest",
                    dedupe_key=f"digest:{team.id}:{today.date().isoformat()}",
                    team_id=team.id,
                    covers_from=since,
                    now=now,
                ):
                    team.last_digest_at = now
                    queued += 1
        return queued

    # ---- sending, in the background ---------------------------------------------------------
    async def send_due(self, now: dt.datetime | None = None, *, batch: int = 20) -> SendReport:
        """Claim and send every email that is due; each worker sends what it claimed."""
        now = now or self.clock()
        sent = retrying = failed = 0
        while True:
            async with self.sessions.begin() as session:
                claimed = await outbox.claim_due(session, now, lease=self.policy.lease, limit=batch)
            for email_id, covered in await self._one_news_email_per_team(claimed):
                result = await self._send_one(email_id, now, covered)
                sent += result == "sent"
                retrying += result == "pending"
                failed += result == "failed"
            if not claimed:
                # not "fewer than a batch": on SQLite a claim that lost some rows to another
                # worker's race returns fewer while more are still due
                return SendReport(sent, retrying, failed)

    async def run(self, interval: float = 15.0, settle: float = 0.2) -> None:
        """The background task: digests and due emails every ``interval`` seconds, and soon
        after this process queues one (``settle``: time for the caller's transaction to
        commit). Other workers' emails wait for the next round."""
        logger.info("email on", extra={"smtp": self.smtp.shown})
        while True:
            self._queued.clear()  # what is queued from now on wakes the next round
            try:
                await self.queue_digests()
                await self.send_due()
            except Exception:  # the database went away for a moment: try again soon
                logger.exception("email sending failed; trying again soon")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._queued.wait(), interval)
                await asyncio.sleep(settle)

    async def _one_news_email_per_team(self, claimed: list[int]) -> list[tuple[int, list[int]]]:
        """The emails to send, each with the claimed ones it stands for: a team's "new
        feedback" email counts all its unread items, so one of them is enough."""
        async with self.sessions() as session:
            rows = (
                await session.execute(
                    select(outbox.OutboxRow.id, outbox.OutboxRow.kind, outbox.OutboxRow.team_id)
                    .where(outbox.OutboxRow.id.in_(claimed))
                    .order_by(outbox.OutboxRow.id)
                )
            ).all()
        news: dict[str, list[int]] = {}
        plan: list[tuple[int, list[int]]] = []
        for email_id, kind, team_id in rows:
            if kind == "team_new":
                news.setdefault(team_id, []).append(email_id)
            else:
                plan.append((email_id, []))
        plan += [(ids[-1], ids[:-1]) for ids in news.values()]
        return plan

    async def _send_one(self, email_id: int, now: dt.datetime, covered: list[int]) -> str:
        async with self.sessions() as session:
            row = await session.get(outbox.OutboxRow, email_id)
            if row is None:  # its feedback was deleted meanwhile
                return "gone"
            message = await self._compose(session, row, now)
        if isinstance(message, NotSent) and not message.done:
            return await self._give_up(email_id, now, message.why)
        if isinstance(message, EmailMessage):
            try:
                await send_email(self.smtp, message)
            except (aiosmtplib.SMTPException, OSError, TimeoutError) as error:
                for other in covered:
                    await self._failed(other, now, _why(error))
                return await self._failed(email_id, now, _why(error))
        async with self.sessions.begin() as session:
            done = [email_id, *covered]
            if row.kind == "team_new":  # this email counted the team's other new items too
                done += await outbox.other_pending_news(session, row.team_id, now, email_id)
            await outbox.mark_sent(session, done, now)
        if isinstance(message, NotSent):  # staff read it all before the email went
            return "not needed"
        logger.info("email sent", extra={"email_id": email_id, "kind": row.kind})
        return "sent"

    async def _failed(self, email_id: int, now: dt.datetime, why: str) -> str:
        async with self.sessions.begin() as session:
            row = await session.get(outbox.OutboxRow, email_id)
            if row is None:
                return "gone"
            wait = self.policy.wait_after(row.attempts)
            await outbox.mark_failed_attempt(session, row, now, why, wait)
            status = row.status
        logger.warning(
            "email not sent",
            extra={"email_id": email_id, "error": why, "attempt": row.attempts, "now": status},
        )
        return status

    async def _give_up(self, email_id: int, now: dt.datetime, why: str) -> str:
        async with self.sessions.begin() as session:
            row = await session.get(outbox.OutboxRow, email_id)
            if row is not None:
                await outbox.mark_failed_attempt(session, row, now, why, None)
        return "failed"

    # ---- what each email says ---------------------------------------------------------------
    async def _compose(
        self, session: AsyncSession, row: outbox.OutboxRow, now: dt.datetime
    ) -> EmailMessage | NotSent:
        if row.kind == "alert":  # an opt-in alert (bot/alerts/email.py)
            from bot.alerts.email import compose_alert

            made = await compose_alert(session, row, keys=self.keys, base_url=self.base_url)
            if made is None:
                return NotSent("no longer open", done=True)
            return self._message(row, "Get Involved", *made)
        team = await session.get(TeamRow, row.team_id)
        known = self.content.teams.get(row.team_id)
        team_name = known.name if known else (team.name if team else "the team")
        if row.kind == "answer":
            if not row.recipient or row.response_id is None:
                return NotSent("no address")
            text = await store.response_text(session, row.response_id)
            subject, body = words.answer(team_name, text, self.base_url + "/")
            recipient = str(self.keys.decrypt(row.recipient))
            return self._message(row, f"{team_name} (Get Involved)", recipient, subject, body)
        if team is None or not team.notify_email or team.notify_mode == "off":
            return NotSent("the team has no email now")
        if row.kind == "team_digest":
            since = _utc(row.covers_from) if row.covers_from else now - dt.timedelta(days=1)
            summary = await self._summary(session, row.team_id, now, since, _utc(row.created_at))
            subject, body = words.team_digest(team_name, summary, self.base_url + "/staff/")
        else:
            summary = await self._summary(session, row.team_id, now)
            if summary.new == 0:
                return NotSent("nothing unread now", done=True)
            subject, body = words.team_new(team_name, summary, self.base_url + "/staff/")
        return self._message(row, "Get Involved", team.notify_email, subject, body)

    def _message(
        self, row: outbox.OutboxRow, shown_as: str, recipient: str, subject: str, body: str
    ) -> EmailMessage:
        message = EmailMessage()
        message["From"] = formataddr((shown_as, self.sender[1]))
        message["To"] = recipient
        message["Subject"] = subject
        message["Date"] = format_datetime(_utc(row.created_at))
        message["Message-ID"] = make_msgid(f"outbox{row.id}", self.sender[1].rpartition("@")[2])
        message.set_content(body)
        return message

    def _new_items(self, team_id: str, since: dt.datetime | None, until: dt.datetime | None) -> Any:
        """The team's new feedback: since the last digest, or (at once) not read yet."""
        where = [store.FeedbackRow.team_id == team_id]
        if since is None:
            where.append(store.FeedbackRow.status == "new")
        else:
            where.append(store.FeedbackRow.created_at >= since)
        if until is not None:
            where.append(store.FeedbackRow.created_at <= until)
        return where

    async def _count_new(
        self, session: AsyncSession, team_id: str, since: dt.datetime, until: dt.datetime
    ) -> int:
        query = select(func.count(store.FeedbackRow.id)).where(
            *self._new_items(team_id, since, until)
        )
        return int(await session.scalar(query) or 0)

    async def _summary(
        self,
        session: AsyncSession,
        team_id: str,
        now: dt.datetime,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
    ) -> words.TeamSummary:
        """Counts and topics, from the same queries as the staff inbox."""
        from bot.web.staff import TOPIC_NAMES  # the names staff see on their pages

        by_topic = (
            await session.execute(
                select(store.FeedbackRow.topic, func.count(store.FeedbackRow.id))
                .where(*self._new_items(team_id, since, until))
                .group_by(store.FeedbackRow.topic)
                .order_by(func.count(store.FeedbackRow.id).desc(), store.FeedbackRow.topic)
            )
        ).all()
        due_before = store.overdue_cutoff(now, self.answer_target_days)
        waiting = await self._total(session, team_id, store.FeedbackFilter(answer="waiting"))
        overdue = await self._total(
            session, team_id, store.FeedbackFilter(answer="overdue", due_before=due_before)
        )
        return words.TeamSummary(
            new=sum(int(n) for _, n in by_topic),
            topics=[(TOPIC_NAMES.get(topic, topic), int(n)) for topic, n in by_topic],
            waiting=waiting,
            overdue=overdue,
            target_days=self.answer_target_days,
        )

    @staticmethod
    async def _total(session: AsyncSession, team_id: str, filters: store.FeedbackFilter) -> int:
        found = await store.page_feedback_for_teams(session, [team_id], filters, per_page=1)
        return found.total
