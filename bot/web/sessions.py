"""Signed and encrypted session cookies (Fernet), for the staff pages.

The cookie holds a small JSON object, encrypted and signed with a key derived from SECRET_KEY,
and expires after ``max_age`` seconds. Signing in starts a new session (no fixation).
"""

from __future__ import annotations

import base64
import json
from typing import Any

from aiohttp import web
from cryptography.fernet import Fernet, InvalidToken

from bot.web.security import Handler


class Session(dict[str, Any]):
    """A dict that remembers whether it changed."""

    def __init__(self, data: dict[str, Any] | None = None):
        super().__init__(data or {})
        self.changed = False
        self.invalidated = False

    def __setitem__(self, key: str, value: Any) -> None:
        super().__setitem__(key, value)
        self.changed = True

    def invalidate(self) -> None:
        self.clear()
        self.invalidated = True
        self.changed = True


SESSION = web.RequestKey("session", Session)


class SessionCookies:
    def __init__(
        self,
        key: bytes,
        *,
        name: str = "getinvolved_session",
        max_age: int = 8 * 3600,
        secure: bool = False,
    ):
        self._fernet = Fernet(base64.urlsafe_b64encode(key))
        self.name = name
        self.max_age = max_age
        self.secure = secure

    def load(self, request: web.Request) -> Session:
        token = request.cookies.get(self.name)
        if not token:
            return Session()
        try:
            data = json.loads(self._fernet.decrypt(token.encode("ascii"), ttl=self.max_age))
        except (InvalidToken, ValueError):
            return Session()
        return Session(data if isinstance(data, dict) else {})

    def store(self, session: Session, response: web.StreamResponse) -> None:
        if session.invalidated and not session:
            response.del_cookie(self.name, path="/")
            return
        token = self._fernet.encrypt(json.dumps(dict(session)).encode("utf-8")).decode("ascii")
        response.set_cookie(
            self.name,
            token,
            max_age=self.max_age,
            path="/",
            httponly=True,
            samesite="Lax",
            secure=self.secure,
        )

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        session = self.load(request)
        request[SESSION] = session
        try:
            response = await handler(request)
        except web.HTTPException as error:
            if session.changed:
                self.store(session, error)
            raise
        if session.changed and not response.prepared:
            self.store(session, response)
        return response


async def get_session(request: web.Request) -> Session:
    return request[SESSION]


async def new_session(request: web.Request) -> Session:
    """Start afresh (used when signing in): nothing from before carries over."""
    session = request[SESSION]
    session.clear()
    session.changed = True
    session.invalidated = False
    return session
