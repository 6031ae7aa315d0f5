"""Storage behaviour that does not belong to one journey, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from sqlalchemy import delete

from bot.app import create_bot
from bot.store import staff
from bot.store.hot import open_conversation_store
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
