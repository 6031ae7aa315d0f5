"""One message at a time per conversation: in this process, or across workers with Redis.

With REDIS_URL set, the lock lives in Redis, so several `serve` processes (and the Telegram
webhook) behind one address handle one person's messages one after the other. The lock expires
by itself if a worker dies holding it. If Redis cannot be reached, the message is refused with
:class:`~bot.errors.StateUnavailable` before anything is read or written, so nothing is lost,
and it works again as soon as Redis is back.

Every message takes the lock and gives it back, so these two commands go through one shared
connection (:class:`~bot.redislink.RedisLink`) rather than a pool.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from weakref import WeakValueDictionary

from bot.errors import StateUnavailable
from bot.redislink import RedisLink, RedisReplyError, RedisUnavailable

LOCK_SECONDS = 15.0  # a worker killed mid-turn frees the conversation after this long
WAIT_SECONDS = 15.0
RETRY_SECONDS = 0.005
# Delete the lock only if it is still ours (it may have expired and been taken by another).
RELEASE = """
if redis.call('get', KEYS[1]) == ARGV[1] then
    return redis.call('del', KEYS[1])
end
return 0
"""


class LocalLocks:
    """asyncio locks per conversation, for one process."""

    def __init__(self) -> None:
        self._locks: WeakValueDictionary[str, asyncio.Lock] = WeakValueDictionary()

    @asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        lock = self._locks.get(key)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[key] = lock
        async with lock:
            yield

    async def ready(self) -> bool:
        return True

    async def close(self) -> None:
        return None


class RedisLocks(LocalLocks):
    """A Redis lock per conversation (and a local one, so this process queues cheaply)."""

    def __init__(self, redis: RedisLink):
        super().__init__()
        self._redis = redis

    @asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        async with super().hold(key):
            name = f"getinvolved:conversation:{key}"
            token = os.urandom(12).hex()
            give_up = time.monotonic() + WAIT_SECONDS
            try:
                while not await self._redis.call(
                    "SET", name, token, "NX", "PX", int(LOCK_SECONDS * 1000)
                ):
                    if time.monotonic() > give_up:
                        raise StateUnavailable("this conversation is busy; try again")
                    await asyncio.sleep(RETRY_SECONDS)
            except (RedisUnavailable, RedisReplyError) as error:
                raise StateUnavailable("shared state (Redis) cannot be reached") from error
            try:
                yield
            finally:
                with suppress(RedisUnavailable, RedisReplyError):
                    await self._redis.call("EVAL", RELEASE, 1, name, token)

    async def ready(self) -> bool:
        try:
            async with asyncio.timeout(2.0):
                return bool(await self._redis.call("PING") == b"PONG")
        except (RedisUnavailable, RedisReplyError, TimeoutError):
            return False

    async def close(self) -> None:
        await self._redis.close()


def create_locks(redis: RedisLink | None) -> LocalLocks:
    return RedisLocks(redis) if redis is not None else LocalLocks()
