"""Feedback, staff answers, and answers waiting to go back to the person."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    delete,
    false,
    func,
    insert,
    select,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column, relationship, selectinload

from bot.engine.state import utcnow
from bot.store.db import Base

STATUSES = ("new", "read", "answered", "closed")
CONSENTS = ("anonymous", "contact")


class FeedbackRow(Base):
    __tablename__ = "feedback"
    __table_args__ = (
        UniqueConstraint("dedupe_key", name="uq_feedback_dedupe_key"),
        # the inbox: one team's (or a few teams') items in received order, a page at a time
        Index("ix_feedback_team_created", "team_id", "created_at", "id"),
        # ... waiting for an answer or overdue: counted from the index, not the rows
        Index("ix_feedback_team_waiting", "team_id", "consent", "created_at", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    created_at: Mapped[dt.datetime] = mapped_column(
        DateTime(timezone=True), default=utcnow, index=True
    )
    channel: Mapped[str] = mapped_column(String(40))
    person_key: Mapped[str] = mapped_column(String(64), index=True)
    team_id: Mapped[str] = mapped_column(ForeignKey("teams.id"), index=True)
    topic: Mapped[str] = mapped_column(String(40), index=True)
    topics: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str | None] = mapped_column(String(40), nullable=True)
    area: Mapped[str | None] = mapped_column(String(40), nullable=True)
    age_band: Mapped[str | None] = mapped_column(String(20), nullable=True)
    text: Mapped[str] = mapped_column(Text)
    consent: Mapped[str] = mapped_column(String(20))
    contact: Mapped[str | None] = mapped_column(Text, nullable=True)  # encrypted
    status: Mapped[str] = mapped_column(String(20), default="new", index=True)
    read_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    # the person's own (redacted) words may go on the public page: asked of people 13 and over
    publish_consent: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false(), nullable=False
    )
    # the same message sent twice (a retry after a worker died) is stored once
    dedupe_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    responses: Mapped[list[ResponseRow]] = relationship(
        back_populates="feedback",
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="raise",
        order_by="ResponseRow.id",
    )


# The inbox sorted by status, newest first within each (see migration 0009).
Index(
    "ix_feedback_team_status_created",
    FeedbackRow.team_id,
    FeedbackRow.status,
    FeedbackRow.created_at.desc(),
    FeedbackRow.id.desc(),
)


class ResponseRow(Base):
    __tablename__ = "responses"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    feedback_id: Mapped[int] = mapped_column(
        ForeignKey("feedback.id", ondelete="CASCADE"), index=True
    )
    staff_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_users.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    text: Mapped[str] = mapped_column(Text)
    public: Mapped[bool] = mapped_column(Boolean, default=False)
    public_text: Mapped[str | None] = mapped_column(Text, nullable=True)
    public_feedback: Mapped[str | None] = mapped_column(Text, nullable=True)
    feedback: Mapped[FeedbackRow] = relationship(back_populates="responses", lazy="raise")


class PublicationRow(Base):
    """A "You said, we did" entry: drafted, previewed and published by staff, and withdrawn."""

    __tablename__ = "publications"
    __table_args__ = (UniqueConstraint("feedback_id", name="uq_publications_feedback_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    feedback_id: Mapped[int] = mapped_column(ForeignKey("feedback.id", ondelete="CASCADE"))
    team_id: Mapped[str] = mapped_column(String(80), index=True)
    you_said: Mapped[str] = mapped_column(Text, default="")
    own_words: Mapped[bool] = mapped_column(Boolean, default=False)
    we_did: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    staff_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_users.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    published_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True, index=True
    )


class DeliveryRow(Base):
    """An answer waiting to reach the person on the channel they used."""

    __tablename__ = "deliveries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    feedback_id: Mapped[int] = mapped_column(
        ForeignKey("feedback.id", ondelete="CASCADE"), index=True
    )
    response_id: Mapped[int] = mapped_column(ForeignKey("responses.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(40), index=True)
    person_key: Mapped[str] = mapped_column(String(64), index=True)
    recipient: Mapped[str] = mapped_column(Text)  # encrypted channel address
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    delivered_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True, index=True
    )


@dataclass(frozen=True, slots=True)
class FeedbackFilter:
    status: str | None = None
    topic: str | None = None
    area: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    answer: str | None = None  # "waiting" or "overdue"
    # received before this, and still waiting, is overdue (see ``overdue_cutoff``)
    due_before: dt.datetime | None = None


ANSWER_FILTERS = {"waiting": "Waiting for an answer", "overdue": "Overdue"}


def overdue_cutoff(now: dt.datetime, working_days: int) -> dt.datetime:
    """The moment ``working_days`` working days (Monday to Friday) before ``now``: an item
    received before it, and still waiting for an answer, is overdue."""
    moment, left = now, working_days
    while left > 0:
        moment -= dt.timedelta(days=1)
        if moment.weekday() < 5:
            left -= 1
    return moment


def _waiting() -> Any:
    """The person asked to be contacted, there is no answer yet, and it is not closed."""
    answered = select(ResponseRow.id).where(ResponseRow.feedback_id == FeedbackRow.id).exists()
    return (FeedbackRow.consent == "contact") & (FeedbackRow.status != "closed") & ~answered


def _filtered(team_ids: Sequence[str], filters: FeedbackFilter):  # type: ignore[no-untyped-def]
    query = select(FeedbackRow).where(FeedbackRow.team_id.in_(list(team_ids)))
    if filters.answer in ANSWER_FILTERS:
        query = query.where(_waiting())
    if filters.answer == "overdue" and filters.due_before is not None:
        query = query.where(FeedbackRow.created_at < filters.due_before)
    if filters.status:
        query = query.where(FeedbackRow.status == filters.status)
    if filters.topic:
        query = query.where(FeedbackRow.topic == filters.topic)
    if filters.area:
        query = query.where(FeedbackRow.area == filters.area)
    if filters.since:
        start = dt.datetime.combine(filters.since, dt.time.min, tzinfo=dt.UTC)
        query = query.where(FeedbackRow.created_at >= start)
    if filters.until:
        end = dt.datetime.combine(filters.until + dt.timedelta(days=1), dt.time.min, tzinfo=dt.UTC)
        query = query.where(FeedbackRow.created_at < end)
    return query


async def save_feedback(session: AsyncSession, **values: Any) -> int:
    """Store one piece of feedback with a single INSERT, committed as it runs, and return its id.

    The session's connection is put in autocommit mode: one INSERT is atomic on its own, and on
    SQLite the write lock is then held only while the statement runs, rather than until the
    event loop comes round to a COMMIT, which under heavy load kept other writers waiting.
    """
    await session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
    dedupe = values.get("dedupe_key")
    same = select(FeedbackRow.id).where(FeedbackRow.dedupe_key == dedupe)
    if dedupe is not None and (earlier := await session.scalar(same)) is not None:
        return int(earlier)  # the same message again: stored once
    try:
        inserted = await session.execute(
            insert(FeedbackRow).values(**values).returning(FeedbackRow.id)
        )
    except IntegrityError:
        if dedupe is None:
            raise
        return int((await session.execute(same)).scalar_one())  # another worker was first
    return int(inserted.scalar_one())


async def allow_publishing(session: AsyncSession, feedback_id: int, person_key: str) -> bool:
    row = await session.scalar(
        select(FeedbackRow).where(
            FeedbackRow.id == feedback_id, FeedbackRow.person_key == person_key
        )
    )
    if row is None:
        return False
    row.publish_consent = True
    return True


async def list_feedback_for_teams(
    session: AsyncSession,
    team_ids: Sequence[str],
    filters: FeedbackFilter = FeedbackFilter(),
    *,
    limit: int | None = 500,
) -> Sequence[FeedbackRow]:
    query = _filtered(team_ids, filters).order_by(
        FeedbackRow.created_at.desc(), FeedbackRow.id.desc()
    )
    if limit:
        query = query.limit(limit)
    return (await session.scalars(query)).all()


SORTS = {
    "newest": "Newest first",
    "oldest": "Oldest first",
    "status": "Status",
}


def _ordered(query: Any, sort: str) -> Any:
    if sort == "oldest":
        return query.order_by(FeedbackRow.created_at.asc(), FeedbackRow.id.asc())
    if sort == "status":
        return query.order_by(
            FeedbackRow.status.asc(), FeedbackRow.created_at.desc(), FeedbackRow.id.desc()
        )
    return query.order_by(FeedbackRow.created_at.desc(), FeedbackRow.id.desc())


@dataclass(frozen=True, slots=True)
class FeedbackPage:
    rows: Sequence[FeedbackRow]
    total: int  # every item that matches, on all pages
    page: int  # from 1, clamped to the pages there are
    per_page: int
    waiting: frozenset[int] = frozenset()  # ids on this page waiting for an answer, in time
    overdue: frozenset[int] = frozenset()  # ... and those waiting longer than the target

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


async def page_feedback_for_teams(
    session: AsyncSession,
    team_ids: Sequence[str],
    filters: FeedbackFilter = FeedbackFilter(),
    *,
    page: int = 1,
    per_page: int = 50,
    sort: str = "newest",
) -> FeedbackPage:
    """One page of the teams' feedback, with how many match in all.

    A page beyond the last shows the last page. The page's ids are found first, from the
    index alone (``ix_feedback_team_created`` or ``ix_feedback_team_status_created``), so a
    deep page skips index entries rather than whole rows; then those rows are read.
    """
    per_page = max(1, per_page)
    counted = _filtered(team_ids, filters).with_only_columns(func.count(FeedbackRow.id))
    total = int(await session.scalar(counted) or 0)
    last = max(1, -(-total // per_page))
    page = min(max(1, page), last)
    ids_query = _ordered(_filtered(team_ids, filters).with_only_columns(FeedbackRow.id), sort)
    ids = (await session.scalars(ids_query.offset((page - 1) * per_page).limit(per_page))).all()
    found_rows = {
        row.id: row
        for row in await session.scalars(select(FeedbackRow).where(FeedbackRow.id.in_(ids)))
    }
    rows = [found_rows[feedback_id] for feedback_id in ids]
    waiting: set[int] = set()
    overdue: set[int] = set()
    if rows:
        late = FeedbackRow.created_at < filters.due_before if filters.due_before else false()
        found = await session.execute(
            select(FeedbackRow.id, late).where(
                FeedbackRow.id.in_([row.id for row in rows]), _waiting()
            )
        )
        for feedback_id, is_late in found.all():
            (overdue if is_late else waiting).add(feedback_id)
    return FeedbackPage(
        rows=rows,
        total=total,
        page=page,
        per_page=per_page,
        waiting=frozenset(waiting),
        overdue=frozenset(overdue),
    )


async def get_feedback_for_teams(
    session: AsyncSession, feedback_id: int, team_ids: Sequence[str]
) -> FeedbackRow | None:
    """One piece of feedback, only if it belongs to one of ``team_ids``."""
    return await session.scalar(
        select(FeedbackRow)
        .where(FeedbackRow.id == feedback_id, FeedbackRow.team_id.in_(list(team_ids)))
        .options(selectinload(FeedbackRow.responses))
    )


async def list_all_feedback(session: AsyncSession) -> Sequence[FeedbackRow]:
    return (await session.scalars(select(FeedbackRow).order_by(FeedbackRow.id))).all()


async def count_by(
    session: AsyncSession, team_ids: Sequence[str], column: str
) -> list[tuple[str, int]]:
    """Counts of the teams' feedback by topic, or by month ("YYYY-MM")."""
    rows = (
        await session.execute(
            select(FeedbackRow.topic, FeedbackRow.created_at).where(
                FeedbackRow.team_id.in_(list(team_ids))
            )
        )
    ).all()
    counts: dict[str, int] = {}
    for topic, created in rows:
        key = topic if column == "topic" else created.strftime("%Y-%m")
        counts[key] = counts.get(key, 0) + 1
    return sorted(counts.items())


