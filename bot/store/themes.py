"""Themes and which feedback they tag: suggested by the model, or set by staff.

A theme can be renamed (its id stays) or merged into another (``merged_into``): its tags move
to the other theme and later suggestions of it land there too. Staff tags win over
suggestions: once staff have set an item's themes, those are its themes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import (
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    UniqueConstraint,
    delete,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from bot.engine.state import utcnow
from bot.store.db import Base
from bot.store.feedback import FeedbackRow

SOURCES = ("suggested", "staff")


class ThemeRow(Base):
    __tablename__ = "themes"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    description: Mapped[str] = mapped_column(String(300), default="")
    origin: Mapped[str] = mapped_column(String(20), default="content")  # or "discovered"
    words: Mapped[str] = mapped_column(String(300), default="")  # a discovered theme's top words
    merged_into: Mapped[str | None] = mapped_column(
        ForeignKey("themes.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class FeedbackThemeRow(Base):
    __tablename__ = "feedback_themes"
    __table_args__ = (
        UniqueConstraint("feedback_id", "theme_id", "source", name="uq_feedback_themes"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    feedback_id: Mapped[int] = mapped_column(
        ForeignKey("feedback.id", ondelete="CASCADE"), index=True
    )
    theme_id: Mapped[str] = mapped_column(ForeignKey("themes.id", ondelete="CASCADE"), index=True)
    source: Mapped[str] = mapped_column(String(20))  # "suggested" or "staff"
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    staff_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("staff_users.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ThemeCheckRow(Base):
    """The suggester has looked at this feedback (whether or not a theme fitted)."""

    __tablename__ = "theme_checks"

    feedback_id: Mapped[int] = mapped_column(
        ForeignKey("feedback.id", ondelete="CASCADE"), primary_key=True
    )
    fitted: Mapped[int] = mapped_column(Integer, default=0)  # how many themes were suggested
    checked_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


@dataclass(frozen=True, slots=True)
class Tag:
    theme_id: str
    source: str
    score: float | None


async def sync_themes(session: AsyncSession, themes: Iterable[tuple[str, str, str]]) -> None:
    """Add the themes in content/themes.yml (id, name, description) that the table lacks;
    names staff have changed are kept."""
    known = set((await session.scalars(select(ThemeRow.id))).all())
    for theme_id, name, description in themes:
        if theme_id not in known:
            session.add(ThemeRow(id=theme_id, name=name, description=description))
    await session.flush()


async def list_themes(session: AsyncSession, *, merged: bool = False) -> Sequence[ThemeRow]:
    query = select(ThemeRow).order_by(ThemeRow.name)
    if not merged:
        query = query.where(ThemeRow.merged_into.is_(None))
    return (await session.scalars(query)).all()


async def get_theme(session: AsyncSession, theme_id: str) -> ThemeRow | None:
    return await session.get(ThemeRow, theme_id)


async def merge_map(session: AsyncSession) -> dict[str, str]:
    """Each merged theme's id → the id of the theme it now lives in."""
    rows = (await session.execute(select(ThemeRow.id, ThemeRow.merged_into))).all()
    parent = {theme_id: into for theme_id, into in rows if into}
    resolved = {}
    for theme_id in parent:
        seen, current = {theme_id}, parent[theme_id]
        while current in parent and parent[current] not in seen:
            seen.add(current)
            current = parent[current]
        resolved[theme_id] = current
    return resolved


async def rename_theme(session: AsyncSession, theme: ThemeRow, name: str) -> None:
    theme.name, theme.updated_at = name, utcnow()


