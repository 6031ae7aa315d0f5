"""`getinvolved bench`: how fast and how big, measured here and written down.

- in-process turns (the engine alone) and whole messages through `converse` (with SQLite);
- the JSON API under load from N concurrent conversations on loopback, for SQLite and for
  PostgreSQL + Redis, with 1 and 2 worker processes;
- start-up time, and the storage each conversation takes;
- the staff inbox with 100,000 items, on SQLite and PostgreSQL (bot/bench_inbox.py).

Conversations are realistic: the profile questions in free text, routes, "tell me more",
feedback with consent, and starting again. Every load is bounded in time and stays on loopback.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import socket
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Sequence
from contextlib import asynccontextmanager, closing
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
SCRIPT = (
    "hi",
    "I'm a mum",
    "we live in Crawley",
    "his school and the doctors",
    "tell me more",
    "give feedback",
    "The CAMHS waiting list is too long for my son",
    "yes, without my name",
    "start again",
    "im 15 from eastbourne and want to change things at my college",
    "/more",
    "start again",
)
SECRET = "bench-secret-" + "b" * 40
SERVE_ENV = {  # a benchmark measures the bot, not the limits that protect it from floods
    "SECRET_KEY": SECRET,
    "RATE_LIMIT_BURST": "1e9",
    "RATE_LIMIT_PER_SECOND": "1e9",
    "NEW_SESSIONS_BURST": "1e9",
    "NEW_SESSIONS_PER_SECOND": "1e9",
}


@dataclass
class Result:
    name: str
    messages: int
    seconds: float
    per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: int = 0
    server_cpu_ms: float | None = None  # CPU time of the server's processes per message


def tree_cpu_seconds(*pids: int) -> float | None:
    """CPU time (user + system) of these processes and all their descendants (Linux /proc)."""
    proc = Path("/proc")
    if not (proc / "self" / "stat").exists():
        return None
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    seconds: dict[int, float] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:  # it ended meanwhile
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
        seconds[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    total, todo = 0.0, list(pids)
    while todo:
        pid = todo.pop()
        total += seconds.get(pid, 0.0)
        todo += children.get(pid, [])
    return total


async def measure(
    name: str, pids: Sequence[int], load: Awaitable[tuple[list[float], int, float]]
) -> Result:
    """Run a load and report it, with the CPU the server processes ``pids`` spent on it."""
    before = tree_cpu_seconds(*pids)
    latencies, errors, elapsed = await load
    after = tree_cpu_seconds(*pids)
    result = _result(name, latencies, errors, elapsed)
    if before is not None and after is not None and result.messages:
        result.server_cpu_ms = round((after - before) * 1000 / result.messages, 3)
    return result


def _percentile(sorted_values: Sequence[float], fraction: float) -> float:
    if not sorted_values:
        return float("nan")
    index = min(len(sorted_values) - 1, int(round(fraction * (len(sorted_values) - 1))))
    return sorted_values[index]


def _result(name: str, latencies: list[float], errors: int, seconds: float) -> Result:
    ordered = sorted(latencies)
    return Result(
        name=name,
        messages=len(ordered),
        seconds=round(seconds, 2),
        per_second=round(len(ordered) / seconds, 1) if seconds else 0.0,
        p50_ms=round(_percentile(ordered, 0.50) * 1000, 3),
        p95_ms=round(_percentile(ordered, 0.95) * 1000, 3),
        p99_ms=round(_percentile(ordered, 0.99) * 1000, 3),
        errors=errors,
    )


def _settings(directory: Path, **overrides: Any) -> Any:
    from bot.settings import Settings

    values: dict[str, Any] = {
        "database_url": f"sqlite:///{directory / 'bench.db'}",
        "secret_key": SECRET,
        "rate_limit_burst": 1e9,
        "rate_limit_per_second": 1e9,
        "new_sessions_burst": 1e9,
        "new_sessions_per_second": 1e9,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


async def bench_in_process(directory: Path, turns: int) -> tuple[list[Result], dict[str, Any]]:
    """The engine alone (state in memory), then whole messages with SQLite storage."""
    from bot.app import create_bot
    from bot.engine.state import ConversationState

    started = time.perf_counter()
    bot = await create_bot(_settings(directory))
    await bot.converse("bench", "warm-up", "hello")
    startup = time.perf_counter() - started
    try:
        states: dict[int, ConversationState] = {}
        latencies: list[float] = []
        saving: list[float] = []
        began = time.perf_counter()
        for number in range(turns):
            who = number // len(SCRIPT)
            state = states.get(who) or ConversationState(channel="bench", sender=str(who))
            tick = time.perf_counter()
            result = await bot.engine.handle(state, SCRIPT[number % len(SCRIPT)])
            took = time.perf_counter() - tick
            assert result.state is not None
            stored = result.state.feedback_id != state.feedback_id
            (saving if stored else latencies).append(took)
            states[who] = result.state
        elapsed = time.perf_counter() - began
        engine = _result("engine turn (in-process, no storage)", latencies, 0, elapsed)
        feedback = _result("  turns that store feedback (a DB write)", saving, 0, elapsed)

        latencies = []
        count = max(200, turns // 10)
        began = time.perf_counter()
        for number in range(count):
            tick = time.perf_counter()
            await bot.converse("bench", f"c{number // len(SCRIPT)}", SCRIPT[number % len(SCRIPT)])
            latencies.append(time.perf_counter() - tick)
        whole = _result(
            "whole message (in-process, SQLite)", latencies, 0, time.perf_counter() - began
        )

        storage = await _storage(bot, directory)
    finally:
        await bot.close()
    return [engine, feedback, whole], {"startup_in_process_s": round(startup, 3), **storage}


async def _storage(bot: Any, directory: Path) -> dict[str, Any]:
    """Bytes per stored conversation: the encrypted state, and the database file's growth."""
    database = directory / "bench.db"
    import sqlite3

    def size() -> int:
        with closing(sqlite3.connect(database)) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            pages = connection.execute("PRAGMA page_count").fetchone()[0]
            page = connection.execute("PRAGMA page_size").fetchone()[0]
            return int(pages) * int(page)

    before = size()
    count = 2000
    for number in range(count):
        await bot.converse("size", f"p{number}", "I'm a mum in Horsham, my son is 9, his school")
    after = size()
    with closing(sqlite3.connect(database)) as connection:
        average = connection.execute(
            "SELECT avg(length(state)) FROM conversations WHERE channel = 'size'"
        ).fetchone()[0]
    import resource

    return {
        "stored_state_bytes_per_conversation": round(float(average)),
        "database_bytes_per_conversation": round((after - before) / count),
        "peak_rss_mb_in_process": round(
            resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
        ),
    }


