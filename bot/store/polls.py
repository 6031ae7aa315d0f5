"""Quick polls: a question with 2-5 answers for an audience, the answers and who answered.

An answer row keeps only the choice, the person's bands (role, area, age band) and the DATE,
never a time, so it cannot be matched to a chat. Who has answered is kept apart, in
``poll_voters``, as a keyed hash (one per person and poll), with no link to their answer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    PrimaryKeyConstraint,
    String,
    func,
    select,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.engine.state import utcnow
from bot.store.db import Base

STATUSES = ("draft", "open", "closed")
SMALL_GROUP = 10  # results, and each breakdown row, need at least this many answers


class PollRow(Base):
    __tablename__ = "polls"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    question: Mapped[str] = mapped_column(String(200))
    choices: Mapped[list[str]] = mapped_column(JSON)
    audience: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_by: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    opened_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    published_at: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class PollAnswerRow(Base):
    __tablename__ = "poll_answers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id", ondelete="CASCADE"), index=True)
    choice: Mapped[int] = mapped_column(Integer)
    role: Mapped[str | None] = mapped_column(String(32), nullable=True)
    area: Mapped[str | None] = mapped_column(String(32), nullable=True)
    age_band: Mapped[str | None] = mapped_column(String(20), nullable=True)
    answered_at: Mapped[dt.date] = mapped_column(Date)


class PollVoterRow(Base):
    __tablename__ = "poll_voters"
    __table_args__ = (PrimaryKeyConstraint("poll_id", "voter_hash", name="pk_poll_voters"),)

    poll_id: Mapped[int] = mapped_column(ForeignKey("polls.id", ondelete="CASCADE"))
    voter_hash: Mapped[str] = mapped_column(String(64))


@dataclass(frozen=True, slots=True)
class Results:
    """What may be shown of a poll's answers: nothing under the small-group limit."""

    total: int
    counts: list[tuple[str, int]]  # (answer, how many), empty when hidden
    # by role, area and age band: (group, answers per choice), None when under 10 in the group
    breakdowns: dict[str, list[tuple[str, list[int] | None]]] = field(default_factory=dict)

    @property
    def shown(self) -> bool:
        return self.total >= SMALL_GROUP


async def create_poll(
    session: AsyncSession,
    *,
    team_id: str,
    question: str,
    choices: Sequence[str],
    audience: Mapping[str, Any],
    created_by: int | None,
) -> PollRow:
    row = PollRow(
        team_id=team_id,
        status="draft",
        question=question,
        choices=list(choices),
        audience=dict(audience),
        created_by=created_by,
        created_at=utcnow(),
    )
    session.add(row)
    await session.flush()
    return row


async def get_poll(session: AsyncSession, poll_id: int) -> PollRow | None:
    return await session.get(PollRow, poll_id)


async def list_polls(session: AsyncSession, team_ids: Iterable[str]) -> Sequence[PollRow]:
    teams = list(team_ids)
    if not teams:
        return []
    found = await session.scalars(
        select(PollRow).where(PollRow.team_id.in_(teams)).order_by(PollRow.id.desc())
    )
    return found.all()


async def open_polls(session: AsyncSession) -> Sequence[PollRow]:
    found = await session.scalars(
        select(PollRow).where(PollRow.status == "open").order_by(PollRow.id)
    )
    return found.all()


async def answer_count(session: AsyncSession, poll_id: int) -> int:
    count = await session.scalar(
        select(func.count()).select_from(PollAnswerRow).where(PollAnswerRow.poll_id == poll_id)
    )
    return int(count or 0)


async def record_answer(
    session: AsyncSession,
    *,
    poll_id: int,
    voter_hash: str,
    choice: int,
    role: str | None,
    area: str | None,
    age_band: str | None,
    today: dt.date,
) -> bool:
    """Keep one answer per person: False (nothing kept) when they have answered already.
    The voter row and the answer row are separate and share nothing but the poll."""
    try:
        async with session.begin_nested():
            session.add(PollVoterRow(poll_id=poll_id, voter_hash=voter_hash))
            await session.flush()
    except IntegrityError:
        return False
    session.add(
        PollAnswerRow(
            poll_id=poll_id,
            choice=choice,
            role=role,
            area=area,
            age_band=age_band,
            answered_at=today,
        )
    )
    await session.flush()
    return True


async def has_answered(session: AsyncSession, poll_id: int, voter_hash: str) -> bool:
    found = await session.get(PollVoterRow, (poll_id, voter_hash))
    return found is not None


def _hidden_groups(found: Mapping[str, list[int]]) -> set[str]:
    """The groups a breakdown must hide: each under 10, and then, while the hidden ones
    together are under 10, the smallest shown ones too, so that no small group can be worked
    out by taking the shown groups away from the totals."""
    sizes = {code: sum(per_choice) for code, per_choice in found.items()}
    hidden = {code for code, size in sizes.items() if size < SMALL_GROUP}
    shown = sorted((size, code) for code, size in sizes.items() if code not in hidden)
    while hidden and sum(sizes[code] for code in hidden) < SMALL_GROUP and shown:
        hidden.add(shown.pop(0)[1])
    return hidden


async def results(
    session: AsyncSession, poll: PollRow, names: Mapping[str, Mapping[str, str]]
) -> Results:
    """Counts per answer, and breakdowns by role, area and age band, with the small-group
    rule: nothing at all under 10 answers in total, and a breakdown row under 10 is None
    ("fewer than 10"). ``names`` turns stored codes into words, per breakdown."""
    rows = (
        await session.execute(
            select(
                PollAnswerRow.choice,
                PollAnswerRow.role,
                PollAnswerRow.area,
                PollAnswerRow.age_band,
            ).where(PollAnswerRow.poll_id == poll.id)
        )
    ).all()
    total = len(rows)
    if total < SMALL_GROUP:
        return Results(total=total, counts=[])
    counts = [0] * len(poll.choices)
    groups: dict[str, dict[str, list[int]]] = {"role": {}, "area": {}, "age_band": {}}
    for choice, role, area, age_band in rows:
        if not 0 <= choice < len(counts):
            continue
        counts[choice] += 1
        for key, value in (("role", role), ("area", area), ("age_band", age_band)):
            group = groups[key].setdefault(value or "", [0] * len(counts))
            group[choice] += 1
    breakdowns: dict[str, list[tuple[str, list[int] | None]]] = {}
    for key, found in groups.items():
        words = names.get(key, {})
        order = list(words)
        hidden = _hidden_groups(found)
        breakdowns[key] = [
            (words.get(code, "Not said"), None if code in hidden else per_choice)
            for code, per_choice in sorted(
                found.items(), key=lambda pair: order.index(pair[0]) if pair[0] in order else 99
            )
        ]
    return Results(
        total=total,
        counts=list(zip(poll.choices, counts, strict=True)),
        breakdowns=breakdowns,
    )
