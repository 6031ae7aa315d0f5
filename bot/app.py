"""Wiring: build every part of the bot once from the settings, and hold conversations."""

from __future__ import annotations

import datetime as dt
import gc
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from actions import ActionContext
from bot.cleaning import clean_typed
from bot.content import Content, load_content
from bot.dialogues import Dialogues, load_dialogues
from bot.engine.engine import Engine, TurnResult
from bot.engine.nlu.understand import Understander
from bot.engine.replies import Reply
from bot.engine.state import ConversationState
from bot.feedback import FeedbackService
from bot.keys import Keys, load_or_create_secret
from bot.locks import LocalLocks, create_locks
from bot.observability import Metrics
from bot.privacy.redact import Redactor, public_emails, public_numbers
from bot.redislink import RedisLink
from bot.settings import Settings
from bot.store import conversations, staff
from bot.store.db import (
    create_engine,
    create_session_factory,
    one_writer,
    scrub_deleted,
    upgrade_database,
)
from bot.store.hot import ConversationStore, open_conversation_store

if TYPE_CHECKING:
    from bot.alerts.sender import AlertSender
    from bot.notify.mailer import Mailer

logger = logging.getLogger(__name__)


def build_understander(content: Content, dialogues: Dialogues) -> Understander:
    return Understander(
        intent_examples=dialogues.intent_examples,
        synonyms=dialogues.synonyms,
        places=content.places.by_council(),
        needs_context=content.places.needs_context,
        postcodes=content.postcodes,
        answer_names={answer.id: answer.names for answer in content.answers.values()},
        answer_texts={answer.id: answer.what for answer in content.answers.values()},
        languages=content.languages.languages,
    )


def build_redactor(content: Content, *sources: Path) -> Redactor:
    """Place names and route titles are never taken for people's names, and phone numbers
    in the bot's own words and sources (helplines, services) never for a person's."""
    keep = [name for names in content.places.by_council().values() for name in names]
    keep += [route.title for route in content.routes.values()]
    keep += [team.name for team in content.teams.values()]
    texts = [
        path.read_text(encoding="utf-8")
        for source in sources
        for path in sorted(source.rglob("*") if source.is_dir() else [source])
        if path.is_file() and path.suffix in (".yml", ".yaml", ".txt", ".md")
    ]
    return Redactor(
        keep_words=keep, public_numbers=public_numbers(texts), public_emails=public_emails(texts)
    )


@dataclass
class GetInvolved:
    """The running bot: content, engine, feedback and storage. Create with :func:`create_bot`."""

    settings: Settings
    content: Content
    dialogues: Dialogues
    understander: Understander
    engine: Engine
    database: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    keys: Keys
    feedback: FeedbackService
    states: ConversationStore
    locks: LocalLocks = field(default_factory=LocalLocks)
    redis: RedisLink | None = None  # with REDIS_URL: shared by the locks and sign-in limits
    metrics: Metrics = field(default_factory=Metrics)
    mailer: Mailer | None = None  # with SMTP_URL: team notifications and answers by email

    def alert_sender(self, telegram: object = None) -> AlertSender:
        """The opt-in alert sender (bot/alerts/sender.py); ``telegram``: an initialised
        python-telegram-bot Bot (with its rate limiter), or None for email alerts only."""
        from bot.alerts.sender import AlertSender
        from bot.alerts.timing import Timing, parse_quiet_hours

        mailer = self.mailer
        return AlertSender(
            sessions=self.sessions,
            keys=self.keys,
            timing=Timing(
                quiet=parse_quiet_hours(self.settings.alerts_quiet_hours),
                daily_cap=self.settings.alerts_daily_cap,
            ),
            telegram=telegram,
            email_on=mailer is not None,
            on_email_queued=mailer._queued.set if mailer is not None else None,
        )

    @property
    def expiry(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.settings.conversation_expiry_minutes)

    async def converse(
        self,
        channel: str,
        sender: str,
        text: str,
        *,
        message_id: str | None = None,
        easy_read: bool | None = None,
    ) -> TurnResult:
        """Handle one message from ``sender`` on ``channel``: load, answer, save.

        ``message_id``, when the channel sends one, makes a retry safe: the same id again gets
        the first answer, and nothing is done or stored twice. ``easy_read``, when the channel
        says, switches easy read on or off from this message on (None keeps it as it was)."""
        text = clean_typed(text)
        key = f"{channel}:{sender}"
        started = time.perf_counter()
        async with self.locks.hold(key):
            loaded = await conversations.load_state(
                self.states, channel, sender, expiry=self.expiry, keys=self.keys
            )
            again = loaded.state
            if message_id and again.last_message_id == message_id and again.last_answer:
                return TurnResult(
                    replies=[Reply.from_dict(reply) for reply in again.last_answer],
                    state=again,
                    crisis=again.last_crisis,
                )
            if easy_read is not None:
                loaded.state.easy_read = easy_read
            result = await self.engine.handle(loaded.state, text)
            if result.state is not None:
                result.state.last_message_id = message_id
                result.state.last_answer = (
                    [reply.as_dict() for reply in result.replies] if message_id else None
                )
                result.state.last_crisis = result.crisis
            waiting = loaded.answer_waiting
            if waiting and not result.forgotten and not result.crisis:
                result.replies[:0] = await self.answers_for(channel, key)
                waiting = False
            if result.forgotten:
                await self.states.delete(key)
            elif result.state is not None:
                await conversations.save_state(
                    self.states, result.state, keys=self.keys, answer_waiting=waiting
                )
        seconds = time.perf_counter() - started
        before, after = loaded.state, result.state
        new_routes = [r for r in (after.routes if after else []) if r not in before.routes]
        stored = after is not None and after.feedback_id not in (None, before.feedback_id)
        self.metrics.turn(
            channel,
            seconds,
            new_routes,
            result.crisis,
            (after.consent or "anonymous") if stored and after else None,
        )
        logger.debug(
            "turn",
            extra={
                "channel": channel,
                "asking": after.asking if after else None,
                "latency_ms": round(seconds * 1000, 2),
                "routes": len(new_routes),
                "crisis": result.crisis,
            },
        )
        return result

    async def peek(self, channel: str, sender: str) -> ConversationState:
        """The person's conversation as it stands, without a turn."""
        loaded = await conversations.load_state(
            self.states, channel, sender, expiry=self.expiry, keys=self.keys
        )
        return loaded.state

    async def answers_for(self, channel: str, key: str) -> list[Reply]:
        """Staff answers ("you said, we did") waiting for this person, shown once."""
        replies: list[Reply] = []
        for answer in await self.feedback.answers_waiting(channel, key):
            intro = self.engine.say(
                "utter_answer_waiting", _blank_state(channel, key), team=str(answer["team"])
            )
            replies += [intro, Reply(str(answer["text"]))]
        return replies

    def answer_replies(self, channel: str, team: str, text: str) -> list[Reply]:
        """How a staff answer is shown to the person."""
        intro = self.engine.say(
            "utter_answer_waiting", _blank_state(channel, f"{channel}:"), team=team
        )
        return [intro, Reply(text)]

    async def forget(self, key: str) -> None:
        """Remove everything stored about the conversation ``key`` (channel:sender)."""
        from bot.store.alerts import delete_for_person

        async with self.sessions.begin() as session:
            await conversations.delete_conversation(session, key)
            await delete_for_person(session, self.keys.person_key(key))  # opt-in alerts too
        await self.feedback.forget(key)
        await scrub_deleted(self.database)

    async def close(self) -> None:
        if self.engine.polls is not None:
            await self.engine.polls.stop()
        await self.locks.close()
        await self.states.close()
        await self.database.dispose()


