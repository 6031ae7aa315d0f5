"""A real SMTP server (aiosmtpd) on a free loopback port, that keeps what it receives, and can
refuse (550), ask for a login, or not be there at all (a closed port)."""

from __future__ import annotations

import asyncio
import socket
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

USER, PASSWORD = "mailer", "s3cret-pass"


def free_port() -> int:
    """A loopback port nothing listens on (yet)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Inbox:
    """What the server received; ``refuse`` makes it answer every recipient with 550."""

    messages: list[EmailMessage] = field(default_factory=list)
    refuse: bool = False
    delay: float = 0.0
    port: int = 0

    async def handle_RCPT(  # noqa: N802 - aiosmtpd's hook name
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if self.refuse:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        if self.delay:
            await asyncio.sleep(self.delay)  # a slow server, so senders overlap
        message = message_from_bytes(envelope.content, policy=default)
        assert isinstance(message, EmailMessage)
        self.messages.append(message)
        return "250 Message accepted"

    def to(self, address: str) -> list[EmailMessage]:
        return [message for message in self.messages if message["To"] == address]


def _login(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> AuthResult:
    ok = isinstance(data, LoginPassword) and (data.login, data.password) == (
        USER.encode(),
        PASSWORD.encode(),
    )
    return AuthResult(success=ok, handled=False)  # the server answers 535 itself


@contextmanager
def smtp_server(
    port: int | None = None, *, login: bool = False, inbox: Inbox | None = None
) -> Iterator[Inbox]:
    """Run the server for the ``with`` block; ``login``: it wants USER and PASSWORD."""
    inbox = inbox or Inbox()
    options: dict[str, Any] = {}
    if login:
        options = {"authenticator": _login, "auth_require_tls": False}
    with warnings.catch_warnings():  # login without TLS: fine on loopback, in a test
        warnings.simplefilter("ignore")
        controller = Controller(inbox, hostname="127.0.0.1", port=port or free_port(), **options)
        controller.start()
    inbox.port = int(controller.port)
    try:
        yield inbox
    finally:
        controller.stop()
