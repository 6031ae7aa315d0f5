"""Several real `serve` processes sharing PostgreSQL and Redis: a conversation that moves
between workers, two messages at once from one person, a worker killed with SIGKILL, and
Redis going away and coming back."""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import closing
from pathlib import Path

import aiohttp
import pytest

from bot.bench import wait_ready
from tests.conftest import POSTGRES_ADMIN_URL, _postgres

SECRET = "workers-test-secret-" + "w" * 40


def spawn(command: list[str], **options: object) -> subprocess.Popen[bytes]:
    """Start a process (quick: it does not wait for it)."""
    return subprocess.Popen(command, **options)  # type: ignore[call-overload,no-any-return]


def free_port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """Our own redis-server on a free port, so the tests can stop and start it."""

    def __init__(self, directory: Path, *options: str):
        self.port = free_port()
        self.directory = directory
        self.options = options
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        assert binary, "redis-server is needed for these tests"
        self.process = spawn(
            [
                binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
                *self.options,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with closing(socket.socket()) as sock:
                if sock.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


@pytest.fixture
def redis_server(tmp_path: Path) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


@pytest.fixture
async def postgres_url() -> AsyncIterator[str]:
    name = f"getinvolved_workers_{os.getpid()}_{free_port()}"
    await _postgres(f'CREATE DATABASE "{name}"')
    try:
        yield f"{POSTGRES_ADMIN_URL.rsplit('/', 1)[0]}/{name}"
    finally:
        await _postgres(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Worker:
    def __init__(self, tmp_path: Path, database_url: str, redis_url: str):
        self.port = free_port()
        self.env = {
            **os.environ,
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
            "SECRET_KEY": SECRET,
            "PORT": str(self.port),
        }
        self.cwd = tmp_path
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        self.process = spawn(
            [sys.executable, "-m", "bot", "serve"],
            env=self.env,
            cwd=self.cwd,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        await wait_ready(self.base, within=30)

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(30)


@pytest.fixture
async def workers(
    tmp_path: Path, postgres_url: str, redis_server: RedisServer
) -> AsyncIterator[list[Worker]]:
    first = Worker(tmp_path, postgres_url, redis_server.url)
    second = Worker(tmp_path, postgres_url, redis_server.url)
    try:
        await first.start()  # migrates the empty database before the second one starts
        await second.start()
        yield [first, second]
    finally:  # also when one never became ready, so no server outlives the test
        for worker in (first, second):
            worker.stop()


async def start_chat(session: aiohttp.ClientSession, worker: Worker) -> str:
    async with session.post(worker.base + "/api/v1/sessions") as response:
        assert response.status == 201
        return str((await response.json())["session"])


async def say(
    session: aiohttp.ClientSession, worker: Worker, chat: str, text: str
) -> tuple[int, dict[str, object]]:
    async with session.post(
        f"{worker.base}/api/v1/sessions/{chat}/messages", json={"text": text}
    ) as response:
        return response.status, await response.json()


async def test_a_conversation_moves_between_workers(workers: list[Worker]) -> None:
    a, b = workers
    async with aiohttp.ClientSession() as session:
        chat = await start_chat(session, a)
        _, turn = await say(session, b, chat, "I'm a parent")
        assert turn["asking"] == "age"
        _, turn = await say(session, a, chat, "rather not say")
        assert turn["asking"] == "area"
        _, turn = await say(session, b, chat, "Bexhill")
        assert turn["asking"] == "interests"
        _, turn = await say(session, a, chat, "CAMHS")
    assert turn["profile"] == {
        "age": None,
        "role": "parent_carer",
        "area": "east_sussex",
        "interests": ["health"],
    }
    assert "espcf" in turn["routes"] and "nhs-sussex" in turn["routes"]


async def test_two_messages_at_once_are_handled_one_after_the_other(
    workers: list[Worker],
) -> None:
    a, b = workers
    async with aiohttp.ClientSession() as session:
        for attempt in range(5):
            chat = await start_chat(session, a)
            (s1, t1), (s2, t2) = await asyncio.gather(
                say(session, a, chat, "I'm a dad"), say(session, b, chat, "we live in Worthing")
            )
            assert (s1, s2) == (200, 200), attempt
            async with session.get(f"{a.base}/api/v1/sessions/{chat}") as response:
                state = await response.json()
            # Neither message was lost: both facts are there, whichever ran first.
            assert state["profile"]["role"] == "parent_carer", attempt
            assert state["profile"]["area"] == "west_sussex", attempt


async def test_a_killed_worker_loses_nothing(workers: list[Worker]) -> None:
    a, b = workers
    async with aiohttp.ClientSession() as session:
        chat = await start_chat(session, a)
        await say(session, a, chat, "I'm 15 and live in Shoreham")
        a.kill()
        status, turn = await say(session, b, chat, "being on a panel")
    assert status == 200
    assert turn["profile"]["age"] == 15 and turn["profile"]["area"] == "west_sussex"
    assert "young-voices" in turn["routes"]


async def test_redis_away_and_back(workers: list[Worker], redis_server: RedisServer) -> None:
    a, _ = workers
    async with aiohttp.ClientSession() as session:
        chat = await start_chat(session, a)
        await say(session, a, chat, "I'm a mum")
        redis_server.stop()
        status, body = await say(session, a, chat, "Horsham")
        assert status == 503
        assert "try again" in str(body["error"]) and "Nothing was lost" in str(body["error"])
        async with session.get(a.base + "/readyz") as response:
            assert response.status == 503
        redis_server.start()
        for _ in range(50):
            status, body = await say(session, a, chat, "Horsham")
            if status == 200:
                break
            await asyncio.sleep(0.2)
    assert status == 200
    assert body["profile"]["role"] == "parent_carer", "the earlier answer was kept"
    assert body["profile"]["area"] == "west_sussex"


async def test_serve_with_two_workers_on_one_port(
    tmp_path: Path, postgres_url: str, redis_server: RedisServer
) -> None:
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": postgres_url,
        "REDIS_URL": redis_server.url,
        "SECRET_KEY": SECRET,
    }
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        process = spawn(
            [sys.executable, "-m", "bot", "serve", "--port", str(port), "--workers", "2"],
            env=env,
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=output,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        await wait_ready(base, within=30)
        async with aiohttp.ClientSession() as session:
            worker = Worker(tmp_path, postgres_url, redis_server.url)
            worker.port = port
            chat = await start_chat(session, worker)
            for text in ("I work for the NHS", "Eastbourne"):
                status, turn = await say(session, worker, chat, text)
                assert status == 200
            # A worker dies: it is logged and replaced, and the chat goes on.
            first = children_of(process.pid)
            assert len(first) == 2
            os.kill(first[0], signal.SIGKILL)
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                now = children_of(process.pid)
                if len(now) == 2 and first[0] not in now:
                    break
                await asyncio.sleep(0.2)
            assert len(now) == 2 and first[0] not in now, "the dead worker was not replaced"
            assert "worker stopped; starting another" in log.read_text()
            await wait_ready(base, within=30)
            status, turn = await say(session, worker, chat, "long term plans")
            assert status == 200
        assert turn["profile"]["role"] == "professional" and "espcf" in turn["routes"]
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(30) == 0


def children_of(pid: int) -> list[int]:
    """The living child processes of ``pid`` (Linux: from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(entry.name))
    return sorted(found)
