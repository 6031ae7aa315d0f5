"""One connection to Redis, shared by every conversation in the process.

Each message takes a conversation lock in Redis and gives it back, so two Redis commands run
for every message. redis-py checks a pooled connection out and in for every command, which cost
about 85 us of CPU each on the benchmark machine, more than the rest of the round trip. Here all
commands go down one connection as they come (Redis answers them in order), and hiredis, the
parser redis-py itself uses when it is installed, reads the answers. Commands issued in the same
turn of the event loop leave in one write, so under load one round trip serves many messages.

URLs: ``redis://[[user]:password@]host[:port][/db]``, ``rediss://`` (TLS) and
``unix:///path/to/redis.sock[?db=N]``.
"""

from __future__ import annotations

import asyncio
import ssl
from collections import deque
from typing import Any, cast
from urllib.parse import parse_qs, unquote, urlsplit

import hiredis

CONNECT_SECONDS = 2.0
ANSWER_SECONDS = 5.0


class RedisUnavailable(ConnectionError):
    """Redis cannot be reached, or the connection failed while waiting for an answer."""


class RedisReplyError(Exception):
    """Redis answered a command with an error."""


def pack(command: tuple[Any, ...]) -> bytes:
    """A command in Redis's protocol (RESP): an array of bulk strings."""
    parts = [b"*%d\r\n" % len(command)]
    for argument in command:
        if isinstance(argument, bytes):
            data = argument
        elif isinstance(argument, str):
            data = argument.encode("utf-8")
        else:
            data = str(argument).encode("ascii")
        parts.append(b"$%d\r\n%s\r\n" % (len(data), data))
    return b"".join(parts)


class _Connection(asyncio.Protocol):
    """The answers come back in the order the commands went out: one future each, in a queue."""

    def __init__(self) -> None:
        self.reader = hiredis.Reader()
        self.waiting: deque[asyncio.Future[Any]] = deque()
        self.transport: asyncio.Transport | None = None
        self.outgoing: list[bytes] = []
        self.lost = False

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's is not a subclass

    def send(self, command: tuple[Any, ...]) -> asyncio.Future[Any]:
        if self.lost or self.transport is None:
            raise RedisUnavailable("the connection to Redis is closed")
        loop = asyncio.get_running_loop()
        answer: asyncio.Future[Any] = loop.create_future()
        if not self.outgoing:
            loop.call_soon(self._write)
        self.outgoing.append(pack(command))
        self.waiting.append(answer)
        return answer

    def _write(self) -> None:
        outgoing, self.outgoing = self.outgoing, []
        if self.transport is not None and not self.lost:
            self.transport.write(b"".join(outgoing))

    def data_received(self, data: bytes) -> None:
        self.reader.feed(data)
        try:
            while (reply := self.reader.gets()) is not False:
                answer = self.waiting.popleft()
                if answer.done():  # its caller stopped waiting
                    continue
                if isinstance(reply, hiredis.ReplyError):
                    answer.set_exception(RedisReplyError(str(reply)))
                else:
                    answer.set_result(reply)
        except (hiredis.ProtocolError, IndexError):
            self.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self.lost = True
        while self.waiting:
            answer = self.waiting.popleft()
            if not answer.done():
                answer.set_exception(RedisUnavailable("the connection to Redis was lost"))

    def close(self) -> None:
        self.lost = True
        if self.transport is not None:
            self.transport.close()


class RedisLink:
    """``await link.call("SET", "key", "value")``: one shared connection, made when first
    needed and made again after it fails."""

    def __init__(self, url: str):
        self.url = url
        parts = urlsplit(url)
        if parts.scheme not in ("redis", "rediss", "unix"):
            raise ValueError(f"REDIS_URL must start with redis://, rediss:// or unix://: {url}")
        self._scheme = parts.scheme
        self._host = parts.hostname or "127.0.0.1"
        self._port = parts.port or 6379
        self._path = unquote(parts.path)
        self._username = unquote(parts.username) if parts.username else None
        self._password = unquote(parts.password) if parts.password else None
        query = parse_qs(parts.query)
        database = query.get("db", [""])[0]
        if parts.scheme != "unix" and parts.path.strip("/"):
            database = parts.path.strip("/")
        self._database = int(database or 0)
        self._connection: _Connection | None = None
        self._connecting = asyncio.Lock()

    async def call(self, *command: Any) -> Any:
        connection = self._connection
        if connection is None or connection.lost:
            connection = await self._connect()
        answer = connection.send(command)
        try:
            return await asyncio.wait_for(answer, ANSWER_SECONDS)
        except TimeoutError as error:
            connection.close()  # answers may still come, for commands nobody waits for
            raise RedisUnavailable("Redis did not answer in time") from error

    async def _connect(self) -> _Connection:
        async with self._connecting:
            if self._connection is not None and not self._connection.lost:
                return self._connection
            loop = asyncio.get_running_loop()
            try:
                async with asyncio.timeout(CONNECT_SECONDS):
                    if self._scheme == "unix":
                        _, connection = await loop.create_unix_connection(_Connection, self._path)
                    else:
                        _, connection = await loop.create_connection(
                            _Connection,
                            self._host,
                            self._port,
                            ssl=ssl.create_default_context() if self._scheme == "rediss" else None,
                        )
            except (OSError, TimeoutError) as error:
                raise RedisUnavailable(f"cannot connect to Redis: {error}") from error
            try:
                async with asyncio.timeout(CONNECT_SECONDS):
                    await self._introduce(connection)
            except BaseException as error:
                connection.close()
                if isinstance(error, TimeoutError):
                    raise RedisUnavailable("Redis did not answer in time") from error
                raise
            self._connection = connection
            return connection

    async def _introduce(self, connection: _Connection) -> None:
        """Sign in and choose the database, as the URL says."""
        if self._password is not None:
            login = [self._password]
            if self._username:
                login.insert(0, self._username)
            await connection.send(("AUTH", *login))
        if self._database:
            await connection.send(("SELECT", self._database))

    async def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None
