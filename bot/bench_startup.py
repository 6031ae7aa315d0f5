"""Start-up and memory for `getinvolved bench`: how soon a new process can answer, and its size.

Each figure is the median of a few fresh processes, so the imports are counted too:

- ``process_to_bot``: a new Python process imports the bot and builds it (``create_bot``) on a
  database that is already up to date, as at a restart;
- ``serve_new_db`` and ``serve``: `getinvolved serve` from its start until ``/readyz`` answers
  200, on a new SQLite file (migrations run) and then on the same file again;
- ``serve_cpu``: the CPU time `serve` spent until ready (steadier than the wall clock when
  other work shares the machine);
- ``serve_rss``: that `serve` process's resident memory once it is ready.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

BUILD_BOT = """
import asyncio, json, sys, time
began = time.perf_counter()
from bot.app import create_bot
from bot.settings import Settings

async def main():
    bot = await create_bot(Settings(_env_file=None, database_url=sys.argv[1], secret_key="x" * 40))
    await bot.close()

asyncio.run(main())
print(json.dumps(time.perf_counter() - began))
"""


def resident_mb(pid: int) -> float | None:
    """A process's resident memory (Linux's /proc), or None where there is no /proc."""
    try:
        status = Path(f"/proc/{pid}/status").read_text(encoding="utf-8")
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


async def _build_bot_seconds(database_url: str, directory: Path) -> float:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        BUILD_BOT,
        database_url,
        cwd=directory,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
    )
    out, _ = await process.communicate()
    if process.returncode != 0:
        raise RuntimeError("building the bot in a new process failed")
    return float(json.loads(out.decode().splitlines()[-1]))


async def _serve_until_ready(
    database_url: str, directory: Path
) -> tuple[float, float | None, float | None]:
    """Seconds from starting `serve` to /readyz, its CPU seconds and memory then; then it is
    stopped."""
    from bot.bench import _free_port, tree_cpu_seconds, wait_ready

    port = _free_port()
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "x" * 40}
    began = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "serve",
        "--port",
        str(port),
        env=env,
        cwd=directory,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    try:
        await wait_ready(f"http://127.0.0.1:{port}", 120)
        ready = time.perf_counter() - began
        cpu = tree_cpu_seconds(process.pid)
        await asyncio.sleep(0.2)  # let the first requests' buffers settle
        return ready, cpu, resident_mb(process.pid)
    finally:
        process.terminate()
        await process.wait()


async def measure_startup(directory: Path, runs: int = 3) -> dict[str, Any]:
    """Median start-up figures over ``runs`` fresh processes each (see the module's text)."""
    new_db: list[float] = []
    again: list[float] = []
    memory: list[float] = []
    cpu: list[float] = []
    built: list[float] = []
    for number in range(runs):
        database_url = f"sqlite:///{directory / f'startup-{number}.db'}"
        ready, _, _ = await _serve_until_ready(database_url, directory)
        new_db.append(ready)
        ready, seconds, rss = await _serve_until_ready(database_url, directory)
        again.append(ready)
        if seconds is not None:
            cpu.append(seconds)
        if rss is not None:
            memory.append(rss)
        built.append(await _build_bot_seconds(database_url, directory))
    return {
        "startup_s": {
            "process_to_bot": round(statistics.median(built), 2),
            "serve_new_db": round(statistics.median(new_db), 2),
            "serve": round(statistics.median(again), 2),
            "serve_cpu": round(statistics.median(cpu), 2) if cpu else None,
        },
        "memory_mb": {"serve_rss": round(statistics.median(memory), 1) if memory else None},
    }