def _free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def wait_ready(base: str, within: float = 60.0, *, path: str = "/readyz") -> float:
    """Seconds until ``base + path`` answers 200 (our `/readyz` by default; Rasa has `/status`)."""
    import aiohttp

    began = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        while time.perf_counter() - began < within:
            try:
                async with session.get(base + path) as response:
                    if response.status == 200:
                        return time.perf_counter() - began
            except aiohttp.ClientError:
                pass
            await asyncio.sleep(0.05)
    raise RuntimeError(f"the server at {base} did not become ready")


StartChat = Callable[[Any], Awaitable[str]]
SendMessage = Callable[[Any, str, str], Awaitable[tuple[int, bytes]]]


async def conversation_load(
    conversations: int,
    seconds: float,
    script: Sequence[str],
    *,
    start: StartChat,
    send: SendMessage,
    per_second: float | None = None,
    new_chat_each_round: bool = False,
    seed: int = 5,
) -> tuple[list[float], int, float]:
    """N conversations on loopback, each sending its next message after the last was answered.

    Closed loop (``per_second`` None): each conversation sends again at once, so the server is
    always busy and the messages per second show its capacity. The latency is then mostly the
    queue: with N conversations waiting, latency is about N / throughput (Little's law).

    Paced (``per_second`` set): people read and type between messages. Each conversation's
    messages are due at random times (a Poisson process) so that all of them together offer
    ``per_second`` messages a second, like real traffic; a message is sent when it is due, or
    as soon as the last answer comes if that is later. The latency then shows what a person
    waits at that load, and the messages per second show whether the server kept up.

    ``start`` opens a chat, ``send`` sends one message and returns (HTTP status, body).
    Returns the latencies, the number of answers that were not HTTP 200, and the time taken.
    """
    import random

    import aiohttp

    latencies: list[float] = []
    errors = 0
    began = time.monotonic()
    stop_at = began + seconds
    gaps = random.Random(seed)
    connector = aiohttp.TCPConnector(limit=conversations + 10)
    async with aiohttp.ClientSession(connector=connector) as session:

        async def one() -> None:
            nonlocal errors
            due = time.monotonic()
            chat = await start(session)
            number = 0
            while True:
                if per_second:
                    due += gaps.expovariate(per_second / conversations)
                    if due >= stop_at:
                        return
                    await asyncio.sleep(max(0.0, due - time.monotonic()))
                if time.monotonic() >= stop_at:
                    return
                if new_chat_each_round and number and number % len(script) == 0:
                    chat = await start(session)
                tick = time.perf_counter()
                status, body = await send(session, chat, script[number % len(script)])
                latencies.append(time.perf_counter() - tick)
                if status != 200:
                    errors += 1
                    if errors <= 3:
                        print(f"bench: HTTP {status}: {body[:200]!r}", file=sys.stderr)
                number += 1

        await asyncio.gather(*(one() for _ in range(conversations)))
        elapsed = time.monotonic() - began
    return latencies, errors, elapsed


