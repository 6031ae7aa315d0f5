"""One message at a time per conversation: in this process, or across workers with Redis.

With REDIS_URL set, the lock lives in Redis, so several `serve` processes (and the Telegram
webhook) behind one address handle one person's messages one after the other. The lock expires
by itself if a worker dies holding it. If Redis cannot be reached, the message is refused with
:class:`~bot.errors.StateUnavailable` before anything is read or written, so nothing is lost,
and it works again as soon as Redis is back.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from weakref import WeakValueDictionary

from bot.errors import StateUnavailable

LOCK_SECONDS = 15.0  # a worker killed mid-turn frees the conversation after this long
WAIT_SECONDS = 15.0


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

    def __init__(self, url: str):
        super().__init__()
        import redis.asyncio as redis

        self._redis = redis.from_url(url, socket_connect_timeout=2, socket_timeout=5)

    @asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        from redis.exceptions import LockError, RedisError

        async with super().hold(key):
            lock = self._redis.lock(
                f"getinvolved:conversation:{key}",
                timeout=LOCK_SECONDS,
                blocking_timeout=WAIT_SECONDS,
                sleep=0.005,
            )
            try:
                acquired = await lock.acquire()
            except RedisError as error:
                raise StateUnavailable("shared state (Redis) cannot be reached") from error
            if not acquired:
                raise StateUnavailable("this conversation is busy; try again")
            try:
                yield
            finally:
                with suppress(LockError, RedisError):
                    await lock.release()

    async def ready(self) -> bool:
        from redis.exceptions import RedisError

        try:
            return bool(await self._redis.ping())
        except RedisError:
            return False

    async def close(self) -> None:
        await self._redis.aclose()


def create_locks(redis_url: str | None) -> LocalLocks:
    return RedisLocks(redis_url) if redis_url else LocalLocks()
