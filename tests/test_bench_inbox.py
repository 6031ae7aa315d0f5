"""The bench's inbox part at a tiny size, on SQLite and PostgreSQL: the database fills, every
case finds a page, and the deferred id lookup gives the same rows in the same order as a plain
query. Timing is measured by the bench and written in the README, never asserted here."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import async_sessionmaker

from bot.bench_inbox import TEAM, cases, fill, measure_pages
from bot.settings import Settings
from bot.store import feedback as store
from bot.store.feedback import FeedbackRow


def _async(database_url: str) -> str:
    return str(Settings(_env_file=None, database_url=database_url).database_url)  # type: ignore[call-arg]


async def test_the_inbox_bench_runs_at_a_tiny_size(database_url: str) -> None:
    engine, _ = await fill(_async(database_url), 200)
    try:
        results = await measure_pages(engine, 200, repeats=2, per_page=10)
        assert [result.name for result in results] == [case.name for case in cases(200, 10)]
        assert all(result.messages == 2 for result in results)
        sessions = async_sessionmaker(engine, expire_on_commit=False)
        async with sessions() as db:
            for sort in store.SORTS:
                page = await store.page_feedback_for_teams(
                    db, [TEAM], page=3, per_page=10, sort=sort
                )
                plain = store._ordered(select(FeedbackRow).where(FeedbackRow.team_id == TEAM), sort)
                expected = (await db.scalars(plain.offset(20).limit(10))).all()
                assert [row.id for row in page.rows] == [row.id for row in expected], sort
                assert page.total == 200
    finally:
        await engine.dispose()