def _blank_state(channel: str, key: str) -> ConversationState:
    return ConversationState(channel=channel, sender=key.partition(":")[2])


def build_mailer(
    settings: Settings, content: Content, keys: Keys, sessions: async_sessionmaker[AsyncSession]
) -> Mailer | None:
    """Email, when SMTP_URL is set. Without it nothing is queued: no team is told by email,
    and people are told their answer comes in the chat."""
    if not settings.smtp_url:
        return None
    from bot.notify.mailer import Mailer  # only with email on: aiosmtplib is not loaded otherwise
    from bot.notify.smtp import parse_smtp_url

    return Mailer(
        smtp=parse_smtp_url(settings.smtp_url),
        sessions=sessions,
        content=content,
        keys=keys,
        sender=settings.email_from,
        base_url=settings.base_url,
        answer_target_days=settings.answer_target_days,
    )


async def create_bot(settings: Settings, *, working_dir: Path | None = None) -> GetInvolved:
    """Load content and dialogues, build the engine, and open (and migrate) the database."""
    content = load_content(settings.content_dir)
    dialogues = load_dialogues(settings.dialogues_dir)
    understander = build_understander(content, dialogues)
    keys = Keys(load_or_create_secret(settings.secret_key, working_dir or Path.cwd()))
    database = create_engine(settings.database_url)
    await upgrade_database(database)
    sessions = create_session_factory(database)
    async with sessions.begin() as session:
        await staff.sync_teams(session, [(t.id, t.name, t.does) for t in content.teams.values()])
    writes = one_writer(database)
    redis = RedisLink(settings.redis_url) if settings.redis_url else None
    mailer = build_mailer(settings, content, keys, sessions)
    feedback = FeedbackService(
        content=content,
        understander=understander,
        keys=keys,
        sessions=sessions,
        redactor=build_redactor(content, settings.content_dir, settings.dialogues_dir),
        writes=writes,
        mailer=mailer,
    )
    holder: dict[str, GetInvolved] = {}

    async def forget(key: str) -> None:
        await holder["bot"].forget(key)

    engine = Engine(
        dialogues=dialogues,
        content=content,
        understander=understander,
        context=ActionContext(
            content=content, understander=understander, forget=forget, feedback=feedback
        ),
        max_message_chars=settings.max_message_chars,
    )
    await engine.opportunities.refresh(sessions)  # open opportunities, in memory from the start
    from bot.polls.desk import PollDesk  # quick polls: open ones in memory, answers kept apart

    engine.polls = PollDesk(
        sessions=sessions,
        keys=keys,
        base_url=settings.base_url,
        team_names={team.id: team.name for team in content.teams.values()},
    )
    await engine.polls.refresh()
    engine.polls.start()
    bot = GetInvolved(
        settings=settings,
        content=content,
        dialogues=dialogues,
        understander=understander,
        engine=engine,
        database=database,
        sessions=sessions,
        keys=keys,
        feedback=feedback,
        states=await open_conversation_store(settings.database_url, writes=writes),
        locks=create_locks(redis),
        redis=redis,
        mailer=mailer,
    )
    holder["bot"] = bot
    from bot.alerts.signup import AlertSignup

    engine.alerts = AlertSignup(
        sessions=sessions, keys=keys, email_on=mailer is not None, base_url=settings.base_url
    )
    # Everything built so far lives as long as the process: keep the garbage collector from
    # walking it again and again (a full collection of it takes about 60 ms here).
    gc.collect()
    gc.freeze()
    return bot
