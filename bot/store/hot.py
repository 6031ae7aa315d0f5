"""The hot path: load and save one conversation per message, straight through the driver.

Every message reads its conversation once and writes it once, so these statements skip
SQLAlchemy and its connection pool and use connections of their own: one sqlite3 connection in
autocommit mode for SQLite, or an asyncpg pool for PostgreSQL. The table itself, and
everything else, still goes through SQLAlchemy and Alembic.

Measured on the 2-core benchmark machine, a load through SQLAlchemy's pool cost about 280 us of
CPU (checking a connection out and in, and a rollback on return); through these connections it
costs under 10 us (sqlite3) or about 45 us (asyncpg). See the README's benchmarks.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import sqlite3
import time
from contextlib import closing
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
logger = logging.getLogger(__name__)


def _sql(template: str, dialect: str) -> str:
    marks = {f"p{n}": (f"${n}" if dialect == "postgresql" else "?") for n in range(1, 6)}
    return template.format(**marks)


def _sqlite_time(moment: dt.datetime) -> str:
    """SQLAlchemy's storage format for DateTime on SQLite (UTC, no offset)."""
    return moment.astimezone(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


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
    """One sqlite3 connection, used on the event loop in autocommit mode.

    A conversation row is one small indexed statement: a few microseconds in SQLite, less than
    the cost of handing it to a thread (about 70 us of CPU each with aiosqlite). It never waits
    inside SQLite, so it never holds up the event loop: ``busy_timeout`` is 0, and while another
    connection (a feedback write, another worker) holds the write lock, the statement is tried
    again after a short ``asyncio.sleep``. Checkpoints, which copy the write-ahead log into the
    database file and wait for the disk, run in a thread every ``CHECKPOINT_EVERY`` writes, and
    hold writers back for the few milliseconds they take so that the log can start again from
    the beginning: with writes never pausing, a checkpoint that let them run on never caught up,
    and the log grew by about 10 MB a second (and every read searched it).
    """

    CHECKPOINT_EVERY = 2000
    BUSY_SECONDS = 5.0

    def __init__(
        self,
        path: str,
        connection: sqlite3.Connection,
        writes: contextlib.AbstractAsyncContextManager[object],
    ):
        self._path = path
        self._connection = connection
        self._writes = writes
        self._load = _sql(_LOAD, "sqlite")
        self._save = _sql(_SAVE, "sqlite")
        self._delete = _sql(_DELETE, "sqlite")
        self._written = 0
        self._checkpoint: asyncio.Future[None] | None = None

    @classmethod
    async def open(
        cls, path: str, writes: contextlib.AbstractAsyncContextManager[object] | None = None
    ) -> SqliteConversations:
        connection = sqlite3.connect(path, isolation_level=None)
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "busy_timeout=0"):
            connection.execute(f"PRAGMA {pragma}")
        connection.execute("PRAGMA wal_autocheckpoint=0")  # done in a thread instead
        return cls(path, connection, writes or asyncio.Lock())

    async def _execute(self, statement: str, values: tuple[Any, ...]) -> Any:
        give_up = time.monotonic() + self.BUSY_SECONDS
        pause = 0.0005
        while True:
            try:
                return self._connection.execute(statement, values).fetchone()
            except sqlite3.OperationalError as error:
                busy = error.sqlite_errorcode & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
                if not busy or time.monotonic() > give_up:
                    raise
            await asyncio.sleep(pause)
            pause = min(pause * 2, 0.004)  # writes take microseconds: look again soon

    async def _write(self, statement: str, values: tuple[Any, ...]) -> None:
        async with self._writes:
            await self._execute(statement, values)
        self._written += 1
        if self._written % self.CHECKPOINT_EVERY == 0 and (
            self._checkpoint is None or self._checkpoint.done()
        ):
            self._checkpoint = asyncio.ensure_future(asyncio.to_thread(_checkpoint, self._path))

    async def load(self, key: str) -> Row | None:
        return _row(await self._execute(self._load, (key,)))

    async def save(
        self, key: str, channel: str, state: str, updated_at: dt.datetime, answer_waiting: bool
    ) -> None:
        values = (key, channel, state, _sqlite_time(updated_at), answer_waiting)
        await self._write(self._save, values)

    async def delete(self, key: str) -> None:
        await self._write(self._delete, (key,))

    async def close(self) -> None:
        if self._checkpoint is not None:
            await self._checkpoint
        self._connection.close()


