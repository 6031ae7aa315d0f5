"""What an alert says, by kind: ``RENDERERS[kind](session, ref_id, subscription)``.

A renderer returns a card (a :class:`~bot.engine.replies.Reply`), or None when the thing is
no longer open: the alert is then dropped, not sent. 'opportunity' is here; 'poll' is
registered by bot/polls/alerts.py (``register("poll", render_poll)``).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession

from bot.engine.replies import Link, Reply
from bot.opportunities.match import is_open
from bot.store.alerts import SubscriptionRow
from bot.store.opportunities import OpportunityRow
from bot.uktime import in_words, uk_today

Renderer = Callable[[AsyncSession, int, SubscriptionRow], Awaitable[Reply | None]]
STOP_LINE = "Reply stop to stop these messages."


def when_words(row: OpportunityRow) -> str | None:
    if row.starts_on and row.ends_on and row.ends_on != row.starts_on:
        return f"When: {in_words(row.starts_on)} to {in_words(row.ends_on)}."
    if row.starts_on:
        return f"When: {in_words(row.starts_on)}."
    return None


async def render_opportunity(
    session: AsyncSession, opportunity_id: int, subscription: SubscriptionRow
) -> Reply | None:
    """A card: the title, what it is, when, where, how to take part, and how to stop."""
    row = await session.get(OpportunityRow, opportunity_id)
    today = uk_today()
    if row is None or not is_open(row, today):
        return None
    lines = ["A new chance to have a say.", row.summary.strip()]
    when = when_words(row)
    if when:
        lines.append(when)
    if row.place:
        lines.append(f"Where: {row.place.strip()}.".replace("..", "."))
    if row.closes_on:
        lines.append(f"Last day to join: {in_words(row.closes_on)}.")
    if row.adjustments:
        lines.append(f"Help to take part: {row.adjustments.strip()}")
    lines.append(STOP_LINE)
    links = tuple(
        Link(str(link["title"]), str(link["url"]))
        for link in (row.links or [])
        if isinstance(link, dict) and link.get("title") and link.get("url")
    )
    return Reply("\n\n".join(lines), links=links, title=row.title)


def _poll_renderer() -> Renderer:
    from bot.polls.alerts import render_poll  # the poll's own words live with the polls

    return render_poll


RENDERERS: dict[str, Renderer] = {"opportunity": render_opportunity, "poll": _poll_renderer()}


def register(kind: str, renderer: Renderer) -> None:
    RENDERERS[kind] = renderer
