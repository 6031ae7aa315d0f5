"""The shared Redis connection, against real redis-server processes."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import redis.asyncio as redis

from bot.redislink import RedisLink, RedisReplyError, RedisUnavailable, pack
from tests.scale.test_workers import RedisServer, redis_server  # noqa: F401


def test_commands_are_packed_as_redis_protocol() -> None:
    assert pack(("SET", "k", "café", 15)) == (
        b"*4\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\ncaf\xc3\xa9\r\n$2\r\n15\r\n"
    )


async def test_many_callers_each_get_their_own_answer(
    redis_server: RedisServer,  # noqa: F811
) -> None:
    link = RedisLink(redis_server.url)
    try:
        answers = await asyncio.gather(*(link.call("INCR", "counter") for _ in range(300)))
        assert sorted(answers) == list(range(1, 301))
        keys = [f"key-{n}" for n in range(50)]
        await asyncio.gather(*(link.call("SET", key, key.upper()) for key in keys))
        got = await asyncio.gather(*(link.call("GET", key) for key in keys))
        assert got == [key.upper().encode() for key in keys]
        assert await link.call("GET", "missing") is None
    finally:
        await link.close()


async def test_an_error_answer_fails_that_command_only(
    redis_server: RedisServer,  # noqa: F811
) -> None:
    link = RedisLink(redis_server.url)
    try:
        results = await asyncio.gather(
            link.call("SET", "a", "1"),
            link.call("INCR"),
            link.call("GET", "a"),
            return_exceptions=True,
        )
        assert results[0] == b"OK" and results[2] == b"1"
        assert isinstance(results[1], RedisReplyError)
    finally:
        await link.close()


async def test_redis_away_fails_fast_and_the_link_recovers(
    redis_server: RedisServer,  # noqa: F811
) -> None:
    link = RedisLink(redis_server.url)
    try:
        assert await link.call("PING") == b"PONG"
        waiting = asyncio.ensure_future(link.call("BLPOP", "never", 0))
        await asyncio.sleep(0.1)
        redis_server.stop()
        with pytest.raises(RedisUnavailable):
            await waiting  # in flight when Redis went away
        with pytest.raises(RedisUnavailable):
            await link.call("PING")
        redis_server.start()
        assert await link.call("PING") == b"PONG"
    finally:
        await link.close()


async def test_password_and_database_number_from_the_url(tmp_path: Path) -> None:
    server = RedisServer(tmp_path, "--requirepass", "s3cret pass")
    server.start()
    link = RedisLink(f"redis://:s3cret%20pass@127.0.0.1:{server.port}/3")
    check = redis.from_url(f"redis://:s3cret%20pass@127.0.0.1:{server.port}/3")
    try:
        assert await link.call("SET", "where", "db three") == b"OK"
        assert await check.get("where") == b"db three"
        wrong = RedisLink(f"redis://:wrong@127.0.0.1:{server.port}/0")
        with pytest.raises(RedisReplyError):
            await wrong.call("PING")
        await wrong.close()
    finally:
        await check.aclose()
        await link.close()
        server.stop()


async def test_unix_socket_url(tmp_path: Path) -> None:
    socket = tmp_path / "redis.sock"
    server = RedisServer(tmp_path, "--unixsocket", str(socket))
    server.start()
    for _ in range(100):
        if socket.exists():
            break
        await asyncio.sleep(0.05)
    link = RedisLink(f"unix://{socket}?db=2")
    try:
        assert await link.call("SET", "via", "socket") == b"OK"
        assert await link.call("GET", "via") == b"socket"
    finally:
        await link.close()
        server.stop()


def test_works_on_uvloop_which_the_servers_use(redis_server: RedisServer) -> None:  # noqa: F811
    import uvloop

    async def talk() -> list[object]:
        link = RedisLink(redis_server.url)
        try:
            return list(await asyncio.gather(*(link.call("INCR", "uv") for _ in range(20))))
        finally:
            await link.close()

    assert sorted(uvloop.run(talk())) == list(range(1, 21))  # type: ignore[type-var]


def test_other_url_schemes_are_refused_clearly() -> None:
    with pytest.raises(ValueError, match="REDIS_URL"):
        RedisLink("http://127.0.0.1:6379")
