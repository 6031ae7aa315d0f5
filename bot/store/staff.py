"""Teams, staff users and who belongs to which team."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Table, select
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column, relationship, selectinload

from bot.engine.state import utcnow
from bot.store.db import Base

team_members = Table(
    "team_members",
    Base.metadata,
    Column("user_id", ForeignKey("staff_users.id", ondelete="CASCADE"), primary_key=True),
    Column("team_id", ForeignKey("teams.id", ondelete="CASCADE"), primary_key=True),
)


class TeamRow(Base):
    __tablename__ = "teams"

    id: Mapped[str] = mapped_column(String(80), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    does: Mapped[str] = mapped_column(String(500), default="")
    # email about new feedback (bot/notify/): where, and "off", "now" (at once) or "digest"
    notify_email: Mapped[str | None] = mapped_column(String(320), nullable=True)
    notify_mode: Mapped[str] = mapped_column(String(10), default="off", server_default="off")
    digest_hour: Mapped[int] = mapped_column(Integer, default=8, server_default="8")  # UK time
    last_digest_at: Mapped[dt.datetime | None] = mapped_column(
        DateTime(timezone=True), nullable=True
    )


NOTIFY_MODES = {"off": "No emails", "now": "At once", "digest": "A daily summary"}


class StaffUser(Base):
    __tablename__ = "staff_users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str] = mapped_column(String(200))
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # signing out moves it on: every cookie made before then stops working, on every worker
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    teams: Mapped[list[TeamRow]] = relationship(secondary=team_members, lazy="raise")

    @property
    def team_ids(self) -> list[str]:
        return sorted(team.id for team in self.teams)


async def sync_teams(session: AsyncSession, teams: Iterable[tuple[str, str, str]]) -> None:
    """Make the teams table hold every team in content/teams.yml (id, name, what it does).

    One upsert, so workers starting side by side do not trip over each other's inserts.
    """
    rows = [{"id": team_id, "name": name, "does": does} for team_id, name, does in teams]
    if not rows:
        return
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    insert = postgresql_insert if dialect == "postgresql" else sqlite_insert
    statement = insert(TeamRow).values(rows)
    await session.execute(
        statement.on_conflict_do_update(
            index_elements=[TeamRow.id],
            set_={"name": statement.excluded.name, "does": statement.excluded.does},
        )
    )


async def list_teams(session: AsyncSession) -> Sequence[TeamRow]:
    return (await session.scalars(select(TeamRow).order_by(TeamRow.name))).all()


async def get_team(session: AsyncSession, team_id: str) -> TeamRow | None:
    return await session.get(TeamRow, team_id)


async def create_team(session: AsyncSession, team_id: str, name: str, does: str = "") -> TeamRow:
    row = TeamRow(id=team_id, name=name, does=does)
    session.add(row)
    return row


async def create_user(
    session: AsyncSession,
    *,
    email: str,
    name: str,
    password_hash: str,
    team_ids: Iterable[str] = (),
    is_admin: bool = False,
) -> StaffUser:
    user = StaffUser(
        email=email.strip().lower(),
        name=name,
        password_hash=password_hash,
        is_admin=is_admin,
        active=True,
        failed_logins=0,
    )
    user.teams = [team for team in await _teams(session, team_ids)]
    session.add(user)
    await session.flush()
    return user


async def _teams(session: AsyncSession, team_ids: Iterable[str]) -> Sequence[TeamRow]:
    wanted = list(team_ids)
    if not wanted:
        return []
    rows = (await session.scalars(select(TeamRow).where(TeamRow.id.in_(wanted)))).all()
    missing = set(wanted) - {row.id for row in rows}
    if missing:
        raise LookupError(f"no such team: {', '.join(sorted(missing))}")
    return rows


async def set_user_teams(session: AsyncSession, user: StaffUser, team_ids: Iterable[str]) -> None:
    user.teams = list(await _teams(session, team_ids))


async def get_user(session: AsyncSession, user_id: int) -> StaffUser | None:
    return await session.scalar(
        select(StaffUser).where(StaffUser.id == user_id).options(selectinload(StaffUser.teams))
    )


async def find_user_by_email(session: AsyncSession, email: str) -> StaffUser | None:
    return await session.scalar(
        select(StaffUser)
        .where(StaffUser.email == email.strip().lower())
        .options(selectinload(StaffUser.teams))
    )


async def list_users(session: AsyncSession) -> Sequence[StaffUser]:
    return (
        await session.scalars(
            select(StaffUser).order_by(StaffUser.email).options(selectinload(StaffUser.teams))
        )
    ).all()
