"""The hot path: load and save one conversation per message, straight through the driver.

Every message reads its conversation once and writes it once, so these statements skip
SQLAlchemy and its connection pool and use connections of their own: one aiosqlite connection
in autocommit mode for SQLite, or an asyncpg pool for PostgreSQL. The table itself, and
everything else, still goes through SQLAlchemy and Alembic.

Measured on the 2-core benchmark machine, a load through SQLAlchemy's pool cost about 280 us of
CPU (checking a connection out and in, and a rollback on return); through these connections it
costs about 70 us (aiosqlite) or 45 us (asyncpg). See the README's benchmarks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Protocol

from sqlalchemy.engine import make_url

_LOAD = "SELECT state, updated_at, answer_waiting FROM conversations WHERE key = {p1}"
_SAVE = (
    "INSERT INTO conversations (key, channel, state, updated_at, answer_waiting) "
    "VALUES ({p1}, {p2}, {p3}, {p4}, {p5}) ON CONFLICT (key) DO UPDATE SET "
    "state = excluded.state, updated_at = excluded.updated_at, "
    "answer_waiting = excluded.answer_waiting"
)
_DELETE = "DELETE FROM conversations WHERE key = {p1}"

Row = tuple[str, dt.datetime, bool]


def _sql(template: str, dialect: str) -> str:
    marks = {f"p{n}": (f"${n}" if dialect == "postgresql" else "?") for n in range(1, 6)}
    return template.format(**marks)


def _sqlite_time(moment: dt.datetime) -> str:
    """SQLAlchemy's storage format for DateTime on SQLite (UTC, no offset)."""
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _read_time(value: Any) -> dt.datetime:
    moment = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _row(found: Any) -> Row | None:
    if found is None:
        return None
    return str(found[0]), _read_time(found[1]), bool(found[2])


class ConversationStore(Protocol):
    """Load, save and delete conversation rows with one driver call each."""

    async def load(self, key: str) -> Row | None: ...

    async def save(
        self, key: str, channel: str, state: str, updated_at: dt.datetime, answer_waiting: bool
    ) -> None: ...

    async def delete(self, key: str) -> None: ...

    async def close(self) -> None: ...


class SqliteConversations:
    """One aiosqlite connection in autocommit mode: each statement is its own transaction."""

    def __init__(self, connection: Any):
        self._connection = connection
        self._load = _sql(_LOAD, "sqlite")
        self._save = _sql(_SAVE, "sqlite")
        self._delete = _sql(_DELETE, "sqlite")

    @classmethod
    async def open(cls, path: str) -> SqliteConversations:
        import aiosqlite

        connection = await aiosqlite.connect(path, isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "busy_timeout=5000"):
            await connection.execute(f"PRAGMA {pragma}")
        return cls(connection)

    async def load(self, key: str) -> Row | None:
        rows = await self._connection.execute_fetchall(self._load, (key,))
        return _row(next(iter(rows), None))

    async def save(
        self, key: str, channel: str, state: str, updated_at: dt.datetime, answer_waiting: bool
    ) -> None:
        values = (key, channel, state, _sqlite_time(updated_at), answer_waiting)
        await self._connection.execute(self._save, values)

    async def delete(self, key: str) -> None:
        await self._connection.execute(self._delete, (key,))

    async def close(self) -> None:
        await self._connection.close()


async def _keep_session(connection: Any) -> None:
    """Hand a connection back to the pool as it is: the hot path leaves no session state, so
    asyncpg's default reset (a round trip to the server on every release) is not needed."""


class PostgresConversations:
    """An asyncpg pool whose commits do not wait for the disk (``synchronous_commit`` off).

    A database crash could lose the last fraction of a second of conversation state, never
    feedback, which is written through SQLAlchemy with ordinary commits.
    """

    def __init__(self, pool: Any):
        self._pool = pool
        self._load = _sql(_LOAD, "postgresql")
        self._save = _sql(_SAVE, "postgresql")
        self._delete = _sql(_DELETE, "postgresql")

    @classmethod
    async def open(cls, dsn: str, *, size: int = 20) -> PostgresConversations:
        import asyncpg

        pool = await asyncpg.create_pool(
            dsn,
            min_size=1,
            max_size=size,
            reset=_keep_session,
            server_settings={"synchronous_commit": "off"},
        )
        return cls(pool)

    async def load(self, key: str) -> Row | None:
        return _row(await self._pool.fetchrow(self._load, key))

    async def save(
        self, key: str, channel: str, state: str, updated_at: dt.datetime, answer_waiting: bool
    ) -> None:
        await self._pool.execute(self._save, key, channel, state, updated_at, answer_waiting)

    async def delete(self, key: str) -> None:
        await self._pool.execute(self._delete, key)

    async def close(self) -> None:
        await self._pool.close()


async def open_conversation_store(database_url: str) -> ConversationStore:
    """The hot-path store for ``database_url`` (the same database SQLAlchemy uses)."""
    url = make_url(database_url)
    if url.get_backend_name() == "postgresql":
        dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
        return await PostgresConversations.open(dsn)
    return await SqliteConversations.open(url.database or ":memory:")
