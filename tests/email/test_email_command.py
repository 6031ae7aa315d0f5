"""`getinvolved email send-due`, as cron would run it (a real process)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.email.helpers import email_bot, set_team_email
from tests.email.smtp_server import free_port, smtp_server
from tests.web.staff_helpers import give_feedback

SECRET = "email-cli-secret-" + "z" * 40


def run(tmp_path: Path, smtp_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'test.db'}",
        "SECRET_KEY": SECRET,
        "SMTP_URL": smtp_url,
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", "email", *args],
        text=True,
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
    )


async def test_send_due(tmp_path: Path) -> None:
    port = free_port()
    async with email_bot(tmp_path, f"smtp://127.0.0.1:{port}", secret_key=SECRET) as bot:
        await set_team_email(bot, mode="now")
        await give_feedback(bot, "p1", "I'm a mum in Worthing", "The CAMHS wait is too long")
    down = run(tmp_path, f"smtp://127.0.0.1:{port}", "send-due")
    assert down.returncode == 0, down.stderr
    assert "0 sent, 1 to try again" in down.stdout
    with smtp_server(port) as inbox:
        early = run(tmp_path, f"smtp://127.0.0.1:{port}", "send-due")
        assert "0 sent" in early.stdout and "Waiting: 1" in early.stdout  # not due for a minute
        assert inbox.messages == []
        with sqlite3.connect(tmp_path / "test.db") as database:  # ... a minute later
            database.execute("UPDATE outbox SET next_attempt_at = '2000-01-01 00:00:00.000000'")
        later = run(tmp_path, f"smtp://127.0.0.1:{port}", "send-due")
        assert "1 sent" in later.stdout and "Waiting: 0" in later.stdout
    assert [message["To"] for message in inbox.messages] == ["camhs-team@nhs.example"]
    off = run(tmp_path, "", "send-due")
    assert off.returncode == 1 and "Email is off" in off.stderr
