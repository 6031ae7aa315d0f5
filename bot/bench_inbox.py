"""The staff inbox at scale, for `getinvolved bench`: one team with 100,000 pieces of feedback
(and another team's beside them) in SQLite and PostgreSQL, and how long a page takes through
the store query the inbox handler runs (``page_feedback_for_teams``: the count, the page,
which items wait for an answer)."""

from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass
from typing import Any

TEAM, OTHER = "bench-team", "bench-other"
TOPICS = ("school", "health", "council", "shaping_services", "my_plan", "meeting_others")
AREAS = ("west_sussex", "east_sussex", "elsewhere", None)
STATUSES = ("new", "read", "answered", "closed")
BATCH = 5000
START, SPAN = dt.datetime(2024, 1, 1, tzinfo=dt.UTC), dt.timedelta(days=730)


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    page: int
    sort: str = "newest"
    filters: dict[str, Any] | None = None


def cases(items: int, per_page: int) -> list[Case]:
    deep = max(1, items // per_page // 2)  # half way down: OFFSET skips 50,000 rows at 100k
    return [
        Case("first page, newest first", 1),
        Case(f"deep page ({deep:,}), newest first", deep),
        Case("last page, newest first", 10**6),
        Case("first page, oldest first", 1, "oldest"),
        Case("first page, by status", 1, "status"),
        Case(f"deep page ({deep:,}), by status", deep, "status"),
        Case("filtered: new, health, first page", 1, filters={"status": "new", "topic": "health"}),
        Case("filtered: overdue, first page", 1, filters={"answer": "overdue"}),
        Case("filtered: one month, first page", 1, filters={"month": True}),
    ]


def _rows(count: int, team: str, start: dt.datetime, seed: int) -> list[dict[str, Any]]:
    """Feedback spread over two years, as the chat stores it (text made up, no one's data)."""
    pick = random.Random(seed)
    gap = SPAN / count
    rows = []
    for number in range(count):
        status = pick.choice(STATUSES)
        rows.append(
            {
                "created_at": start + gap * (number + pick.random()),
                "channel": "web",
                "person_key": f"{team}-{number}",
                "team_id": team,
                "topic": pick.choice(TOPICS),
                "topics": "",
                "area": pick.choice(AREAS),
                "age_band": "25_plus",
                "text": f"Made-up feedback number {number} about the service.",
                "consent": "contact" if pick.random() < 0.3 else "anonymous",
                "status": status,
                "publish_consent": False,
            }
        )
    return rows


async def fill(database_url: str, items: int) -> tuple[Any, float]:
    """A database at the schema's head with ``items`` pieces of feedback for TEAM and a tenth
    as many for OTHER; answered ones have an answer. Returns (engine, seconds to fill)."""
    from sqlalchemy import insert, select

    from bot.store import staff
    from bot.store.db import create_engine, import_models, upgrade_database
    from bot.store.feedback import FeedbackRow, ResponseRow

    import_models()
    engine = create_engine(database_url)
    await upgrade_database(engine)
    began = time.perf_counter()
    start = START
    async with engine.begin() as connection:
        await connection.execute(
            insert(staff.TeamRow), [{"id": TEAM, "name": "Bench"}, {"id": OTHER, "name": "Other"}]
        )
        for team, count, seed in ((TEAM, items, 1), (OTHER, max(1, items // 10), 2)):
            rows = _rows(count, team, start, seed)
            for first in range(0, count, BATCH):
                await connection.execute(insert(FeedbackRow), rows[first : first + BATCH])
        answered = (
            await connection.scalars(select(FeedbackRow.id).where(FeedbackRow.status == "answered"))
        ).all()
        answers = [
            {"feedback_id": feedback_id, "text": "Thank you.", "created_at": start, "public": False}
            for feedback_id in answered
        ]
        for first in range(0, len(answers), BATCH):
            await connection.execute(insert(ResponseRow), answers[first : first + BATCH])
    if engine.dialect.name == "postgresql":
        async with engine.connect() as connection:
            await connection.execution_options(isolation_level="AUTOCOMMIT")
            await connection.exec_driver_sql(
                "VACUUM ANALYZE"
            )  # as autovacuum leaves a settled table
    return engine, time.perf_counter() - began


async def measure_pages(
    engine: Any, items: int, *, repeats: int, per_page: int = 50, label: str = ""
) -> list[Any]:
    """Each case ``repeats`` times, as the inbox runs it; one Result (bench.py) per case."""
    from sqlalchemy.ext.asyncio import async_sessionmaker

    from bot.bench import _result
    from bot.store import feedback as store

    sessions = async_sessionmaker(engine, expire_on_commit=False)
    now = START + SPAN + dt.timedelta(days=10)
    due_before = store.overdue_cutoff(now, 20)
    results = []
    for case in cases(items, per_page):
        wanted = dict(case.filters or {})
        if wanted.pop("month", False):
            wanted["since"], wanted["until"] = dt.date(2024, 6, 1), dt.date(2024, 6, 30)
        filters = store.FeedbackFilter(**wanted, due_before=due_before)
        latencies: list[float] = []
        began = time.perf_counter()
        for _ in range(repeats + 1):
            tick = time.perf_counter()
            async with sessions() as db:
                found = await store.page_feedback_for_teams(
                    db, [TEAM], filters, page=case.page, per_page=per_page, sort=case.sort
                )
            latencies.append(time.perf_counter() - tick)
            assert found.rows, f"the inbox bench found nothing for {case.name}"
        results.append(
            _result(f"{label}{case.name}", latencies[1:], 0, time.perf_counter() - began)
        )
    return results


async def bench_inbox(database_url: str, items: int, *, repeats: int = 20) -> dict[str, Any]:
    """Fill a database, then time each inbox case on it."""
    engine, filled = await fill(database_url, items)
    try:
        results = await measure_pages(engine, items, repeats=repeats)
    finally:
        await engine.dispose()
    return {"fill_s": round(filled, 1), "results": results}
