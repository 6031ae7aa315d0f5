"""One message at a time per conversation: in this process, or across workers with Redis.

With REDIS_URL set, the lock lives in Redis, so several `serve` processes (and the Telegram
webhook) behind one address handle one person's messages one after the other. The lock expires
by itself if a worker dies holding it. If Redis cannot be reached, the message is refused with
:class:`~bot.errors.StateUnavailable` before anything is read or written, so nothing is lost,
and it works again as soon as Redis is back.

Every message takes the lock and gives it back, so these are the two commands sent most often.
The lock commands that conversations issue in the same turn of the event loop go to Redis as one
pipeline (:class:`Batch`): under load, one round trip serves many conversations.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from typing import Any
from weakref import WeakValueDictionary

from bot.errors import StateUnavailable

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


class Batch:
    """Redis commands issued in the same turn of the event loop, sent as one pipeline."""

    def __init__(self, redis: Any):
        self._redis = redis
        self._waiting: list[tuple[tuple[Any, ...], asyncio.Future[Any]]] = []

    def send(self, *command: Any) -> asyncio.Future[Any]:
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[Any] = loop.create_future()
        if not self._waiting:
            loop.call_soon(self._flush)
        self._waiting.append((command, answer))
        return answer

    def _flush(self) -> None:
        waiting, self._waiting = self._waiting, []
        task = asyncio.ensure_future(self._run(waiting))
        task.add_done_callback(_quietly)

    async def _run(self, waiting: list[tuple[tuple[Any, ...], asyncio.Future[Any]]]) -> None:
        pipeline = self._redis.pipeline(transaction=False)
        for command, _ in waiting:
            pipeline.execute_command(*command)
        try:
            answers = await pipeline.execute(raise_on_error=False)
        except Exception as error:  # the connection failed: every command in it failed
            answers = [error] * len(waiting)
        for (_, answer), result in zip(waiting, answers, strict=True):
            if answer.done():
                continue
            if isinstance(result, Exception):
                answer.set_exception(result)
            else:
                answer.set_result(result)


def _quietly(task: asyncio.Future[Any]) -> None:
    """Each command's own future carries its error; the pipeline task itself has nothing."""
    if not task.cancelled():
        task.exception()


class RedisLocks(LocalLocks):
    """A Redis lock per conversation (and a local one, so this process queues cheaply)."""

    def __init__(self, url: str):
        super().__init__()
        import redis.asyncio as redis

        self._redis = redis.from_url(url, socket_connect_timeout=2, socket_timeout=5)
        self._batch = Batch(self._redis)

    @asynccontextmanager
    async def hold(self, key: str) -> AsyncIterator[None]:
        from redis.exceptions import RedisError

        async with super().hold(key):
            name = f"getinvolved:conversation:{key}"
            token = os.urandom(12).hex()
            give_up = time.monotonic() + WAIT_SECONDS
            try:
                while not await self._batch.send(
                    "SET", name, token, "NX", "PX", int(LOCK_SECONDS * 1000)
                ):
                    if time.monotonic() > give_up:
                        raise StateUnavailable("this conversation is busy; try again")
                    await asyncio.sleep(RETRY_SECONDS)
            except (RedisError, OSError) as error:
                raise StateUnavailable("shared state (Redis) cannot be reached") from error
            try:
                yield
            finally:
                with suppress(RedisError, OSError):
                    await self._batch.send("EVAL", RELEASE, 1, name, token)

    async def ready(self) -> bool:
        from redis.exceptions import RedisError

        try:
            return bool(await self._redis.ping())
        except (RedisError, OSError):
            return False

    async def close(self) -> None:
        await self._redis.aclose()


def create_locks(redis_url: str | None) -> LocalLocks:
    return RedisLocks(redis_url) if redis_url else LocalLocks()
