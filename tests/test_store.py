"""Storage behaviour that does not belong to one journey, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
import sqlite3
import subprocess
import uuid
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import delete

from bot.app import create_bot
from bot.store import feedback as feedback_store
from bot.store import staff
from bot.store.hot import SqliteConversations, open_conversation_store
from tests.conftest import create_settings


async def test_workers_starting_side_by_side_all_sync_the_teams(
    database_url: str, tmp_path: Path
) -> None:
    """`serve --workers N` starts N workers at once, and each writes the teams from content."""
    bot = await create_bot(create_settings(tmp_path, database_url=database_url))
    teams = [(t.id, t.name, t.does) for t in bot.content.teams.values()]

    async def sync() -> None:
        async with bot.sessions.begin() as session:
            await staff.sync_teams(session, teams)

    try:
        async with bot.sessions.begin() as session:
            await session.execute(delete(staff.TeamRow))
        await asyncio.gather(*(sync() for _ in range(4)))
        async with bot.sessions() as session:
            assert {team.id for team in await staff.list_teams(session)} == set(bot.content.teams)
    finally:
        await bot.close()


async def test_team_names_follow_the_content(database_url: str, tmp_path: Path) -> None:
    settings = create_settings(tmp_path, database_url=database_url)
    bot = await create_bot(settings)
    try:
        async with bot.sessions.begin() as session:
            await staff.sync_teams(session, [("espcf", "A new name", "Reads feedback.")])
        async with bot.sessions() as session:
            names = {team.id: team.name for team in await staff.list_teams(session)}
        assert names["espcf"] == "A new name"
        assert len(names) == len(bot.content.teams)
    finally:
        await bot.close()


async def test_hot_store_saves_loads_and_deletes(database_url: str, tmp_path: Path) -> None:
    bot = await create_bot(create_settings(tmp_path, database_url=database_url))
    await bot.close()  # the tables exist now
    store = await open_conversation_store(
        create_settings(tmp_path, database_url=database_url).database_url
    )
    try:
        moment = dt.datetime(2026, 5, 1, 12, 30, 15, 250000, tzinfo=dt.UTC)
        assert await store.load("web:nobody") is None
        await store.save("web:someone", "web", "first", moment, False)
        await store.save("web:someone", "web", "second", moment + dt.timedelta(minutes=1), True)
        assert await store.load("web:someone") == (
            "second",
            moment + dt.timedelta(minutes=1),
            True,
        )
        await store.delete("web:someone")
        assert await store.load("web:someone") is None
    finally:
        await store.close()


async def _sqlite_store(tmp_path: Path) -> SqliteConversations:
    settings = create_settings(tmp_path)
    await (await create_bot(settings)).close()  # the tables exist now
    return await SqliteConversations.open(str(tmp_path / "test.db"))


MOMENT = dt.datetime(2026, 5, 1, 12, 0, tzinfo=dt.UTC)


async def test_sqlite_waits_for_another_writer_without_holding_up_others(
    tmp_path: Path,
) -> None:
    store = await _sqlite_store(tmp_path)
    other = sqlite3.connect(tmp_path / "test.db", isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
        ticks = 0

        async def tick() -> None:
            nonlocal ticks
            while True:
                await asyncio.sleep(0.001)
                ticks += 1

        ticking = asyncio.ensure_future(tick())
        saving = asyncio.ensure_future(store.save("web:waiting", "web", "s", MOMENT, False))
        await asyncio.sleep(0.2)
        assert not saving.done()
        other.execute("COMMIT")
        await saving
        ticking.cancel()
        assert ticks > 50, "the event loop kept running while the save waited"
        assert await store.load("web:waiting") == ("s", MOMENT, False)
    finally:
        other.close()
        await store.close()


async def test_sqlite_gives_up_on_a_lock_held_too_long(tmp_path: Path) -> None:
    store = await _sqlite_store(tmp_path)
    store.BUSY_SECONDS = 0.1
    other = sqlite3.connect(tmp_path / "test.db", isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with pytest.raises(sqlite3.OperationalError, match="locked"):
            await store.save("web:stuck", "web", "s", MOMENT, False)
        other.execute("ROLLBACK")
    finally:
        other.close()
        await store.close()


async def test_sqlite_writes_reach_the_database_file_by_checkpoints(tmp_path: Path) -> None:
    store = await _sqlite_store(tmp_path)
    store.CHECKPOINT_EVERY = 20
    # SQLite also checkpoints when its last connection closes; this one stays open
    reader = sqlite3.connect(tmp_path / "test.db")
    reader.execute("SELECT count(*) FROM conversations").fetchone()
    for number in range(20):
        await store.save(f"web:p{number}", "web", "s", MOMENT, False)
    await store.close()  # waits for the checkpoint the 20th write started
    copy = tmp_path / "copy.db"
    shutil.copy(tmp_path / "test.db", copy)  # the file alone, without its write-ahead log
    reader.close()
    with closing(sqlite3.connect(copy)) as connection:
        count = connection.execute("SELECT count(*) FROM conversations").fetchone()[0]
    assert count == 20


async def test_postgres_state_survives_a_dropped_connection(tmp_path: Path) -> None:
    """A database restart or a killed backend costs nobody their message."""
    import asyncpg

    from tests.conftest import POSTGRES_ADMIN_URL, _postgres

    name = f"getinvolved_test_drop_{uuid.uuid4().hex[:8]}"
    await _postgres(f'CREATE DATABASE "{name}"')
    url = f"{POSTGRES_ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    bot = await create_bot(create_settings(tmp_path, database_url=url))
    try:
        await bot.converse("test", "dropped", "I'm a mum in Crawley")
        asked = await bot.converse("test", "dropped", "rather not say")  # her own age
        assert asked.state is not None and asked.state.asking == "interests"
        admin = await asyncpg.connect(POSTGRES_ADMIN_URL)
        try:
            killed = await admin.fetchval(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = $1 AND pid <> pg_backend_pid()",
                name,
            )
        finally:
            await admin.close()
        assert killed >= 1
        result = await bot.converse("test", "dropped", "his school")
        assert result.state is not None
        assert result.state.area == "west_sussex" and "school" in result.state.interests
    finally:
        await bot.close()
        await _postgres(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def test_postgres_statement_on_a_connection_that_just_broke_is_tried_again(
    tmp_path: Path,
) -> None:
    from tests.conftest import POSTGRES_ADMIN_URL, _postgres

    name = f"getinvolved_test_broke_{uuid.uuid4().hex[:8]}"
    await _postgres(f'CREATE DATABASE "{name}"')
    url = f"{POSTGRES_ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    await (await create_bot(create_settings(tmp_path, database_url=url))).close()
    store = await open_conversation_store(create_settings(tmp_path, database_url=url).database_url)
    try:
        await store.save("web:someone", "web", "state", MOMENT, False)
        # Kill the connection without letting the event loop run, so the store cannot have
        # noticed before its next statement.
        subprocess.run(  # noqa: ASYNC221 - blocking on purpose, see above
            [
                "psql",
                POSTGRES_ADMIN_URL,
                "-qc",
                f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'",
            ],
            check=True,
            capture_output=True,
        )
        assert await store.load("web:someone") == ("state", MOMENT, False)
    finally:
        await store.close()
        await _postgres(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def test_feedback_is_committed_by_its_one_statement(tmp_path: Path) -> None:
    """No write transaction is left open waiting for the event loop to commit it."""
    bot = await create_bot(create_settings(tmp_path))
    try:
        async with bot.sessions() as session:
            feedback_id = await feedback_store.save_feedback(
                session,
                channel="web",
                person_key="p" * 64,
                team_id="espcf",
                topic="school",
                text="More quiet spaces, please.",
                consent="anonymous",
            )
            other = sqlite3.connect(tmp_path / "test.db", timeout=0, isolation_level=None)
            try:
                other.execute("BEGIN IMMEDIATE")  # the write lock is free at once
                found = other.execute("SELECT text FROM feedback WHERE id = ?", (feedback_id,))
                assert found.fetchone() == ("More quiet spaces, please.",)  # and it is stored
                other.execute("ROLLBACK")
            finally:
                other.close()
    finally:
        await bot.close()


async def test_daily_clean_up_forgets_old_telegram_update_ids(
    database_url: str, tmp_path: Path
) -> None:
    from bot.engine.state import utcnow
    from bot.serve import clean_up
    from bot.store import telegram

    bot = await create_bot(create_settings(tmp_path, database_url=database_url))
    try:
        assert await telegram.first_time(bot.sessions, 1001)
        assert await telegram.first_time(bot.sessions, 1002)
        async with bot.sessions.begin() as session:
            old = await session.get(telegram.TelegramUpdateRow, 1001)
            assert old is not None
            old.seen_at = utcnow() - dt.timedelta(days=3)
        await clean_up(bot)
        assert await telegram.first_time(bot.sessions, 1001), "forgotten, so new again"
        assert not await telegram.first_time(bot.sessions, 1002), "recent: still a repeat"
    finally:
        await bot.close()


async def test_migrations_make_the_tables_the_models_describe(
    database_url: str, tmp_path: Path
) -> None:
    """Alembic's own comparison: nothing in the models that the migrations left out."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from bot.store.db import Base, import_models

    import_models()
    bot = await create_bot(create_settings(tmp_path, database_url=database_url))
    try:
        async with bot.database.connect() as connection:
            differences = await connection.run_sync(
                lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
            )
        assert differences == []
    finally:
        await bot.close()
