"""SMTP_URL read once, and one email handed to the SMTP server (aiosmtplib).

``smtp://user:pass@host:587?starttls=true`` logs in after STARTTLS; ``smtps://`` is TLS from
the start (port 465); ``smtp://127.0.0.1:2525`` is plain, for tests. Without ``starttls`` in
the URL, STARTTLS is used when the server offers it. The password is kept out of ``repr`` and
every log line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from email.message import EmailMessage
from urllib.parse import parse_qs, unquote, urlsplit

import aiosmtplib

from bot.errors import ConfigError

TIMEOUT_SECONDS = 30.0
_YES, _NO = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    host: str
    port: int
    implicit_tls: bool = False
    starttls: bool | None = None  # None: when the server offers it
    username: str | None = None
    password: str | None = field(default=None, repr=False)

    @property
    def shown(self) -> str:
        """Where email goes, for logs: never the password."""
        login = f"{self.username}@" if self.username else ""
        scheme = "smtps" if self.implicit_tls else "smtp"
        return f"{scheme}://{login}{self.host}:{self.port}"


def parse_smtp_url(url: str) -> SmtpConfig:
    """Read SMTP_URL; a mistake fails at start with a message that does not repeat it."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("smtp", "smtps") or not parts.hostname:
        raise ConfigError("SMTP_URL must look like smtp://user:password@host:587?starttls=true")
    try:
        port = parts.port or (465 if parts.scheme == "smtps" else 587)
    except ValueError as error:
        raise ConfigError("SMTP_URL has a port that is not a number") from error
    starttls: bool | None = None
    wanted = parse_qs(parts.query).get("starttls", [""])[0].lower()
    if wanted in _YES:
        starttls = True
    elif wanted in _NO:
        starttls = False
    elif wanted:
        raise ConfigError("SMTP_URL: starttls must be true or false")
    return SmtpConfig(
        host=parts.hostname,
        port=port,
        implicit_tls=parts.scheme == "smtps",
        starttls=False if parts.scheme == "smtps" else starttls,
        username=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password) if parts.password else None,
    )


async def send_email(config: SmtpConfig, message: EmailMessage) -> None:
    """Hand one email to the server; raises ``aiosmtplib.SMTPException`` or ``OSError``."""
    await aiosmtplib.send(
        message,
        hostname=config.host,
        port=config.port,
        username=config.username,
        password=config.password,
        use_tls=config.implicit_tls,
        start_tls=config.starttls,
        timeout=TIMEOUT_SECONDS,
    )
