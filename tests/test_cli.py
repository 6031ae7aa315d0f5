"""The command line: staff add-user, feedback export, purge, content check."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.app import create_bot
from bot.store.feedback import FeedbackRow
from tests.conftest import create_settings


def run(tmp_path: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "SECRET_KEY": "cli-test-secret-" + "y" * 40,
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        text=True,
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )


def test_add_user_export_and_purge(tmp_path: Path) -> None:
    added = run(
        tmp_path,
        "staff",
        "add-user",
        "lo@westsussex.example",
        "--name",
        "Lo",
        "--team",
        "wscc-local-offer",
        "--password-stdin",
        stdin="a good long password\n",
    )
    assert added.returncode == 0, added.stderr
    again = run(
        tmp_path,
        "staff",
        "add-user",
        "lo@westsussex.example",
        "--name",
        "Lo",
        "--password-stdin",
        stdin="a good long password\n",
    )
    assert again.returncode == 2 and "already" in again.stderr
    bad_team = run(
        tmp_path,
        "staff",
        "add-user",
        "x@y.example",
        "--name",
        "X",
        "--team",
        "nope",
        "--password-stdin",
        stdin="a good long password\n",
    )
    assert bad_team.returncode == 2 and "wscc-local-offer" in bad_team.stderr

    script = (
        "\n".join(
            json.dumps({"conversation": "cli", "text": t})
            for t in (
                "I'm a dad in Crawley",
                "feedback",
                "The Local Offer website search is hard. Email me at dad@example.com",
                "yes",
            )
        )
        + "\n"
    )
    replayed = run(tmp_path, "replay", stdin=script)
    assert replayed.returncode == 0, replayed.stderr
    last = json.loads(replayed.stdout.splitlines()[-1])
    assert isinstance(last["feedback_id"], int)

    exported = run(tmp_path, "feedback", "export", "--format", "jsonl")
    assert exported.returncode == 0, exported.stderr
    [record] = [json.loads(line) for line in exported.stdout.splitlines()]
    assert record["team_id"] == "wscc-local-offer" and record["consent"] == "anonymous"
    assert "dad@example.com" not in record["text"] and "[email address]" in record["text"]
    csv_out = run(tmp_path, "feedback", "export", "--format", "csv")
    assert csv_out.stdout.splitlines()[0].startswith("id,created_at,team_id")

    purged = run(tmp_path, "purge")
    assert purged.returncode == 0 and "Deleted 0 pieces" in purged.stdout


async def test_purge_removes_only_old_feedback(tmp_path: Path) -> None:
    bot = await create_bot(create_settings(tmp_path, retention_days=30))
    for sender, words in (("old", "old words"), ("new", "new words")):
        await bot.converse("t", sender, "feedback")
        await bot.converse("t", sender, words)
        await bot.converse("t", sender, "yes")
    async with bot.sessions.begin() as session:
        from sqlalchemy import select

        old = await session.scalar(select(FeedbackRow).where(FeedbackRow.text == "old words"))
        assert old is not None
        old.created_at = old.created_at - dt.timedelta(days=31)
    assert await bot.feedback.purge(30) == 1
    async with bot.sessions() as session:
        from sqlalchemy import select

        left = (await session.scalars(select(FeedbackRow.text))).all()
    await bot.close()
    assert left == ["new words"]


def test_version_is_the_installed_packages(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    from bot.cli import main

    with pytest.raises(SystemExit) as leaving:
        main(["--version"])
    assert leaving.value.code == 0
    assert capsys.readouterr().out == f"getinvolved {version('getinvolved')}\n"