async def add_response(session: AsyncSession, response: ResponseRow) -> ResponseRow:
    session.add(response)
    await session.flush()
    return response


async def _delete_feedback_where(session: AsyncSession, condition: Any) -> int:
    """Delete the feedback matching ``condition``, with its answers and deliveries."""
    ids = (await session.scalars(select(FeedbackRow.id).where(condition))).all()
    if ids:
        await session.execute(delete(DeliveryRow).where(DeliveryRow.feedback_id.in_(ids)))
        await session.execute(delete(ResponseRow).where(ResponseRow.feedback_id.in_(ids)))
        await session.execute(delete(FeedbackRow).where(FeedbackRow.id.in_(ids)))
    return len(ids)


async def delete_feedback_for_person(session: AsyncSession, person_key: str) -> int:
    return await _delete_feedback_where(session, FeedbackRow.person_key == person_key)


async def purge_feedback_before(session: AsyncSession, cutoff: dt.datetime) -> int:
    """Delete feedback (with its answers and deliveries) created before ``cutoff``."""
    return await _delete_feedback_where(session, FeedbackRow.created_at < cutoff)


async def pending_deliveries(
    session: AsyncSession, *, channel: str, person_key: str | None = None
) -> Sequence[DeliveryRow]:
    query = select(DeliveryRow).where(
        DeliveryRow.channel == channel, DeliveryRow.delivered_at.is_(None)
    )
    if person_key is not None:
        query = query.where(DeliveryRow.person_key == person_key)
    return (await session.scalars(query.order_by(DeliveryRow.id))).all()


async def response_text(session: AsyncSession, response_id: int) -> str:
    return str(await session.scalar(select(ResponseRow.text).where(ResponseRow.id == response_id)))


async def get_publication(session: AsyncSession, feedback_id: int) -> PublicationRow | None:
    return await session.scalar(
        select(PublicationRow).where(PublicationRow.feedback_id == feedback_id)
    )


async def list_publications(session: AsyncSession) -> Sequence[PublicationRow]:
    """What the public page shows: published entries, newest first."""
    return (
        await session.scalars(
            select(PublicationRow)
            .where(PublicationRow.status == "published")
            .order_by(PublicationRow.published_at.desc(), PublicationRow.id.desc())
        )
    ).all()
