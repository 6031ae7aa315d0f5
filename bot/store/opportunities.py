"""Opportunities staff write for their teams: drafts, published (offered in the chat) and
closed. Staff see and change only their own teams' opportunities; every change is audited by
the page that makes it (bot/web/staff_opportunities.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Index, Integer, String, Text, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.engine.state import utcnow
from bot.store.db import Base

STATUSES = ("draft", "published", "closed")
EDITABLE = (
    "title",
    "summary",
    "audience",
    "starts_on",
    "ends_on",
    "closes_on",
    "place",
    "links",
    "adjustments",
)


def empty_audience() -> dict[str, Any]:
    return {"roles": [], "areas": [], "age_min": None, "age_max": None, "interests": []}


class OpportunityRow(Base):
    __tablename__ = "opportunities"
    __table_args__ = (Index("ix_opportunities_status_closes_on", "status", "closes_on"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str] = mapped_column(String(64), index=True)
    status: Mapped[str] = mapped_column(String(16), default="draft", server_default="draft")
    title: Mapped[str] = mapped_column(String(120))
    summary: Mapped[str] = mapped_column(Text)
    audience: Mapped[dict[str, Any]] = mapped_column(JSON, default=empty_audience)
    starts_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    ends_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    closes_on: Mapped[dt.date | None] = mapped_column(Date, nullable=True)
    place: Mapped[str | None] = mapped_column(Text, nullable=True)
    links: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list, server_default="[]")
    adjustments: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    updated_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    published_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


async def create_draft(
    session: AsyncSession, *, team_id: str, staff_user_id: int | None, fields: Mapping[str, Any]
) -> OpportunityRow:
    """A new draft for ``team_id`` with ``fields`` (any of :data:`EDITABLE`)."""
    now = utcnow()
    row = OpportunityRow(
        team_id=team_id,
        status="draft",
        title="",
        summary="",
        audience=empty_audience(),
        links=[],
        created_by=staff_user_id,
        updated_by=staff_user_id,
        created_at=now,
        updated_at=now,
    )
    _apply(row, fields)
    session.add(row)
    await session.flush()
    return row


def _apply(row: OpportunityRow, fields: Mapping[str, Any]) -> None:
    for key, value in fields.items():
        if key not in EDITABLE:
            raise ValueError(f"{key!r} cannot be changed")
        setattr(row, key, value)


async def update(
    session: AsyncSession,
    row: OpportunityRow,
    *,
    staff_user_id: int | None,
    fields: Mapping[str, Any],
) -> OpportunityRow:
    _apply(row, fields)
    row.updated_by, row.updated_at = staff_user_id, utcnow()
    await session.flush()
    return row


async def publish(
    session: AsyncSession, row: OpportunityRow, *, staff_user_id: int | None
) -> OpportunityRow:
    """Offer it in the chat (again, if it was closed)."""
    now = utcnow()
    row.status, row.published_at, row.closed_at = "published", now, None
    row.updated_by, row.updated_at = staff_user_id, now
    await session.flush()
    return row


async def close(
    session: AsyncSession, row: OpportunityRow, *, staff_user_id: int | None
) -> OpportunityRow:
    """Stop offering it; it stays in the list for the team."""
    now = utcnow()
    row.status, row.closed_at = "closed", now
    row.updated_by, row.updated_at = staff_user_id, now
    await session.flush()
    return row


async def get(
    session: AsyncSession, opportunity_id: int, *, team_ids: Sequence[str] | None = None
) -> OpportunityRow | None:
    """One opportunity; with ``team_ids``, only when it belongs to one of them."""
    row = await session.get(OpportunityRow, opportunity_id)
    if row is None or (team_ids is not None and row.team_id not in team_ids):
        return None
    return row


async def list_for_teams(
    session: AsyncSession, team_ids: Sequence[str]
) -> Sequence[OpportunityRow]:
    """The teams' opportunities: drafts and published first, then closed; newest first."""
    if not team_ids:
        return []
    rows = await session.scalars(
        select(OpportunityRow)
        .where(OpportunityRow.team_id.in_(list(team_ids)))
        .order_by(OpportunityRow.updated_at.desc(), OpportunityRow.id.desc())
    )
    order = {"published": 0, "draft": 1, "closed": 2}
    return sorted(rows.all(), key=lambda row: order.get(row.status, 3))


async def list_open(session: AsyncSession, today: dt.date) -> Sequence[OpportunityRow]:
    """Published opportunities still open on ``today``, soonest closing first."""
    rows = await session.scalars(
        select(OpportunityRow)
        .where(
            OpportunityRow.status == "published",
            or_(OpportunityRow.closes_on.is_(None), OpportunityRow.closes_on >= today),
        )
        .order_by(OpportunityRow.closes_on.asc().nulls_last(), OpportunityRow.id)
    )
    return rows.all()
