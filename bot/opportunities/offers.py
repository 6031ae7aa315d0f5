"""Open opportunities as the chat offers them: an in-memory snapshot, cards, and "what's on?".

The engine's turn never waits for the database: it reads :class:`OpenOpportunities`, a
snapshot of the published, still-open opportunities, loaded when the bot starts, refreshed on
a timer (``run``) and at once in this process when staff publish or close one.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.engine.replies import Link, Reply
from bot.opportunities.match import fits
from bot.uktime import in_words, uk_today

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

    from bot.store.opportunities import OpportunityRow

logger = logging.getLogger(__name__)
MOST_OFFERED = 3
REFRESH_SECONDS = 60.0

# "what's on?", "whats on", "any events", "opportunities", "/whatson": the whole message, give
# or take "please", "hi", "are there" and punctuation. Deterministic, so no model is retrained.
_ASKS = re.compile(
    r"^(?:/whatson|/whats_on|"
    r"(?:(?:hi|hello|hey|ok|so|and|please)\s+)*"
    r"(?:what(?:'|’)?s|what is|whats)\s+on(?:\s+(?:now|for me|near me|at the moment))?|"
    r"(?:are there\s+)?any\s+(?:events|opportunities|chances(?: to have a say)?)"
    r"(?:\s+(?:on|for me|near me))?|"
    r"(?:show me\s+)?(?:the\s+)?(?:opportunities|events)(?:\s+for me)?"
    r")(?:\s+please)?$"
)


def asks_whats_on(text: str) -> bool:
    """Is the whole message a request for what is on now?"""
    words = re.sub(r"[?!.,\s]+", " ", text.lower()).strip()
    return bool(words) and _ASKS.match(words) is not None


@dataclass(frozen=True, slots=True)
class Offer:
    """What the chat needs of one open opportunity (copied, so no database object is held)."""

    id: int
    title: str
    summary: str
    audience: Mapping[str, Any]
    starts_on: dt.date | None
    ends_on: dt.date | None
    closes_on: dt.date | None
    place: str | None
    links: tuple[Link, ...]
    adjustments: str | None
    status: str = "published"

    @classmethod
    def from_row(cls, row: OpportunityRow) -> Offer:
        return cls(
            id=row.id,
            title=row.title,
            summary=row.summary,
            audience=dict(row.audience or {}),
            starts_on=row.starts_on,
            ends_on=row.ends_on,
            closes_on=row.closes_on,
            place=row.place,
            links=tuple(
                Link(str(link.get("title", "")), str(link.get("url", "")))
                for link in row.links or []
                if isinstance(link, dict) and link.get("url")
            ),
            adjustments=row.adjustments,
            status=row.status,
        )

    @property
    def when(self) -> str:
        start, end = self.starts_on, self.ends_on
        if start and end and end != start:
            return f"{in_words(start)} to {in_words(end)}"
        day = start or end
        return in_words(day) if day else ""


Say = Callable[..., Reply]  # say(response name, **values) -> Reply


def card_lines(offer: Offer, say: Say) -> list[str]:
    """One opportunity as a short card: title, what it is, when, where, closing date, help."""
    lines = [offer.title.strip(), offer.summary.strip()]
    if offer.when:
        lines.append(say("utter_opportunity_when", when=offer.when).text)
    if offer.place and offer.place.strip():
        lines.append(say("utter_opportunity_where", place=offer.place.strip()).text)
    if offer.closes_on:
        lines.append(say("utter_opportunity_closes", closes=in_words(offer.closes_on)).text)
    if offer.adjustments and offer.adjustments.strip():
        lines.append(say("utter_opportunity_help", help=offer.adjustments.strip()).text)
    return lines


def offer_replies(offers: Sequence[Offer], say: Say) -> list[Reply]:
    """The fitting opportunities: a count, then a card for each (its title as the card's
    heading, as route cards have, and its own links)."""
    if not offers:
        return []
    if len(offers) == 1:
        intro = say("utter_opportunities_intro_one").text
    else:
        intro = say("utter_opportunities_intro", count=str(len(offers))).text
    replies = [Reply(intro)]
    for offer in offers:
        title, *lines = card_lines(offer, say)
        links = tuple(Link(link.title, link.url) for link in offer.links)
        replies.append(Reply("\n".join(lines), links=links, title=title, symbol="calendar"))
    return replies


class OpenOpportunities:
    """The snapshot of open opportunities the engine reads during a turn."""

    def __init__(self, today: Callable[[], dt.date] = uk_today) -> None:
        self.today = today
        self._offers: tuple[Offer, ...] = ()

    @property
    def offers(self) -> tuple[Offer, ...]:
        return self._offers

    def replace(self, offers: Iterable[Offer]) -> None:
        """Swap in a new snapshot (one assignment: a turn sees the old or the new, whole)."""
        self._offers = tuple(sorted(offers, key=_closing_order))

    def fitting(self, profile: Mapping[str, Any], *, most: int = MOST_OFFERED) -> list[Offer]:
        """Open opportunities for this person, soonest closing first, at most ``most``."""
        today = self.today()
        found = []
        for offer in self._offers:
            if offer.status != "published" or (offer.closes_on and offer.closes_on < today):
                continue
            if fits(offer.audience, profile):
                found.append(offer)
                if len(found) >= most:
                    break
        return found

    async def refresh(self, sessions: async_sessionmaker[AsyncSession]) -> int:
        """Load the open opportunities from the database; returns how many."""
        from bot.store.opportunities import list_open

        async with sessions() as session:
            rows = await list_open(session, self.today())
            offers = [Offer.from_row(row) for row in rows]
        self.replace(offers)
        return len(offers)

    async def run(
        self, sessions: async_sessionmaker[AsyncSession], every: float = REFRESH_SECONDS
    ) -> None:
        """Refresh for ever, every ``every`` seconds (publishing in another worker shows up)."""
        while True:
            await asyncio.sleep(every)
            try:
                await self.refresh(sessions)
            except Exception:  # the old snapshot stays; try again next time
                logger.exception("could not refresh the open opportunities")


def _closing_order(offer: Offer) -> tuple[int, dt.date, int]:
    return (offer.closes_on is None, offer.closes_on or dt.date.max, offer.id)


__all__ = ["Offer", "OpenOpportunities", "asks_whats_on", "offer_replies"]
