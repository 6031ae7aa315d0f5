"""Polls written straight to the real database, and people chatting to the end of the routes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from bot.app import GetInvolved
from bot.engine.engine import TurnResult
from bot.store import polls as store

ANY_AUDIENCE: dict[str, Any] = {
    "roles": [],
    "areas": [],
    "age_min": None,
    "age_max": None,
    "interests": [],
}
QUESTION = "Which day suits you best for a youth forum meeting?"
CHOICES = ("Saturday", "Sunday", "A weekday after school")

# (who, what they say): twelve people of different roles, areas and ages
PEOPLE: list[tuple[str, list[str]]] = [
    ("yp-crawley-14", ["I am 14 and live in Crawley", "school"]),
    ("yp-worthing-16", ["im 16 from worthing", "health"]),
    ("yp-hastings-12", ["I'm 12 and I live in Hastings", "school"]),
    ("yp-lewes-19", ["I am 19, I live in Lewes", "meeting others"]),
    # Parents are asked their own age too: some give it, some skip it.
    ("parent-horsham", ["I am a parent in Horsham", "rather not say", "school"]),
    ("parent-eastbourne", ["I'm a mum from Eastbourne", "I'm 38", "health"]),
    ("parent-chichester", ["parent carer, Chichester", "Over 25", "council"]),
    ("parent-bexhill", ["I am a dad in Bexhill", "skip", "school"]),
    ("pro-crawley", ["I am a SENCO at a school in Crawley", "school"]),
    ("pro-brighton", ["I'm a social worker in Hastings", "health"]),
    ("yp-bognor-15", ["I am 15 and live in Bognor", "council"]),
    ("parent-worthing", ["I am a foster carer in Worthing", "45", "health"]),
]


async def create_poll(
    bot: GetInvolved,
    *,
    audience: Mapping[str, Any] | None = None,
    choices: Sequence[str] = CHOICES,
    team_id: str = "wscc-local-offer",
    status: str = "open",
) -> int:
    async with bot.sessions.begin() as session:
        row = await store.create_poll(
            session,
            team_id=team_id,
            question=QUESTION,
            choices=choices,
            audience=dict(audience or ANY_AUDIENCE),
            created_by=None,
        )
        row.status = status
        poll_id = row.id
    assert bot.engine.polls is not None
    await bot.engine.polls.refresh()
    return poll_id


async def chat(bot: GetInvolved, sender: str, messages: Sequence[str]) -> list[TurnResult]:
    return [await bot.converse("web", sender, text) for text in messages]


def texts(result: TurnResult) -> list[str]:
    return [reply.text for reply in result.replies]


def payloads(result: TurnResult) -> list[str]:
    return [button.payload for reply in result.replies for button in reply.buttons]