async def merge_themes(session: AsyncSession, source: ThemeRow, target: ThemeRow) -> int:
    """Merge ``source`` into ``target``: its tags move over (kept once); returns how many moved."""
    if source.id == target.id:
        raise ValueError("a theme cannot be merged into itself")
    rows = (
        await session.scalars(
            select(FeedbackThemeRow).where(FeedbackThemeRow.theme_id == source.id)
        )
    ).all()
    have = {
        (feedback_id, tag_source)
        for feedback_id, tag_source in (
            await session.execute(
                select(FeedbackThemeRow.feedback_id, FeedbackThemeRow.source).where(
                    FeedbackThemeRow.theme_id == target.id
                )
            )
        ).all()
    }
    moved = 0
    for row in rows:
        if (row.feedback_id, row.source) in have:
            await session.delete(row)
        else:
            row.theme_id = target.id
            have.add((row.feedback_id, row.source))
            moved += 1
    await session.execute(
        update(ThemeRow).where(ThemeRow.merged_into == source.id).values(merged_into=target.id)
    )
    source.merged_into, source.updated_at = target.id, utcnow()
    target.updated_at = utcnow()
    await session.flush()
    return moved


async def unchecked_feedback(
    session: AsyncSession, *, limit: int = 2000
) -> Sequence[tuple[int, str]]:
    """(id, text) of feedback the suggester has not looked at yet, oldest first."""
    checked = select(ThemeCheckRow.feedback_id).where(ThemeCheckRow.feedback_id == FeedbackRow.id)
    rows = await session.execute(
        select(FeedbackRow.id, FeedbackRow.text)
        .where(~checked.exists())
        .order_by(FeedbackRow.id)
        .limit(limit)
    )
    return [(int(feedback_id), str(text)) for feedback_id, text in rows.all()]


async def save_suggestions(
    session: AsyncSession,
    suggestions: Mapping[int, Sequence[tuple[str, float]]],
    merged: Mapping[str, str],
) -> None:
    """Store each item's suggested (theme id, score) pairs, following merges, and mark the
    item as looked at."""
    now = utcnow()
    for feedback_id, pairs in suggestions.items():
        kept: dict[str, float] = {}
        for theme_id, score in pairs:
            final = merged.get(theme_id, theme_id)
            kept[final] = max(score, kept.get(final, 0.0))
        for theme_id, score in kept.items():
            session.add(
                FeedbackThemeRow(
                    feedback_id=feedback_id,
                    theme_id=theme_id,
                    source="suggested",
                    score=score,
                    created_at=now,
                )
            )
        session.add(ThemeCheckRow(feedback_id=feedback_id, fitted=len(kept), checked_at=now))
    await session.flush()


async def set_staff_themes(
    session: AsyncSession, feedback_id: int, theme_ids: Iterable[str], staff_user_id: int | None
) -> None:
    """Staff choose an item's themes: these replace any staff tags it had."""
    await session.execute(
        delete(FeedbackThemeRow).where(
            FeedbackThemeRow.feedback_id == feedback_id, FeedbackThemeRow.source == "staff"
        )
    )
    now = utcnow()
    for theme_id in dict.fromkeys(theme_ids):
        session.add(
            FeedbackThemeRow(
                feedback_id=feedback_id,
                theme_id=theme_id,
                source="staff",
                staff_user_id=staff_user_id,
                created_at=now,
            )
        )
    await session.flush()


async def tags_for(session: AsyncSession, feedback_ids: Sequence[int]) -> dict[int, list[Tag]]:
    """Each item's themes as staff see them: staff tags when there are any, else suggestions
    (best first)."""
    if not feedback_ids:
        return {}
    found: dict[int, list[Tag]] = {}
    for start in range(0, len(feedback_ids), 900):  # stay under SQLite's limit on parameters
        chunk = list(feedback_ids[start : start + 900])
        rows = await session.execute(
            select(
                FeedbackThemeRow.feedback_id,
                FeedbackThemeRow.theme_id,
                FeedbackThemeRow.source,
                FeedbackThemeRow.score,
            ).where(FeedbackThemeRow.feedback_id.in_(chunk))
        )
        for feedback_id, theme_id, source, score in rows.all():
            found.setdefault(feedback_id, []).append(Tag(theme_id, source, score))
    return {feedback_id: effective(tags) for feedback_id, tags in found.items()}


