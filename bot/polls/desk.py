"""Quick polls in the conversation.

The engine asks the desk two things in a turn:

- :meth:`PollDesk.vote_in`: is this message an answer to a poll? A button's payload
  ``/poll{"poll": <id>, "choice": <n>}`` (Telegram alerts and the web chat send it), or, just after
  a poll was shown, the words of one of its answers typed. No database here.
- :meth:`PollDesk.offer`: after the routes, an open poll that fits the person and was not shown to
  them before, from an in-memory snapshot of open polls refreshed on a timer (and at once when
  staff open or close one in this process). No database inside a turn, so the turn stays fast.

Recording an answer (:meth:`PollDesk.answer`) writes two rows that share nothing but the poll:
``poll_voters`` (a keyed hash of the poll and the person's key, so they answer once) and
``poll_answers`` (the choice, their bands and the date).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.engine.nlu.intents import parse_payload
from bot.engine.replies import Button, Link, Reply
from bot.engine.state import ConversationState, utcnow
from bot.keys import Keys
from bot.opportunities.match import fits
from bot.polls.words import age_band, profile_of
from bot.store import polls as store

logger = logging.getLogger(__name__)

REFRESH_SECONDS = 30.0
TYPED_SIMILARITY = 90  # rapidfuzz ratio between what was typed and an answer's words
NOT_OFFERED_ON = frozenset({"telegram"})  # Telegram gets polls as opt-in alerts (bot/alerts)
Say = Callable[..., Reply]


@dataclass(frozen=True, slots=True)
class OpenPoll:
    id: int
    team_id: str
    question: str
    choices: tuple[str, ...]
    audience: dict[str, Any]


def poll_payload(poll_id: int, choice: int) -> str:
    return "/poll" + json.dumps({"poll": poll_id, "choice": choice})


def poll_buttons(poll_id: int, choices: Any) -> tuple[Button, ...]:
    return tuple(Button(str(title), poll_payload(poll_id, n)) for n, title in enumerate(choices))


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", text.lower()))


def results_path(poll_id: int) -> str:
    return f"/polls/{poll_id}/results"


class PollDesk:
    """Open polls in memory, and the writes an answer makes."""

    def __init__(
        self,
        *,
        sessions: async_sessionmaker[AsyncSession],
        keys: Keys,
        base_url: str,
        team_names: dict[str, str] | None = None,
    ):
        self.sessions = sessions
        self.keys = keys
        self.base_url = base_url.rstrip("/")
        self.team_names = dict(team_names or {})
        self.open: tuple[OpenPoll, ...] = ()
        self._task: asyncio.Task[None] | None = None

    # ---- the snapshot ------------------------------------------------------------------
    async def refresh(self) -> None:
        async with self.sessions() as session:
            rows = await store.open_polls(session)
        self.open = tuple(
            OpenPoll(row.id, row.team_id, row.question, tuple(row.choices), dict(row.audience))
            for row in rows
        )

    def start(self, every: float = REFRESH_SECONDS) -> None:
        """Refresh the snapshot every ``every`` seconds, in the background."""
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._refresh_forever(every))

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _refresh_forever(self, every: float) -> None:
        while True:
            await asyncio.sleep(every)
            try:
                await self.refresh()
            except Exception:  # noqa: BLE001 - the old snapshot stays; try again next time
                logger.warning("could not refresh the open polls", exc_info=True)

    # ---- in a turn -----------------------------------------------------------------------
    def vote_in(self, state: ConversationState, text: str) -> tuple[int, int] | None:
        """(poll id, choice) when the message answers a poll; clears the typed-answer window."""
        asking, state.poll_asking = state.poll_asking, None
        payload = parse_payload(text)
        if payload is not None:
            if payload.intent != "poll":
                return None
            poll_id, choice = payload.entities.get("poll"), payload.entities.get("choice")
            if isinstance(poll_id, int) and isinstance(choice, int) and 0 <= choice < 10:
                return poll_id, choice
            return None
        if asking is None or len(text) > 80:
            return None
        poll = next((p for p in self.open if p.id == asking), None)
        if poll is None:
            return None
        typed = _plain(text)
        if not typed:
            return None
        scores = [fuzz.ratio(typed, _plain(choice)) for choice in poll.choices]
        best = max(range(len(scores)), key=scores.__getitem__)
        if typed.isdigit() and 1 <= int(typed) <= len(poll.choices):
            return poll.id, int(typed) - 1  # "2": the second answer
        if scores[best] >= TYPED_SIMILARITY and scores.count(scores[best]) == 1:
            return poll.id, best
        return None

    def offer(self, say: Say, state: ConversationState) -> list[Reply]:
        """An open poll that fits the person and was not shown to them before (one a turn)."""
        if state.channel in NOT_OFFERED_ON or not self.open:
            return []
        profile = profile_of(state)
        for poll in self.open:
            if poll.id in state.polls_offered or not fits(poll.audience, profile):
                continue
            state.polls_offered.append(poll.id)
            state.poll_asking = poll.id
            team = self.team_names.get(poll.team_id, "A team")
            return [
                say("utter_poll_intro", state, team=team),
                Reply(poll.question, poll_buttons(poll.id, poll.choices)),
            ]
        return []

    async def answer(
        self, say: Say, state: ConversationState, poll_id: int, choice: int
    ) -> list[Reply]:
        """Keep the answer once per person; say thank you and where the results will be."""
        if poll_id not in state.polls_offered:
            state.polls_offered.append(poll_id)  # a button from an alert: not offered again
        person = self.keys.person_key(state.key)
        voter = self.voter_hash(poll_id, person)
        async with self.sessions.begin() as session:
            poll = await store.get_poll(session, poll_id)
            if poll is None or poll.status != "open" or not 0 <= choice < len(poll.choices):
                return [say("utter_poll_closed", state)]
            kept = await store.record_answer(
                session,
                poll_id=poll_id,
                voter_hash=voter,
                choice=choice,
                role=state.role,
                area=state.area,
                age_band=age_band(state.age, state.age_band),
                today=utcnow().date(),
            )
        if not kept:
            return [say("utter_poll_already", state)]
        thanks = say("utter_poll_thanks", state)
        results = Link("See the results", self.base_url + results_path(poll_id))
        return [replace(thanks, links=(*thanks.links, results))]

    def voter_hash(self, poll_id: int, person_key: str) -> str:
        """sha256, keyed with SECRET_KEY, of the poll id and the person's key: the same person
        gives the same hash for one poll only, and it cannot be turned back into who."""
        return self.keys.person_key(f"poll-voter|{poll_id}|{person_key}")
