"""Alerts in the conversation: asked for, explained, agreed to with a clear yes, stopped.

Off by default and never offered unasked (ICO Children's code): only a person who asks hears
about them. What is kept is said plainly before the yes/no question; only an unambiguous yes
(bot/engine/nlu/consent.py) signs them up; an unclear answer is asked once more, then is a no.
Under-13s are told to ask a parent or carer and are not signed up. Telegram alerts go to the
chat; elsewhere (web chat, terminal, replay) by email, to an address they give.
"""

from __future__ import annotations

import datetime as dt
import re
import secrets
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.alerts import words
from bot.engine.nlu.consent import read_consent
from bot.engine.replies import Reply
from bot.engine.state import ConversationState, utcnow
from bot.keys import Keys
from bot.store import alerts as store

if TYPE_CHECKING:
    from bot.engine.engine import Engine

ASKING_CONSENT = "alerts_consent"
ASKING_EMAIL = "alerts_email"
YOUNGEST = 13
_EMAIL = re.compile(r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")
BANDS_UNDER_13 = {"under_11"}
BANDS_MAYBE_UNDER_13 = {"11_15"}


def valid_email(text: str) -> str | None:
    candidate = text.strip().strip(".").strip()
    return candidate if len(candidate) <= 254 and _EMAIL.match(candidate) else None


def age_band_of(state: ConversationState) -> str | None:
    if state.age_band:
        return state.age_band
    if state.age is None:
        return None
    for low, high, band in (
        (0, 10, "under_11"),
        (11, 15, "11_15"),
        (16, 18, "16_18"),
        (19, 25, "19_25"),
    ):
        if low <= state.age <= high:
            return band
    return "over_25"


class AlertSignup:
    """The conversation's side of alerts; the engine calls :meth:`turn` once per message."""

    def __init__(
        self,
        *,
        sessions: async_sessionmaker[AsyncSession],
        keys: Keys,
        email_on: bool,
        base_url: str,
        clock: Callable[[], dt.datetime] = utcnow,
    ):
        self.sessions = sessions
        self.keys = keys
        self.email_on = email_on
        self.base_url = base_url.rstrip("/")
        self.clock = clock

    async def turn(self, engine: Engine, state: ConversationState, text: str) -> list[Reply] | None:
        """Replies when this message is about alerts; None to let the conversation go on.
        Once the alerts question is settled, the conversation carries on where it was."""
        replies = await self._turn(engine, state, text)
        if replies is not None and state.asking not in (ASKING_CONSENT, ASKING_EMAIL):
            replies += engine._reask(state)
        return replies

    async def _turn(
        self, engine: Engine, state: ConversationState, text: str
    ) -> list[Reply] | None:
        stop = words.asks_to_stop(text)
        if stop == "alerts" or (stop == "bare" and state.asking not in _FEEDBACK_STEPS):
            person = self.keys.person_key(state.key)
            async with self.sessions.begin() as session:
                deleted = await store.delete_for_person(session, person)
            if deleted:
                await store.scrub(self.sessions)
            if state.asking in (ASKING_CONSENT, ASKING_EMAIL):
                state.asking, state.misunderstood = None, 0
            if deleted:
                return [engine.say("utter_alerts_stopped", state)]
            return [engine.say("utter_alerts_none", state)]  # "stop": nothing to stop
        if state.asking == ASKING_CONSENT:
            return await self._consent(engine, state, text)
        if state.asking == ASKING_EMAIL:
            return await self._email(engine, state, text)
        if text.strip().lower() in (words.YES_PAYLOAD, words.NO_PAYLOAD):
            return [engine.say("utter_alerts_ask_again", state)]  # an old button
        if words.asks_for_alerts(text):
            return await self._asked(engine, state)
        return None

    async def _asked(self, engine: Engine, state: ConversationState) -> list[Reply]:
        band = age_band_of(state)
        if (state.age is not None and state.age < YOUNGEST) or band in BANDS_UNDER_13:
            return [engine.say("utter_alerts_under_13", state)]
        if state.role is None or state.area is None:
            return [engine.say("utter_alerts_need_profile", state)]
        if state.role == "young_person" and (
            band is None or (state.age is None and band in BANDS_MAYBE_UNDER_13)
        ):
            return [engine.say("utter_alerts_need_age", state)]
        if state.channel != "telegram" and not self.email_on:
            return [engine.say("utter_alerts_no_email", state)]
        async with self.sessions() as session:
            have = await store.active_for_person(session, self.keys.person_key(state.key))
        if have:
            return [engine.say("utter_alerts_already", state)]
        state.asking, state.misunderstood = ASKING_CONSENT, 0
        return [engine.say("utter_ask_alerts_consent", state)]

    async def _consent(self, engine: Engine, state: ConversationState, text: str) -> list[Reply]:
        typed = text.strip().lower()
        if typed == words.YES_PAYLOAD:
            level: str | None = "yes"
        elif typed == words.NO_PAYLOAD:
            level = "none"
        else:
            read = read_consent(text)
            level = None if read is None else ("none" if read == "none" else "yes")
        if level is None:
            state.misunderstood += 1
            if state.misunderstood < 2:
                again = engine.say("utter_sorry_alerts_consent", state)
                return [Reply(again.text, engine.say("utter_ask_alerts_consent", state).buttons)]
            level = "none"  # never signed up without a clear yes
        state.misunderstood = 0
        if level == "none":
            state.asking = None
            return [engine.say("utter_alerts_not_signed_up", state)]
        if state.channel == "telegram":
            state.asking = None
            await self._subscribe(state, "telegram", int(state.sender), None)
            return [engine.say("utter_alerts_on", state)]
        state.asking = ASKING_EMAIL
        return [engine.say("utter_ask_alerts_email", state)]

    async def _email(self, engine: Engine, state: ConversationState, text: str) -> list[Reply]:
        typed = text.strip().lower()
        if typed in ("/skip", "/deny", words.NO_PAYLOAD, "no", "cancel", "skip"):
            state.asking, state.misunderstood = None, 0
            return [engine.say("utter_alerts_not_signed_up", state)]
        email = valid_email(text)
        if email is None:
            state.misunderstood += 1
            if state.misunderstood < 2:
                return [engine.say("utter_sorry_alerts_email", state)]
            state.asking, state.misunderstood = None, 0
            return [engine.say("utter_alerts_not_signed_up", state)]
        state.asking, state.misunderstood = None, 0
        token = secrets.token_urlsafe(24)
        await self._subscribe(state, "email", {"email": email, "stop_token": token}, token)
        return [engine.say("utter_alerts_on_email", state)]

    async def _subscribe(
        self, state: ConversationState, channel: str, address: object, token: str | None
    ) -> None:
        async with self.sessions.begin() as session:
            await store.subscribe(
                session,
                person_key=self.keys.person_key(state.key),
                channel=channel,
                address_encrypted=self.keys.encrypt(address),
                role=state.role,
                area=state.area,
                age_band=_stored_band(age_band_of(state)),
                interests=list(state.interests or []),
                now=self.clock(),
                stop_token_hash=store.token_hash(token) if token else None,
            )


def _stored_band(band: str | None) -> str | None:
    """ "11_15" is kept as "11-15", the shape matching reads."""
    return band.replace("_", "-") if band and band[0].isdigit() else band


_FEEDBACK_STEPS = ("feedback_text", "consent", "contact_detail", "publish_consent")
