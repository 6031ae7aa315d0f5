"""`scripts/bench-rasa`: the same conversations through Rasa Open Source 3.6 (with our actions on
rasa-sdk's action server) and through our own JSON API, on this machine in the same run.

Not part of the default tests: it needs the Rasa environment that scripts/test-rasa makes.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import uuid
from dataclasses import asdict
from pathlib import Path
from subprocess import DEVNULL, Popen
from typing import Any

from bot.bench import (
    SERVE_ENV,
    Result,
    SendMessage,
    StartChat,
    _free_port,
    api_client,
    conversation_load,
    measure,
    run_loop,
    serving,
    wait_ready,
)
from bot.rasa_export import prepare_trained_project, rasa_run_command
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


def start_rasa(rasa_venv: Path, project: Path, work: Path) -> tuple[list[Popen[bytes]], str]:
    """Export and (if needed) train the Rasa project; start our action server and Rasa."""
    actions_port, rasa_port = _free_port(), _free_port()
    prepare_trained_project(
        Settings(_env_file=None),  # type: ignore[call-arg]
        project,
        rasa=rasa_venv / "bin" / "rasa",
        actions_url=f"http://127.0.0.1:{actions_port}/webhook",
    )
    env = {**os.environ, **SERVE_ENV, "DATABASE_URL": f"sqlite:///{work / 'actions.db'}"}
    processes = [
        Popen(
            [sys.executable, "-m", "bot", "actions", "--port", str(actions_port)],
            env=env,
            cwd=work,
            stdout=DEVNULL,
            stderr=DEVNULL,
        ),
        Popen(
            rasa_run_command(rasa_venv / "bin" / "rasa", rasa_port),
            cwd=project,
            stdout=DEVNULL,
            stderr=DEVNULL,
        ),
    ]
    return processes, f"http://127.0.0.1:{rasa_port}"


async def _ours(work: Path, workers: int, conversations: int, seconds: float) -> Result:
    """Our JSON API with SQLite and ``workers`` processes, on the same conversation."""
    env = {"DATABASE_URL": f"sqlite:///{work / f'ours-{workers}.db'}"}
    async with serving(env, workers, work) as (base, pid, _):
        await _run(api_client(base), 2, 2.0)  # warm up
        name = f"Get Involved JSON API (SQLite, {workers} worker{'s' if workers > 1 else ''})"
        return await measure(name, [pid], _run(api_client(base), conversations, seconds))


async def compare(
    rasa: str, rasa_pids: list[int], work: Path, conversations: int, seconds: float
) -> dict[str, Any]:
    await wait_ready(rasa, 300, path="/status")
    await _run(rasa_client(rasa), 2, 3.0)  # warm up
    theirs = await measure(
        "Rasa 3.6.21 REST + our action server",
        rasa_pids,
        _run(rasa_client(rasa), conversations, seconds),
    )
    ours = [await _ours(work, workers, conversations, seconds) for workers in (1, 2)]
    return {
        "conversation": list(CONVERSATION),
        "conversations": conversations,
        "seconds": seconds,
        "results": [asdict(result) for result in (theirs, *ours)],
        "throughput_ratio": {
            result.name: round(result.per_second / theirs.per_second, 1)
            for result in ours
            if theirs.per_second
        },
        "cpu_ratio": {
            result.name: round(theirs.server_cpu_ms / result.server_cpu_ms, 1)
            for result in ours
            if theirs.server_cpu_ms and result.server_cpu_ms
        },
    }


def main() -> int:
    rasa_venv = Path(os.environ.get("RASA_VENV", PROJECT_ROOT / ".rasa-venv"))
    project = Path(os.environ.get("RASA_PROJECT_CACHE", PROJECT_ROOT / ".rasa-project"))
    conversations = int(os.environ.get("BENCH_CONVERSATIONS", "10"))
    seconds = float(os.environ.get("BENCH_SECONDS", "20"))
    work = Path(tempfile.mkdtemp(prefix="getinvolved-rasa-bench-"))
    processes, rasa = start_rasa(rasa_venv, project, work)
    try:
        report = run_loop(compare(rasa, [p.pid for p in processes], work, conversations, seconds))
    finally:
        for process in processes:
            process.terminate()
            process.wait(60)
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
