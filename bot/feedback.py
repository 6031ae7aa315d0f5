"""Feedback with consent: route it to a team, redact what must not travel, store it, forget it,
purge it, and bring staff answers back to the person."""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.content.models import Content, TopicCondition
from bot.engine.nlu.understand import Understander
from bot.engine.state import utcnow
from bot.feedback_rules import age_band, may_give_contact
from bot.keys import Keys
from bot.privacy.redact import Redactor
from bot.store import feedback as store

if TYPE_CHECKING:
    from bot.notify.mailer import Mailer

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class FeedbackDraft:
    conversation_key: str
    channel: str
    sender: str
    text: str
    consent: str  # anonymous | contact
    role: str | None = None
    area: str | None = None
    age: int | None = None
    age_band: str | None = None
    interests: Sequence[str] = ()
    contact: dict[str, str] = field(default_factory=dict)
    turn: int | None = None  # the conversation's turn: a retry of the same turn is the same


@dataclass(frozen=True, slots=True)
class SavedFeedback:
    id: int
    team_id: str
    team_name: str
    with_contact: bool
    by_email: bool = False  # the answer will also go to the email the person gave


def _fits(
    condition: TopicCondition, role: str | None, area: str | None, topics: Sequence[str]
) -> bool:
    if condition.roles is not None and (role or "unknown") not in condition.roles:
        return False
    if condition.areas is not None and (area or "unknown") not in condition.areas:
        return False
    if condition.topics is not None:
        wanted = set(condition.topics)
        if not (wanted & set(topics)) and not ("unknown" in wanted and not topics):
            return False
    return True


@dataclass(frozen=True, slots=True)
class PendingAnswer:
    delivery_id: int
    sender: str
    team: str
    text: str


class FeedbackService:
    """Everything the bot does with feedback; the store does the SQL."""

    def __init__(
        self,
        *,
        content: Content,
        understander: Understander,
        keys: Keys,
        sessions: async_sessionmaker[AsyncSession],
        redactor: Redactor,
        writes: contextlib.AbstractAsyncContextManager[object] | None = None,
        mailer: Mailer | None = None,
    ):
        self.content = content
        self.understander = understander
        self.keys = keys
        self.sessions = sessions
        self.writes = writes or contextlib.nullcontext()
        self.redactor = redactor
        self.mailer = mailer  # None: email is off (no SMTP_URL)

    def topics_for(self, text: str, interests: Sequence[str]) -> list[str]:
        """What the feedback is about: what the text itself is about first (the topic model,
        then the words for each interest), the person's interests only when it does not say."""
        about = self.understander.topic_of(text)
        from_text = self.understander.understand(text, asking="interests").interests
        return list(dict.fromkeys([*([about] if about else []), *from_text, *interests]))

    def team_for(self, role: str | None, area: str | None, topics: Sequence[str]) -> str:
        routing = self.content.feedback_routing
        for rule in routing.rules:
            if _fits(rule.when, role, area, topics):
                return rule.team
        return routing.default_team

    async def save(self, draft: FeedbackDraft) -> SavedFeedback:
        topics = self.topics_for(draft.text, draft.interests)
        team_id = self.team_for(draft.role, draft.area, topics)
        contact_allowed = draft.consent == "contact" and may_give_contact(
            draft.role, draft.age, draft.age_band
        )
        text = draft.text if contact_allowed else self.redactor.redact(draft.text).text
        contact = None
        if contact_allowed:
            contact = self.keys.encrypt(
                {"channel": draft.channel, "sender": draft.sender, **draft.contact}
            )
        dedupe = self.keys.person_key(f"{draft.conversation_key}|{draft.turn}|{draft.text}")
        values = dict(
            dedupe_key=dedupe if draft.turn is not None else None,
            created_at=utcnow(),
            channel=draft.channel,
            person_key=self.keys.person_key(draft.conversation_key),
            team_id=team_id,
            topic=topics[0] if topics else "general",
            topics=",".join(topics),
            role=draft.role,
            area=draft.area,
            age_band=age_band(draft.age, draft.age_band),
            text=text,
            consent="contact" if contact_allowed else "anonymous",
            contact=contact,
            status="new",
        )
        async with self.writes, self.sessions() as session:
            feedback_id = await store.save_feedback(session, **values)
            await self._tell_team(session, team_id, feedback_id)
        return SavedFeedback(
            feedback_id,
            team_id,
            self.content.teams[team_id].in_a_sentence,
            contact_allowed,
            by_email=bool(contact_allowed and draft.contact.get("email") and self.mailer),
        )

    async def _tell_team(self, session: AsyncSession, team_id: str, feedback_id: int) -> None:
        """Queue the team's "new feedback" email; the feedback is stored whatever happens here."""
        if self.mailer is None:
            return
        try:
            await self.mailer.feedback_stored(session, team_id, feedback_id)
        except Exception:  # a missed notification must not lose the person's feedback
            logger.exception("could not queue the team's email", extra={"team": team_id})

    async def allow_publishing(self, feedback_id: int, conversation_key: str) -> bool:
        """Record that the person agreed their own (redacted) words may be published; only
        for feedback this same person gave."""
        async with self.writes, self.sessions.begin() as session:
            return await store.allow_publishing(
                session, feedback_id, self.keys.person_key(conversation_key)
            )

    async def forget(self, conversation_key: str) -> int:
        """Delete every piece of feedback this person gave."""
        async with self.sessions.begin() as session:
            return await store.delete_feedback_for_person(
                session, self.keys.person_key(conversation_key)
            )

    async def purge(self, retention_days: int, now: dt.datetime | None = None) -> int:
        cutoff = (now or utcnow()) - dt.timedelta(days=retention_days)
        async with self.sessions.begin() as session:
            return await store.purge_feedback_before(session, cutoff)

    async def pending_answers(self, channel: str) -> list[PendingAnswer]:
        """Answers waiting to be pushed to people on ``channel`` (Telegram)."""
        pending: list[PendingAnswer] = []
        async with self.sessions() as session:
            for delivery in await store.pending_deliveries(session, channel=channel):
                address = self.keys.decrypt(delivery.recipient)
                feedback = await session.get(store.FeedbackRow, delivery.feedback_id)
                team = self.content.teams.get(feedback.team_id) if feedback else None
                pending.append(
                    PendingAnswer(
                        delivery_id=delivery.id,
                        sender=str(address.get("sender", "")),
                        team=team.in_a_sentence if team else "the team",
                        text=await store.response_text(session, delivery.response_id),
                    )
                )
        return pending

    async def mark_delivered(self, delivery_ids: Sequence[int]) -> None:
        async with self.sessions.begin() as session:
            for delivery_id in delivery_ids:
                delivery = await session.get(store.DeliveryRow, delivery_id)
                if delivery is not None:
                    delivery.delivered_at = utcnow()

    async def answers_waiting(self, channel: str, conversation_key: str) -> list[dict[str, Any]]:
        """Staff answers not yet shown to this person; marks them delivered."""
        person = self.keys.person_key(conversation_key)
        waiting: list[dict[str, Any]] = []
        async with self.sessions.begin() as session:
            for delivery in await store.pending_deliveries(
                session, channel=channel, person_key=person
            ):
                feedback = await session.get(store.FeedbackRow, delivery.feedback_id)
                text = await store.response_text(session, delivery.response_id)
                team = self.content.teams.get(feedback.team_id) if feedback else None
                waiting.append(
                    {
                        "team": team.in_a_sentence if team else "the team",
                        "date": feedback.created_at if feedback else None,
                        "text": text,
                    }
                )
                delivery.delivered_at = utcnow()
        return waiting
