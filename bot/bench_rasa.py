"""`scripts/bench-rasa`: the same conversations through Rasa Open Source 3.6 (with our actions on
rasa-sdk's action server) and through our own JSON API, on this machine in the same run.

Not part of the default tests: it needs the Rasa environment that scripts/test-rasa makes.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from typing import Any

import aiohttp

from bot.bench import (
    SECRET,
    SendMessage,
    StartChat,
    _free_port,
    _result,
    api_client,
    conversation_load,
    wait_ready,
)
from bot.rasa_export import prepare_trained_project
from bot.settings import PROJECT_ROOT, Settings

CONVERSATION = ("hi", "I'm a mum", "we live in Crawley", "his school", "tell me more")


def rasa_client(base: str) -> tuple[StartChat, SendMessage]:
    """How to start a chat and send a message through Rasa's REST channel at ``base``."""

    async def start(session: Any) -> str:
        return uuid.uuid4().hex

    async def send(session: Any, sender: str, text: str) -> tuple[int, bytes]:
        async with session.post(
            f"{base}/webhooks/rest/webhook", json={"sender": sender, "message": text}
        ) as response:
            return int(response.status), await response.read()

    return start, send


async def _run(
    client: tuple[StartChat, SendMessage], conversations: int, seconds: float
) -> tuple[list[float], int, float]:
    start, send = client
    return await conversation_load(
        conversations, seconds, CONVERSATION, start=start, send=send, new_chat_each_round=True
    )


def start_servers(rasa_venv: Path, project: Path) -> tuple[list[subprocess.Popen[bytes]], str, str]:
    """Export and (if needed) train the Rasa project; start our actions, Rasa and our API."""
    work = Path(tempfile.mkdtemp(prefix="getinvolved-rasa-bench-"))
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{work / 'bench.db'}",
        "SECRET_KEY": SECRET,
        "RATE_LIMIT_BURST": "1e9",
        "RATE_LIMIT_PER_SECOND": "1e9",
        "NEW_SESSIONS_BURST": "1e9",
        "NEW_SESSIONS_PER_SECOND": "1e9",
    }
    actions_port, rasa_port, ours_port = _free_port(), _free_port(), _free_port()
    prepare_trained_project(
        Settings(_env_file=None),  # type: ignore[call-arg]
        project,
        rasa=rasa_venv / "bin" / "rasa",
        actions_url=f"http://127.0.0.1:{actions_port}/webhook",
    )
    quiet = subprocess.DEVNULL
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "bot", "actions", "--port", str(actions_port)],
            env=env,
            cwd=work,
            stdout=quiet,
            stderr=quiet,
        ),
        subprocess.Popen(
            [
                str(rasa_venv / "bin" / "rasa"),
                "run",
                "--enable-api",
                "--port",
                str(rasa_port),
                "--endpoints",
                "endpoints.yml",
                "--model",
                "models/getinvolved.tar.gz",
            ],
            cwd=project,
            stdout=quiet,
            stderr=quiet,
        ),
        subprocess.Popen(
            [sys.executable, "-m", "bot", "serve", "--port", str(ours_port)],
            env={**env, "DATABASE_URL": f"sqlite:///{work / 'ours.db'}"},
            cwd=work,
            stdout=quiet,
            stderr=quiet,
        ),
    ]
    return processes, f"http://127.0.0.1:{rasa_port}", f"http://127.0.0.1:{ours_port}"


async def compare(rasa: str, ours: str, conversations: int, seconds: float) -> dict[str, Any]:
    await wait_ready(ours, 120)
    async with aiohttp.ClientSession() as session:
        for _ in range(600):
            try:
                async with session.get(rasa + "/status") as response:
                    if response.status == 200:
                        break
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.5)
    await _run(rasa_client(rasa), 2, 3.0)  # warm up
    rasa_latencies, rasa_errors, rasa_elapsed = await _run(
        rasa_client(rasa), conversations, seconds
    )
    await _run(api_client(ours), 2, 2.0)
    our_latencies, our_errors, our_elapsed = await _run(api_client(ours), conversations, seconds)
    rasa_result = _result(
        "Rasa 3.6.21 REST + our action server", rasa_latencies, rasa_errors, rasa_elapsed
    )
    our_result = _result(
        "Get Involved JSON API (SQLite, 1 worker)", our_latencies, our_errors, our_elapsed
    )
    return {
        "conversation": list(CONVERSATION),
        "conversations": conversations,
        "seconds": seconds,
        "rasa": rasa_result.__dict__,
        "ours": our_result.__dict__,
        "throughput_ratio": round(our_result.per_second / rasa_result.per_second, 1)
        if rasa_result.per_second
        else None,
    }


def main() -> int:
    rasa_venv = Path(os.environ.get("RASA_VENV", PROJECT_ROOT / ".rasa-venv"))
    project = Path(os.environ.get("RASA_PROJECT_CACHE", PROJECT_ROOT / ".rasa-project"))
    conversations = int(os.environ.get("BENCH_CONVERSATIONS", "10"))
    seconds = float(os.environ.get("BENCH_SECONDS", "20"))
    processes, rasa, ours = start_servers(rasa_venv, project)
    try:
        report = asyncio.run(compare(rasa, ours, conversations, seconds))
    finally:
        for process in processes:
            process.terminate()
            process.wait(60)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
