"""The database engine, the session factory and the table metadata."""

from __future__ import annotations

import asyncio
import contextlib
import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, event, inspect, text
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase

if TYPE_CHECKING:
    from alembic.config import Config


class Base(DeclarativeBase):
    """Every table of Get Involved."""


def create_engine(database_url: str) -> AsyncEngine:
    """An async engine; SQLite gets WAL mode and foreign keys so it behaves like a server,
    ``secure_delete`` so deleted text is overwritten in the file, and its folder made if new."""
    # Feedback, staff pages and deliveries only: conversation state has its own connections
    # (bot/store/hot.py). Each worker holds at most 15 here and 10 there, so four workers stay
    # inside PostgreSQL's default of 100 connections; a busy moment waits for a connection
    # rather than failing.
    engine = create_async_engine(database_url, pool_size=5, max_overflow=10, pool_timeout=30)
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).parent.mkdir(parents=True, exist_ok=True)

        @event.listens_for(engine.sync_engine, "connect")
        def _sqlite_pragmas(connection, _record):  # type: ignore[no-untyped-def]
            cursor = connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=5000")
            cursor.execute("PRAGMA secure_delete=ON")
            cursor.close()

    return engine


async def scrub_deleted(engine: AsyncEngine) -> None:
    """After a deletion, leave no copy of the deleted rows in SQLite's files: ``secure_delete``
    has zeroed them in the database file; this copies the WAL back and truncates it, so the
    old page images in the WAL go too. PostgreSQL needs nothing here (VACUUM reclaims space;
    its files are not handed to anyone)."""
    if engine.dialect.name != "sqlite":
        return
    async with engine.connect() as connection:
        await connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def one_writer(engine: AsyncEngine) -> contextlib.AbstractAsyncContextManager[object]:
    """What a write in this process holds while it writes: on SQLite, one lock shared by the
    conversation store and feedback, so this process's writers take turns here rather than
    wait on (and starve each other for) SQLite's own lock; nothing on PostgreSQL."""
    return asyncio.Lock() if engine.dialect.name == "sqlite" else contextlib.nullcontext()


def create_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)


MIGRATIONS = Path(__file__).parent / "migrations"


def import_models() -> None:
    """Import every module that declares tables, so the metadata knows them all."""
    from bot.store import (  # noqa: F401
        alerts,
        audit,
        conversations,
        feedback,
        opportunities,
        outbox,
        polls,
        staff,
        telegram,
        themes,
    )


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


_REVISION = re.compile(r"^revision\b[^=]*=\s*['\"](\w+)['\"]", re.M)
_DOWN_REVISION = re.compile(r"^down_revision\b[^=]*=(.*)$", re.M)


@cache
def head_revision() -> str | None:
    """The newest migration's id, read from the files without Alembic (None if not one)."""
    revisions, downs = set(), set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        if found := _REVISION.search(source):
            revisions.add(found[1])
        if down := _DOWN_REVISION.search(source):
            downs.update(re.findall(r"['\"](\w+)['\"]", down[1]))
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else None


def _at_head(connection: Connection) -> bool:
    if not inspect(connection).has_table("alembic_version"):
        return False
    stamped = connection.execute(text("SELECT version_num FROM alembic_version")).scalars()
    return head_revision() is not None and list(stamped) == [head_revision()]


def _upgrade(connection: Connection) -> None:
    """Run the migrations; a database already at the newest is left alone without loading
    Alembic (about a tenth of a second and 10 MB at every start)."""
    if _at_head(connection):
        return
    from alembic import command

    command.upgrade(alembic_config(connection), "head")


async def upgrade_database(engine: AsyncEngine) -> None:
    """Bring the database schema up to date with the migrations (Alembic)."""
    async with engine.begin() as connection:
        await connection.run_sync(_upgrade)
