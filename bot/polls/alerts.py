"""A quick poll as an alert message, for the alert sender (bot/alerts registers it as 'poll').

The message is the poll's question with one button per answer; a button sends
``/poll{"poll": <id>, "choice": <n>}`` back, which the engine hands to bot/polls/desk.py.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from bot.engine.replies import Reply
from bot.polls.desk import poll_buttons
from bot.store import polls as store


async def render_poll(session: AsyncSession, poll_id: int, subscription: Any) -> Reply | None:
    """The poll's message, or None when it is no longer open (the alert is then dropped).
    ``subscription`` is not needed: the audience was matched when the alert was queued."""
    poll = await store.get_poll(session, poll_id)
    if poll is None or poll.status != "open":
        return None
    return Reply(poll.question, poll_buttons(poll.id, poll.choices))
