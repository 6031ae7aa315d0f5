"""The per-conversation lock in Redis, as two workers see it (two RedisLocks on one server)."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from bot.errors import StateUnavailable
from bot.locks import RedisLocks
from bot.redislink import RedisLink
from tests.scale.test_workers import RedisServer, free_port, redis_server  # noqa: F401


async def test_one_conversation_is_held_by_one_worker_at_a_time(
    redis_server: RedisServer,  # noqa: F811
) -> None:
    first, second = RedisLocks(RedisLink(redis_server.url)), RedisLocks(RedisLink(redis_server.url))
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
    locks = RedisLocks(RedisLink(redis_server.url))
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

    locks = RedisLocks(RedisLink(redis_server.url))
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
    locks = RedisLocks(RedisLink(redis_server.url))
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


async def test_sign_in_failures_count_across_workers(
    redis_server: RedisServer,  # noqa: F811
) -> None:
    """Five wrong passwords spread over two workers lock the account out on both."""
    from bot.web.security import LoginLimiter

    first = LoginLimiter(shared=RedisLink(redis_server.url))
    second = LoginLimiter(shared=RedisLink(redis_server.url))
    keys = ("ip:203.0.113.9", "email:staff@example.org")
    try:
        for limiter in (first, second, first, second):
            assert not await limiter.blocked(*keys)
            await limiter.failed(*keys)
        assert not await second.blocked(*keys)
        await second.failed(*keys)  # the fifth
        assert await first.blocked(*keys) and await second.blocked(*keys)
        assert await first.blocked("email:staff@example.org")  # by email alone, too
        await first.succeeded(*keys)
        assert not await second.blocked(*keys)

        redis_server.stop()  # Redis away: each worker still counts its own failures
        for _ in range(5):
            await first.failed(*keys)
        assert await first.blocked(*keys)
        assert not await second.blocked(*keys)
    finally:
        assert first.shared is not None and second.shared is not None
        await first.shared.close()
        await second.shared.close()


async def test_sign_in_failures_are_forgotten_after_the_window(
    redis_server: RedisServer,  # noqa: F811
) -> None:
    from bot.web.security import LoginLimiter

    shared = RedisLink(redis_server.url)
    first = LoginLimiter(attempts=2, window=0.3, shared=shared)
    second = LoginLimiter(attempts=2, window=0.3, shared=shared)
    try:
        await first.failed("email:a@example.org")
        await first.failed("email:a@example.org")
        assert await second.blocked("email:a@example.org")
        await asyncio.sleep(0.5)
        assert not await second.blocked("email:a@example.org")
        assert not await first.blocked("email:a@example.org")
    finally:
        await shared.close()


async def test_staff_pages_of_two_workers_share_the_sign_in_limit(
    tmp_path: Path,
    redis_server: RedisServer,  # noqa: F811
) -> None:
    from bot.app import create_bot
    from tests.conftest import create_settings
    from tests.web.staff_helpers import create_staff, sign_in, web_client

    settings = create_settings(tmp_path, redis_url=redis_server.url)
    first, second = await create_bot(settings), await create_bot(settings)
    try:
        await create_staff(first, "nurse@nhs.example", "nhs-sussex")
        async with web_client(first) as one, web_client(second) as other:
            for client in (one, other, one, other, one):
                assert await sign_in(client, "nurse@nhs.example", "wrong password!!") == 401
            assert await sign_in(other, "nurse@nhs.example") == 429
    finally:
        await first.close()
        await second.close()
