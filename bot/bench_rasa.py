"""`scripts/bench-rasa`: the same conversations through Rasa Open Source 3.6 (with our actions on
rasa-sdk's action server) and through our own JSON API, on this machine in the same run.

Not part of the default tests: it needs the Rasa environment that scripts/test-rasa makes.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

import aiohttp

from bot.bench import SECRET, _free_port, _result, _wait_ready
from bot.settings import PROJECT_ROOT

CONVERSATION = ("hi", "I'm a mum", "we live in Crawley", "his school", "tell me more")


async def _rasa_load(base: str, conversations: int, seconds: float) -> tuple[list[float], float]:
    latencies: list[float] = []
    stop_at = time.monotonic() + seconds
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=conversations)) as s:

        async def one() -> None:
            number = 0
            sender = uuid.uuid4().hex
            while time.monotonic() < stop_at:
                if number % len(CONVERSATION) == 0:
                    sender = uuid.uuid4().hex
                tick = time.perf_counter()
                async with s.post(
                    f"{base}/webhooks/rest/webhook",
                    json={"sender": sender, "message": CONVERSATION[number % len(CONVERSATION)]},
                ) as response:
                    await response.read()
                latencies.append(time.perf_counter() - tick)
                number += 1

        began = time.monotonic()
        await asyncio.gather(*(one() for _ in range(conversations)))
        return latencies, time.monotonic() - began


async def _ours_load(base: str, conversations: int, seconds: float) -> tuple[list[float], float]:
    latencies: list[float] = []
    stop_at = time.monotonic() + seconds
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=conversations)) as s:

        async def one() -> None:
            number = 0
            chat = ""
            while time.monotonic() < stop_at:
                if number % len(CONVERSATION) == 0:
                    async with s.post(base + "/api/v1/sessions") as response:
                        chat = (await response.json())["session"]
                tick = time.perf_counter()
                async with s.post(
                    f"{base}/api/v1/sessions/{chat}/messages",
                    json={"text": CONVERSATION[number % len(CONVERSATION)]},
                ) as response:
                    await response.read()
                latencies.append(time.perf_counter() - tick)
                number += 1

        began = time.monotonic()
        await asyncio.gather(*(one() for _ in range(conversations)))
        return latencies, time.monotonic() - began


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
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "export-rasa",
            str(work / "fresh"),
            "--actions-url",
            f"http://127.0.0.1:{actions_port}/webhook",
        ],
        check=True,
        env=env,
        cwd=work,
        stdout=subprocess.DEVNULL,
    )
    if not list((project / "models").glob("*.tar.gz")):
        shutil.rmtree(project, ignore_errors=True)
        shutil.copytree(work / "fresh", project)
        subprocess.run(
            [str(rasa_venv / "bin" / "rasa"), "train", "--fixed-model-name", "getinvolved"],
            check=True,
            cwd=project,
        )
    shutil.copy(work / "fresh" / "endpoints.yml", project / "endpoints.yml")
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
    await _wait_ready(ours, 120)
    async with aiohttp.ClientSession() as session:
        for _ in range(600):
            try:
                async with session.get(rasa + "/status") as response:
                    if response.status == 200:
                        break
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.5)
    await _rasa_load(rasa, 2, 3.0)  # warm up
    rasa_latencies, rasa_elapsed = await _rasa_load(rasa, conversations, seconds)
    await _ours_load(ours, 2, 2.0)
    our_latencies, our_elapsed = await _ours_load(ours, conversations, seconds)
    rasa_result = _result("Rasa 3.6.21 REST + our action server", rasa_latencies, rasa_elapsed)
    our_result = _result("Get Involved JSON API (SQLite, 1 worker)", our_latencies, our_elapsed)
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
