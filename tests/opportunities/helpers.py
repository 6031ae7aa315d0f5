"""Opportunities for tests, written straight to the store."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bot.app import GetInvolved
from bot.store import opportunities as store


async def add_opportunity(
    bot: GetInvolved,
    *,
    title: str = "Family Hub inspection",
    team_id: str = "wscc-local-offer",
    status: str = "published",
    closes_on: dt.date | None = None,
    refresh: bool = True,
    **fields: Any,
) -> int:
    audience = {"roles": [], "areas": [], "age_min": None, "age_max": None, "interests": []}
    audience.update(fields.pop("audience", {}))
    values: dict[str, Any] = {
        "title": title,
        "summary": "Tell inspectors what the Family Hub is like for you.",
        "audience": audience,
        "closes_on": closes_on,
        "place": "Online",
        "links": [{"title": "Sign up", "url": "https://www.example.org/sign-up"}],
        "adjustments": "We can send the questions first.",
    }
    values.update(fields)
    async with bot.sessions.begin() as session:
        row = await store.create_draft(session, team_id=team_id, staff_user_id=None, fields=values)
        if status == "published":
            await store.publish(session, row, staff_user_id=None)
        elif status == "closed":
            await store.publish(session, row, staff_user_id=None)
            await store.close(session, row, staff_user_id=None)
        opportunity_id = row.id
    if refresh:
        await bot.engine.opportunities.refresh(bot.sessions)
    return opportunity_id
