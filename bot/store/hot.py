"""The hot path: load and save one conversation per message, straight through the driver.

Every message reads its conversation once and writes it once, so these two statements skip
SQLAlchemy's statement machinery and talk to the driver under SQLAlchemy's pool (aiosqlite or
asyncpg). The tables and everything else still go through SQLAlchemy and Alembic.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

_LOAD = "SELECT state, updated_at, answer_waiting FROM conversations WHERE key = {p1}"
_SAVE = (
    "INSERT INTO conversations (key, channel, state, updated_at, answer_waiting) "
    "VALUES ({p1}, {p2}, {p3}, {p4}, {p5}) ON CONFLICT (key) DO UPDATE SET "
    "state = excluded.state, updated_at = excluded.updated_at, "
    "answer_waiting = excluded.answer_waiting"
)
_DELETE = "DELETE FROM conversations WHERE key = {p1}"


def _sql(template: str, dialect: str) -> str:
    marks = {f"p{n}": (f"${n}" if dialect == "postgresql" else "?") for n in range(1, 6)}
    return template.format(**marks)


def _sqlite_time(moment: dt.datetime) -> str:
    """SQLAlchemy's storage format for DateTime on SQLite (UTC, no offset)."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _read_time(value: Any) -> dt.datetime:
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


class ConversationStore:
    """Load, save and delete conversation rows with one driver call each."""

    def __init__(self, engine: AsyncEngine):
        self.engine = engine
        self.dialect = engine.dialect.name
        self._load = _sql(_LOAD, self.dialect)
        self._save = _sql(_SAVE, self.dialect)
        self._delete = _sql(_DELETE, self.dialect)

    async def load(self, key: str) -> tuple[str, dt.datetime, bool] | None:
        async with self.engine.connect() as connection:
            raw = (await connection.get_raw_connection()).driver_connection
            assert raw is not None
            if self.dialect == "postgresql":
                row = await raw.fetchrow(self._load, key)
            else:
                async with raw.execute(self._load, (key,)) as cursor:
                    row = await cursor.fetchone()
        if row is None:
            return None
        return str(row[0]), _read_time(row[1]), bool(row[2])

    async def save(
        self, key: str, channel: str, state: str, updated_at: dt.datetime, answer_waiting: bool
    ) -> None:
        async with self.engine.connect() as connection:
            raw = (await connection.get_raw_connection()).driver_connection
            assert raw is not None
            if self.dialect == "postgresql":
                await raw.execute(self._save, key, channel, state, updated_at, answer_waiting)
            else:
                await raw.execute(
                    self._save, (key, channel, state, _sqlite_time(updated_at), answer_waiting)
                )
                await raw.commit()

    async def delete(self, key: str) -> None:
        async with self.engine.connect() as connection:
            raw = (await connection.get_raw_connection()).driver_connection
            assert raw is not None
            if self.dialect == "postgresql":
                await raw.execute(self._delete, key)
            else:
                await raw.execute(self._delete, (key,))
                await raw.commit()
