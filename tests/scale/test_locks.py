"""The per-conversation lock in Redis, as two workers see it (two RedisLocks on one server)."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.errors import StateUnavailable
from bot.locks import RedisLocks
from tests.scale.test_workers import RedisServer, free_port, redis_server  # noqa: F401


async def test_one_conversation_is_held_by_one_worker_at_a_time(
    redis_server: RedisServer,  # noqa: F811
) -> None:
    first, second = RedisLocks(redis_server.url), RedisLocks(redis_server.url)
    order: list[str] = []

    async def turn(locks: RedisLocks, name: str) -> None:
        async with locks.hold("web:same-person"):
            order.append(f"{name} in")
            await asyncio.sleep(0.05)
            order.append(f"{name} out")

    try:
        await asyncio.gather(turn(first, "a"), turn(second, "b"), turn(first, "c"))
    finally:
        await first.close()
        await second.close()
    assert len(order) == 6
    for start in range(0, 6, 2):  # never two inside at once
        assert order[start].endswith(" in") and order[start + 1].endswith(" out")
        assert order[start].split()[0] == order[start + 1].split()[0]


async def test_different_conversations_do_not_wait_for_each_other(
    redis_server: RedisServer,  # noqa: F811
) -> None:
    locks = RedisLocks(redis_server.url)
    try:
        began = time.monotonic()

        async def turn(key: str) -> None:
            async with locks.hold(key):
                await asyncio.sleep(0.1)

        await asyncio.gather(*(turn(f"web:person-{n}") for n in range(20)))
        assert time.monotonic() - began < 1.0
    finally:
        await locks.close()


async def test_an_expired_lock_taken_by_another_is_not_released_by_the_first(
    redis_server: RedisServer,  # noqa: F811
) -> None:
    import redis.asyncio as redis

    locks = RedisLocks(redis_server.url)
    client = redis.from_url(redis_server.url)
    name = "getinvolved:conversation:web:slow"
    try:
        async with locks.hold("web:slow"):
            # the lock expired (a very slow turn) and another worker took it
            await client.set(name, "another worker's token")
        assert await client.get(name) == b"another worker's token"
    finally:
        await client.aclose()
        await locks.close()


async def test_redis_away_is_a_clear_error_and_recovers(
    redis_server: RedisServer,  # noqa: F811
) -> None:
    locks = RedisLocks(redis_server.url)
    try:
        redis_server.stop()
        with pytest.raises(StateUnavailable):
            async with locks.hold("web:someone"):
                pytest.fail("the turn must not run without the lock")
        assert not await locks.ready()
        redis_server.start()
        async with locks.hold("web:someone"):
            pass
        assert await locks.ready()
    finally:
        await locks.close()
