"""`serve` starts without what it does not use: no Alembic on an up-to-date database, no
Telegram without a token, no scikit-learn, no Playwright."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bot.store.db import MIGRATIONS, head_revision

START_SERVE_APP = """
import asyncio, json, sys
from bot.app import create_bot
from bot.serve import create_server_app
from bot.settings import Settings

async def main():
    bot = await create_bot(Settings(database_url=sys.argv[1]))
    create_server_app(bot)
    await bot.close()

asyncio.run(main())
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""
NOT_AT_START = {"telegram", "sklearn", "playwright", "numpy", "scipy", "textstat"}


def started_modules(database_url: str, cwd: Path) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", START_SERVE_APP, database_url],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.splitlines()[-1]))


def test_head_revision_is_alembics_head() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert head_revision() == ScriptDirectory.from_config(config).get_current_head()


def test_serve_starts_without_what_it_does_not_use(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'start.db'}"
    first = started_modules(url, tmp_path)
    assert "alembic" in first, "a new database is migrated"
    again = started_modules(url, tmp_path)
    assert not again & (NOT_AT_START | {"alembic", "mako"}), again & (NOT_AT_START | {"alembic"})
