"""Claiming due rows of a durable queue for one worker (the email outbox, the alert queue).

Another worker running the same claim at the same time skips (PostgreSQL, ``FOR UPDATE SKIP
LOCKED``) or loses the race for (SQLite: each claim is a conditional update that commits as it
runs) every row claimed here, so a row is worked on by one worker at a time; a worker that dies
leaves its rows to come due again when their lease runs out (the ``due`` condition says how).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession


async def claim_due_rows(
    session: AsyncSession,
    model: Any,
    *,
    due: Any,
    order_by: Sequence[Any],
    values: Mapping[str, Any],
    limit: int,
) -> list[int]:
    """The ids of up to ``limit`` rows of ``model`` that were ``due`` and are now this
    worker's (``values`` set on each: its status, its lease, its attempts). The caller
    commits; on SQLite this must be the first statement in its session."""
    postgres = session.bind is not None and session.bind.dialect.name == "postgresql"
    query = select(model.id).where(due).order_by(*order_by).limit(limit)
    if postgres:
        query = query.with_for_update(skip_locked=True)
    else:  # each claim commits as it runs: no transaction that reads, then must upgrade to write
        await session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
    claimed: list[int] = []
    for row_id in (await session.scalars(query)).all():
        result = await session.execute(
            update(model).where(model.id == row_id, due).values(**values)
        )
        if getattr(result, "rowcount", 0) == 1:
            claimed.append(row_id)
    return claimed