def api_client(base: str) -> tuple[StartChat, SendMessage]:
    """How to start a chat and send a message through our JSON API at ``base``."""

    async def start(session: Any) -> str:
        async with session.post(base + "/api/v1/sessions") as response:
            return str((await response.json())["session"])

    async def send(session: Any, chat: str, text: str) -> tuple[int, bytes]:
        async with session.post(
            f"{base}/api/v1/sessions/{chat}/messages", json={"text": text}
        ) as response:
            return int(response.status), await response.read()

    return start, send


async def _load(
    base: str, conversations: int, seconds: float, per_second: float | None = None
) -> tuple[list[float], int, float]:
    start, send = api_client(base)
    return await conversation_load(
        conversations, seconds, SCRIPT, start=start, send=send, per_second=per_second
    )


@asynccontextmanager
async def serving(
    env: dict[str, str], workers: int, directory: Path
) -> AsyncIterator[tuple[str, int, float]]:
    """`getinvolved serve` on a free port: (its address, its process id, seconds to ready).

    Its log is kept, and the errors in it are shown, so an error in a run can be explained.
    """
    port = _free_port()
    log = directory / f"serve-{port}.log"
    with log.open("wb") as output:
        process = await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "bot", "serve", "--port", str(port), "--workers", str(workers)),
            env={**os.environ, **env, **SERVE_ENV},
            cwd=directory,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=output,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        startup = await wait_ready(base, 120)
        yield base, process.pid, startup
    finally:
        process.terminate()
        try:
            await asyncio.wait_for(process.wait(), 30)
        except TimeoutError:
            process.kill()
        for line in _errors_in(log)[:3]:
            print(f"bench: the server logged: {line}", file=sys.stderr)


def _errors_in(log: Path) -> list[str]:
    """The exception line of each error's traceback in a server's JSON log."""
    found = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and record.get("level") == "error":
            detail = str(record.get("error") or record.get("message", "")).strip().splitlines()
            named = [line for line in detail if "Error:" in line or "Exception:" in line]
            found.append((named or detail or [""])[-1].strip())
    return found


async def bench_api(
    name: str,
    env: dict[str, str],
    workers: int,
    conversations: int,
    seconds: float,
    directory: Path,
    per_second: float | None,
) -> tuple[list[Result], float]:
    """Closed loop (capacity), then paced at ``per_second`` (what people wait), on one server."""
    async with serving(env, workers, directory) as (base, pid, startup):
        await _load(base, min(conversations, 10), 1.0)  # warm up
        results = [await measure(name, [pid], _load(base, conversations, seconds))]
        if per_second:
            paced = _load(base, conversations, seconds, per_second)
            results.append(await measure(f"  paced: {per_second:g} msg/s offered", [pid], paced))
    return results, startup


async def _postgres(admin_url: str, statement: str) -> None:
    import asyncpg

    connection = await asyncpg.connect(admin_url, timeout=5)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


async def run_all(
    *,
    conversations: int,
    seconds: float,
    turns: int,
    per_second: float | None,
    postgres_admin: str | None,
    redis_url: str | None,
    inbox_items: int = 0,
) -> dict[str, Any]:
    report: dict[str, Any] = {
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "processor": platform.machine(),
        },
        "settings": {
            "conversations": conversations,
            "seconds": seconds,
            "turns": turns,
            "paced_per_second": per_second,
        },
        "results": [],
        "startup_s": {},
    }
    with tempfile.TemporaryDirectory(prefix="getinvolved-bench-") as folder:
        directory = Path(folder)
        local, extra = await bench_in_process(directory, turns)
        report["results"] += [asdict(r) for r in local]
        report["storage"] = extra
        report["startup_s"]["in_process"] = extra.pop("startup_in_process_s")
        lanes = [("SQLite", "sqlite")]
        if postgres_admin and redis_url:
            lanes.append(("PostgreSQL + Redis", "postgres_redis"))
        for title, lane in lanes:
            for workers in (1, 2):
                name = f"JSON API, {title}, {workers} worker{'s' if workers > 1 else ''}"
                async with _database(lane, directory, postgres_admin) as database_url:
                    env = {"DATABASE_URL": database_url}
                    if lane == "postgres_redis" and redis_url:
                        env["REDIS_URL"] = redis_url
                    results, startup = await bench_api(
                        name, env, workers, conversations, seconds, directory, per_second
                    )
                report["results"] += [asdict(result) for result in results]
                report["startup_s"][f"serve_{lane}_{workers}"] = round(startup, 2)
        from bot.bench_startup import measure_startup

        started = await measure_startup(directory)
        report["startup_s"].update(started["startup_s"])
        report["memory_mb"] = started["memory_mb"]
        if inbox_items:
            report["inbox"] = await bench_inbox_lanes(directory, inbox_items, postgres_admin)
    return report