def _checkpoint(path: str) -> None:
    """Copy the write-ahead log into the database file, and let the log start again."""
    try:
        with closing(sqlite3.connect(path, timeout=5.0)) as connection:
            connection.execute("PRAGMA wal_checkpoint(RESTART)")
    except sqlite3.Error:  # the next one will catch up; the log is still read correctly
        logger.warning("SQLite checkpoint failed", exc_info=True)


class PostgresConversations:
    """A few asyncpg connections, handed out in turn, whose commits do not wait for the disk
    (``synchronous_commit`` off).

    A database crash could lose the last fraction of a second of conversation state, never
    feedback, which is written through SQLAlchemy with ordinary commits. The connections are
    kept in a plain queue rather than asyncpg's pool, whose acquire and release cost about
    30 us of CPU per statement here; a connection that breaks is replaced on its next use.
    """

    def __init__(self, dsn: str, size: int):
        self._dsn = dsn
        self._idle: asyncio.LifoQueue[Any] = asyncio.LifoQueue()  # reuse the warm ones first
        for _ in range(size):
            self._idle.put_nowait(None)  # connected when first needed
        self._load = _sql(_LOAD, "postgresql")
        self._save = _sql(_SAVE, "postgresql")
        self._delete = _sql(_DELETE, "postgresql")

    @classmethod
    async def open(cls, dsn: str, *, size: int = 10) -> PostgresConversations:
        store = cls(dsn, size)
        await store.load("")  # fail at start if the database cannot be reached
        return store

    async def _run(self, method: str, *arguments: Any) -> Any:
        """One statement on an idle connection. These statements can safely run twice, so one
        that meets a broken connection (a database restart, say) is tried once more on a new one.
        """
        import asyncpg

        for attempt in (1, 2):
            connection = (
                self._idle.get_nowait() if not self._idle.empty() else await self._idle.get()
            )
            try:
                if connection is None or connection.is_closed():
                    connection = await asyncpg.connect(
                        self._dsn, server_settings={"synchronous_commit": "off"}
                    )
                return await getattr(connection, method)(*arguments)
            except Exception as error:
                lost = (
                    connection is None
                    or connection.is_closed()
                    or not isinstance(error, asyncpg.PostgresError)
                    or isinstance(
                        error,
                        asyncpg.PostgresConnectionError
                        | asyncpg.exceptions.OperatorInterventionError,  # e.g. a shutdown
                    )
                )
                if not lost:
                    raise  # the statement itself failed; the connection is fine
                if connection is not None:
                    connection.terminate()
                connection = None
                if attempt == 2:
                    raise
            except BaseException:  # cancelled mid-statement: start afresh next time
                if connection is not None:
                    connection.terminate()
                connection = None
                raise
            finally:
                self._idle.put_nowait(connection)
        raise AssertionError("unreachable")

    async def load(self, key: str) -> Row | None:
        return _row(await self._run("fetchrow", self._load, key))

    async def save(
        self, key: str, channel: str, state: str, updated_at: dt.datetime, answer_waiting: bool
    ) -> None:
        await self._run("execute", self._save, key, channel, state, updated_at, answer_waiting)

    async def delete(self, key: str) -> None:
        await self._run("execute", self._delete, key)

    async def close(self) -> None:
        while not self._idle.empty():
            connection = self._idle.get_nowait()
            if connection is not None:
                await connection.close()


async def open_conversation_store(
    database_url: str, *, writes: contextlib.AbstractAsyncContextManager[object] | None = None
) -> ConversationStore:
    """The hot-path store for ``database_url`` (the same database SQLAlchemy uses); on SQLite,
    its writes take turns with the others in this process through ``writes``."""
    url = make_url(database_url)
    if url.get_backend_name() == "postgresql":
        dsn = url.set(drivername="postgresql").render_as_string(hide_password=False)
        return await PostgresConversations.open(dsn)
    return await SqliteConversations.open(url.database or ":memory:", writes)
