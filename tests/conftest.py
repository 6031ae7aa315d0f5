"""Shared fixtures: real settings, a real SQLite file per test, the real bot."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import pytest

from bot.app import GetInvolved, build_understander, create_bot
from bot.content import Content, load_content
from bot.dialogues import Dialogues, load_dialogues
from bot.engine.nlu.understand import Understander
from bot.settings import Settings


def create_settings(tmp_path: Path, **overrides: object) -> Settings:
    """Settings for a test: a fresh SQLite file in ``tmp_path``; no .env is read."""
    values: dict[str, object] = {
        "database_url": f"sqlite:///{tmp_path / 'test.db'}",
        "secret_key": "test-secret-" + "x" * 40,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content(Settings(_env_file=None).content_dir)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def dialogues() -> Dialogues:
    return load_dialogues(Settings(_env_file=None).dialogues_dir)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
def understander(content: Content, dialogues: Dialogues) -> Understander:
    return build_understander(content, dialogues)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return create_settings(tmp_path)


@pytest.fixture
async def bot(settings: Settings) -> AsyncIterator[GetInvolved]:
    running = await create_bot(settings)
    yield running
    await running.close()


POSTGRES_ADMIN_URL = os.environ.get(
    "GETINVOLVED_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/postgres"
)


async def _postgres(statement: str) -> None:
    connection = await asyncpg.connect(POSTGRES_ADMIN_URL, timeout=10)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


@pytest.fixture(params=["sqlite", "postgresql"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A fresh, empty database: a SQLite file, or a new database on the local PostgreSQL."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    name = f"getinvolved_test_{uuid.uuid4().hex[:12]}"
    await _postgres(f'CREATE DATABASE "{name}"')
    base = POSTGRES_ADMIN_URL.rsplit("/", 1)[0]
    try:
        yield f"{base}/{name}"
    finally:
        await _postgres(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
async def bot_on(database_url: str, tmp_path: Path) -> AsyncIterator[GetInvolved]:
    """The real bot on each database engine in turn."""
    running = await create_bot(create_settings(tmp_path, database_url=database_url))
    yield running
    await running.close()


@pytest.fixture
def no_env_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    monkeypatch.chdir(tmp_path)
    yield tmp_path