async def bench_inbox_lanes(
    directory: Path, items: int, postgres_admin: str | None
) -> dict[str, Any]:
    """The inbox with ``items`` pieces of feedback: a SQLite file, then PostgreSQL."""
    from bot.bench_inbox import bench_inbox

    lanes = {"SQLite": await bench_inbox(f"sqlite+aiosqlite:///{directory / 'inbox.db'}", items)}
    if postgres_admin:
        async with _database("postgres", directory, postgres_admin) as url:
            async_url = "postgresql+asyncpg://" + url.split("://", 1)[1]
            lanes["PostgreSQL"] = await bench_inbox(async_url, items)
    return {
        "items": items,
        "lanes": {
            title: {"fill_s": lane["fill_s"], "results": [asdict(r) for r in lane["results"]]}
            for title, lane in lanes.items()
        },
    }


@asynccontextmanager
async def _database(lane: str, directory: Path, postgres_admin: str | None) -> AsyncIterator[str]:
    """A fresh database for one API run: a SQLite file, or a throwaway PostgreSQL database."""
    if lane == "sqlite" or not postgres_admin:
        yield f"sqlite:///{directory / f'api-{uuid.uuid4().hex[:8]}.db'}"
        return
    database = f"getinvolved_bench_{uuid.uuid4().hex[:10]}"
    await _postgres(postgres_admin, f'CREATE DATABASE "{database}"')
    try:
        yield f"{postgres_admin.rsplit('/', 1)[0]}/{database}"
    finally:
        await _postgres(postgres_admin, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


def table(report: dict[str, Any]) -> str:
    lines = [
        f"Get Involved benchmark - {report['machine']['cpus']} CPUs, Python "
        f"{report['machine']['python']}, {report['machine']['platform']}",
        f"{report['settings']['conversations']} concurrent conversations for "
        f"{report['settings']['seconds']} s per API run; {report['settings']['turns']} "
        "in-process turns",
        "",
        f"{'what':<44} {'messages':>9} {'msg/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}"
        f" {'errors':>6} {'CPU ms/msg':>10}",
    ]
    for r in report["results"]:
        lines.append(
            f"{r['name']:<44} {r['messages']:>9} {r['per_second']:>9} "
            f"{r['p50_ms']:>8} {r['p95_ms']:>8} {r['p99_ms']:>8} {r['errors']:>6} "
            f"{r['server_cpu_ms'] if r['server_cpu_ms'] is not None else '':>10}"
        )
    lines.append("")
    lines.append("start-up (s): " + ", ".join(f"{k} {v}" for k, v in report["startup_s"].items()))
    lines.append("memory (MB): " + ", ".join(f"{k} {v}" for k, v in report["memory_mb"].items()))
    lines.append("storage: " + ", ".join(f"{k} {v}" for k, v in report["storage"].items()))
    if "inbox" in report:
        lines.append("")
        lines.append(f"Inbox page with {report['inbox']['items']:,} items for one team")
        lines.append(f"{'what':<52} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8}")
        for title, lane in report["inbox"]["lanes"].items():
            lines.append(f"{title} (filled in {lane['fill_s']} s)")
            for r in lane["results"]:
                lines.append(
                    f"  {r['name']:<50} {r['p50_ms']:>8} {r['p95_ms']:>8} {r['p99_ms']:>8}"
                )
    return "\n".join(lines)


def run_loop(main: Coroutine[Any, Any, T]) -> T:
    """Run a load on uvloop where it is installed: the load generator needs its CPU too."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(main)
    return uvloop.run(main)


def run_bench(
    *,
    as_json: bool,
    conversations: int,
    seconds: float,
    turns: int,
    per_second: float | None,
    postgres_admin: str | None,
    redis_url: str | None,
    inbox_items: int = 0,
) -> int:
    report = run_loop(
        run_all(
            conversations=conversations,
            seconds=seconds,
            turns=turns,
            per_second=per_second,
            postgres_admin=postgres_admin,
            redis_url=redis_url,
            inbox_items=inbox_items,
        )
    )
    print(json.dumps(report, indent=2) if as_json else table(report))
    return 0


__all__ = ["run_bench"]
