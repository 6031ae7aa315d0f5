"""The opportunities table on SQLite and PostgreSQL: drafts, publishing, closing, the open
ones soonest closing first, and each team's own."""

from __future__ import annotations

import datetime as dt

from bot.app import GetInvolved
from bot.store import opportunities as store
from tests.opportunities.helpers import add_opportunity

TODAY = dt.date(2027, 3, 1)


async def test_open_ones_and_each_teams_own(bot_on: GetInvolved) -> None:
    bot = bot_on
    later = await add_opportunity(bot, title="Later", closes_on=TODAY + dt.timedelta(days=9))
    never = await add_opportunity(bot, title="No closing date", closes_on=None)
    today = await add_opportunity(bot, title="Today", closes_on=TODAY, team_id="nhs-sussex")
    await add_opportunity(bot, title="Past", closes_on=TODAY - dt.timedelta(days=1))
    await add_opportunity(bot, title="Draft", status="draft")
    await add_opportunity(bot, title="Closed", status="closed")
    async with bot.sessions() as session:
        opened = await store.list_open(session, TODAY)
        assert [row.id for row in opened] == [today, later, never]
        mine = await store.list_for_teams(session, ["nhs-sussex"])
        assert [row.title for row in mine] == ["Today"]
        assert await store.get(session, later, team_ids=["nhs-sussex"]) is None
        assert await store.list_for_teams(session, []) == []
    async with bot.sessions.begin() as session:
        row = await store.get(session, later)
        assert row is not None
        await store.update(
            session,
            row,
            staff_user_id=None,
            fields={"links": [{"title": "Go", "url": "https://www.example.org"}]},
        )
    async with bot.sessions() as session:
        row = await store.get(session, later)
        assert row is not None and row.links == [{"title": "Go", "url": "https://www.example.org"}]
        assert row.audience["roles"] == [] and row.published_at is not None
