"""Shared pieces for the alert tests: a clock that tests move, and opportunities."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from bot.store.opportunities import OpportunityRow


@dataclass
class Clock:
    now: dt.datetime

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += dt.timedelta(**kwargs)


def uk(year: int, month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A UK wall-clock time (winter: UK = UTC) as UTC."""
    return dt.datetime(year, month, day, hour, minute, tzinfo=dt.UTC)


async def add_opportunity(sessions: Any, audience: dict[str, Any], title: str = "Panel") -> int:
    now = dt.datetime.now(dt.UTC)
    async with sessions.begin() as session:
        row = OpportunityRow(
            team_id="wscc-send",
            status="published",
            title=title,
            summary="Help choose how the new Family Hub works.",
            audience=audience,
            place="Online",
            links=[{"title": "Find out more", "url": "https://example.org/panel"}],
            created_at=now,
            updated_at=now,
            published_at=now,
        )
        session.add(row)
        await session.flush()
        return int(row.id)
