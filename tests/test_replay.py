"""`getinvolved replay` as another program uses it: a live pipe, one JSON line per input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import IO, Any

from bot.app import GetInvolved
from bot.replay import replay_line

REPLAY_KEYS = {"conversation", "replies", "profile", "routes", "feedback_id", "crisis", "asking"}


def start_replay(tmp_path: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'replay.db'}"}
    return subprocess.Popen(
        [sys.executable, "-m", "bot", "replay"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )


def send(process: subprocess.Popen[str], item: dict[str, str]) -> dict[str, Any]:
    stdin: IO[str] | None = process.stdin
    stdout: IO[str] | None = process.stdout
    assert stdin is not None and stdout is not None
    stdin.write(json.dumps(item) + "\n")
    stdin.flush()
    line = stdout.readline()
    assert line, process.stderr.read() if process.stderr else "no output"
    return json.loads(line)


def test_a_live_conversation_through_a_pipe(tmp_path: Path) -> None:
    with start_replay(tmp_path) as process:
        first = send(process, {"conversation": "p1", "text": "hello"})
        assert set(first) == REPLAY_KEYS
        assert first["asking"] == "role"
        assert first["replies"][-1]["buttons"][0]["payload"].startswith("/inform")
        # Answer with a button payload, as another program would.
        second = send(
            process,
            {"conversation": "p1", "payload": first["replies"][-1]["buttons"][0]["payload"]},
        )
        assert second["profile"]["role"] == "young_person" and second["asking"] == "age"
        other = send(process, {"conversation": "p2", "text": "I'm a dad in Lewes"})
        assert other["profile"]["role"] == "parent_carer", "conversations are independent"
        third = send(process, {"conversation": "p1", "text": "fourteen"})
        assert third["profile"]["age"] == 14
        send(process, {"conversation": "p1", "text": "Littlehampton"})
        last = send(process, {"conversation": "p1", "text": "making friends"})
        assert last["asking"] is None
        assert "young-voices" in last["routes"]
        assert last["feedback_id"] is None and last["crisis"] is False
        assert process.stdin is not None
        process.stdin.close()
        assert process.wait(timeout=30) == 0


def test_replay_from_a_file_and_bad_lines(tmp_path: Path) -> None:
    script = tmp_path / "script.jsonl"
    script.write_text(
        '{"conversation": "x", "text": "I want to end my life"}\n'
        "this is not json\n"
        "\n"
        '{"conversation": "x", "text": "I live in Kent"}\n',
        encoding="utf-8",
    )
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'r.db'}"}
    done = subprocess.run(
        [sys.executable, "-m", "bot", "replay", str(script)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(lines) == 3
    assert lines[0]["crisis"] is True and "999" in lines[0]["replies"][0]["text"]
    assert "error" in lines[1]
    assert lines[2]["profile"]["area"] == "elsewhere"


async def test_replay_lines_carry_cards_links_and_easy_read(bot: GetInvolved) -> None:
    async def line(**item: object) -> dict[str, Any]:
        record = await replay_line(bot, json.dumps({"conversation": "c", **item}))
        assert record is not None
        return record

    first = await line(text="hello", easy_read=True)
    assert first["replies"][-1] == {
        "text": "Who are you? Tap a button.",
        "buttons": first["replies"][-1]["buttons"],
        "links": [],
        "title": None,
        "symbol": None,
    }
    assert first["replies"][-1]["buttons"][0]["symbol"] == "young-person"
    asked = await line(text="I'm a mum in Lewes")
    assert asked["asking"] == "age"
    assert asked["replies"][-1]["text"] == "How old are you? I mean you, not your child."
    await line(text="/skip")
    routes = await line(text="health", easy_read=False)
    cards = [reply for reply in routes["replies"] if reply["title"]]
    assert cards[0]["title"] == "East Sussex Parent Carer Forum"
    assert cards[0]["symbol"] == "family"
    assert cards[0]["links"] == [{"title": "Email the forum", "url": "mailto:info@espcf.org.uk"}]
    bad = await line(text="hi", easy_read="yes")
    assert "easy_read" in bad["error"]
