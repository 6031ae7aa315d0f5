"""Shared fixtures: real settings, a real SQLite file per test, the real bot."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import GetInvolved, build_understander, create_bot
from bot.content import Content, load_content
from bot.dialogues import Dialogues, load_dialogues
from bot.engine.nlu import Understander
from bot.settings import Settings


def create_settings(tmp_path: Path, **overrides: object) -> Settings:
    """Settings for a test: a fresh SQLite file in ``tmp_path``; no .env is read."""
    values: dict[str, object] = {"database_url": f"sqlite:///{tmp_path / 'test.db'}"}
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
