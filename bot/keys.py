"""Keys derived from SECRET_KEY: encryption at rest, pseudonymous person keys, cookies.

With no SECRET_KEY set, a random one is made once and kept in ``.getinvolved-secret`` in the
working directory (readable by the owner only), so the zero-configuration default still keeps
what it encrypts readable after a restart. Production sets SECRET_KEY.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bot.errors import ConfigError

SECRET_FILE = ".getinvolved-secret"
SESSION_TOKEN_CHARS = 22  # 16 random bytes in URL-safe base64
SESSION_ID_CHARS = SESSION_TOKEN_CHARS + 16  # and 12 bytes of MAC
MIN_SECRET_CHARS = 32


def load_or_create_secret(configured: str | None, directory: Path) -> str:
    """The configured secret, or one kept in a local file (made on first use)."""
    if configured:
        if len(configured) < MIN_SECRET_CHARS:
            raise ConfigError(f"SECRET_KEY must be at least {MIN_SECRET_CHARS} characters long")
        return configured
    path = directory / SECRET_FILE
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    secret = secrets.token_urlsafe(48)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        handle.write(secret)
    return secret


class Keys:
    """Everything that needs the secret, derived for one purpose each."""

    def __init__(self, secret: str):
        self._secret = secret.encode("utf-8")
        self._fernet = Fernet(self._derive(b"encryption"))
        self._state_cipher = AESGCM(base64.urlsafe_b64decode(self._derive(b"state")))

    def _derive(self, purpose: bytes) -> bytes:
        digest = hmac.new(self._secret, b"getinvolved:" + purpose, hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest)

    def new_session_id(self) -> str:
        """A web chat session id the server issues: 22 random characters and a 16-character
        keyed MAC, so a made-up id is recognised without asking the database."""
        token = secrets.token_urlsafe(16)
        return token + self._session_mac(token)

    def issued_session_id(self, session: str) -> bool:
        """Was ``session`` made by :meth:`new_session_id` with this secret?"""
        token, mac = session[:SESSION_TOKEN_CHARS], session[SESSION_TOKEN_CHARS:]
        return len(session) == SESSION_ID_CHARS and hmac.compare_digest(
            mac, self._session_mac(token)
        )

    def _session_mac(self, token: str) -> str:
        digest = hmac.new(self._derive(b"web-session"), token.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(digest[:12]).decode().rstrip("=")

    @property
    def cookie_key(self) -> bytes:
        """32 raw bytes for the encrypted session cookie."""
        return base64.urlsafe_b64decode(self._derive(b"cookies"))

    def person_key(self, conversation_key: str) -> str:
        """A pseudonym for "channel:sender" so a person's feedback can be found and deleted
        without storing who they are."""
        return hmac.new(self._derive(b"person"), conversation_key.encode(), "sha256").hexdigest()

    def encrypt(self, value: Any) -> str:
        return self._fernet.encrypt(json.dumps(value).encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> Any:
        try:
            return json.loads(self._fernet.decrypt(token.encode("ascii")))
        except InvalidToken as error:
            raise ConfigError("stored data cannot be read with this SECRET_KEY") from error

    def seal(self, plain: bytes, *, bound_to: str) -> str:
        """Encrypt conversation state (AES-256-GCM with a random nonce), bound to its
        conversation so that it cannot be read back as another's. One seal and one unseal
        per message, so it uses one cipher call each instead of Fernet's several."""
        nonce = os.urandom(12)
        sealed = self._state_cipher.encrypt(nonce, plain, bound_to.encode("utf-8"))
        return base64.b64encode(nonce + sealed).decode("ascii")

    def unseal(self, token: str, *, bound_to: str) -> bytes:
        try:
            raw = base64.b64decode(token, validate=True)
            return self._state_cipher.decrypt(raw[:12], raw[12:], bound_to.encode("utf-8"))
        except (InvalidTag, ValueError) as error:
            raise ConfigError("stored data cannot be read with this SECRET_KEY") from error
