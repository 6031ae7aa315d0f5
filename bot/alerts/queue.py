"""Queue one alert for each active subscription whose stored profile fits an audience."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.opportunities.match import fits
from bot.store.alerts import AlertRow, SubscriptionRow

CHUNK = 500


async def queue_alerts(
    session: AsyncSession, *, kind: str, ref_id: int, audience: Mapping[str, Any], now: dt.datetime
) -> int:
    """Insert an alert for every active subscription that fits ``audience``; returns how many
    were new. Calling it again (a re-publish, a retry) adds nothing: UNIQUE(subscription,
    kind, ref_id). Runs in the caller's transaction, so it commits with the publish."""
    rows = await session.execute(
        select(
            SubscriptionRow.id,
            SubscriptionRow.role,
            SubscriptionRow.area,
            SubscriptionRow.age_band,
            SubscriptionRow.interests,
        ).where(SubscriptionRow.status == "active")
    )
    matching = [
        subscription_id
        for subscription_id, role, area, age_band, interests in rows.all()
        if fits(
            audience,
            {
                "role": role,
                "area": area,
                "age": None,
                "age_band": age_band,
                "interests": list(interests or []),
            },
        )
    ]
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    added = 0
    for start in range(0, len(matching), CHUNK):
        values = [
            {
                "subscription_id": subscription_id,
                "kind": kind,
                "ref_id": ref_id,
                "status": "queued",
                "not_before": now,
                "attempts": 0,
            }
            for subscription_id in matching[start : start + CHUNK]
        ]
        result = await session.execute(
            insert(AlertRow)
            .values(values)
            .on_conflict_do_nothing(index_elements=["subscription_id", "kind", "ref_id"])
        )
        added += max(int(getattr(result, "rowcount", 0) or 0), 0)
    return added