def effective(tags: Sequence[Tag]) -> list[Tag]:
    staff_tags = [tag for tag in tags if tag.source == "staff"]
    if staff_tags:
        return sorted(staff_tags, key=lambda tag: tag.theme_id)
    return sorted(tags, key=lambda tag: -(tag.score or 0.0))


@dataclass(frozen=True, slots=True)
class TaggedItem:
    feedback_id: int
    team_id: str
    created_at: dt.datetime
    tags: tuple[Tag, ...]


async def tagged_feedback_for_teams(
    session: AsyncSession,
    team_ids: Sequence[str],
    *,
    since: dt.datetime | None = None,
    until: dt.datetime | None = None,
) -> list[TaggedItem]:
    """The teams' feedback (newest first) with each item's themes as staff see them."""
    query = select(FeedbackRow.id, FeedbackRow.team_id, FeedbackRow.created_at).where(
        FeedbackRow.team_id.in_(list(team_ids))
    )
    if since is not None:
        query = query.where(FeedbackRow.created_at >= since)
    if until is not None:
        query = query.where(FeedbackRow.created_at < until)
    rows = (await session.execute(query.order_by(FeedbackRow.created_at.desc()))).all()
    tags = await tags_for(session, [row[0] for row in rows])
    return [
        TaggedItem(feedback_id, team_id, created_at, tuple(tags.get(feedback_id, ())))
        for feedback_id, team_id, created_at in rows
    ]


async def unfitted_feedback_for_teams(
    session: AsyncSession, team_ids: Sequence[str], *, weaker_than: float = 0.35, limit: int = 2000
) -> Sequence[tuple[int, str]]:
    """(id, text) of the teams' feedback that fits no theme well: the suggester looked at it
    and scored no theme ``weaker_than`` or more, and staff have not tagged it. New themes may
    be found there."""
    fits = select(FeedbackThemeRow.id).where(
        FeedbackThemeRow.feedback_id == FeedbackRow.id,
        (FeedbackThemeRow.source == "staff") | (FeedbackThemeRow.score >= weaker_than),
    )
    rows = await session.execute(
        select(FeedbackRow.id, FeedbackRow.text)
        .join(ThemeCheckRow, ThemeCheckRow.feedback_id == FeedbackRow.id)
        .where(FeedbackRow.team_id.in_(list(team_ids)), ~fits.exists())
        .order_by(FeedbackRow.id.desc())
        .limit(limit)
    )
    return [(int(feedback_id), str(text)) for feedback_id, text in rows.all()]


def new_theme_id(name: str, taken: Iterable[str]) -> str:
    base = "new_" + (re.sub(r"[^a-z]+", "_", name.lower()).strip("_")[:30] or "theme")
    taken_ids, candidate, number = set(taken), base, 2
    while candidate in taken_ids:
        candidate, number = f"{base}_{number}", number + 1
    return candidate


async def accept_new_theme(
    session: AsyncSession,
    *,
    name: str,
    words: Sequence[str],
    feedback_ids: Sequence[int],
    staff_user_id: int | None,
) -> ThemeRow:
    """Staff accept a discovered theme: it becomes a theme, and its items are tagged with it."""
    taken = (await session.scalars(select(ThemeRow.id))).all()
    now = utcnow()
    theme = ThemeRow(
        id=new_theme_id(name, taken),
        name=name,
        description="Found in feedback that fitted no other theme: " + ", ".join(words),
        origin="discovered",
        words=", ".join(words)[:300],
        created_at=now,
        updated_at=now,
    )
    session.add(theme)
    await session.flush()
    for feedback_id in feedback_ids:
        session.add(
            FeedbackThemeRow(
                feedback_id=feedback_id,
                theme_id=theme.id,
                source="staff",
                staff_user_id=staff_user_id,
                created_at=now,
            )
        )
    await session.flush()
    return theme
