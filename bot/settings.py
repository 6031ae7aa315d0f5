"""One settings object, read once in ``main()`` and passed down."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from bot.resources import PROJECT_ROOT, bundled_dir

__all__ = ["PROJECT_ROOT", "Settings"]


class Settings(BaseSettings):
    """Configuration from environment variables and an optional ``.env`` file.

    Every value has a default that works with no configuration at all.
    """

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field(
        default="sqlite+aiosqlite:///getinvolved.db",
        description="SQLAlchemy URL. Default: a SQLite file in the working directory.",
    )
    redis_url: str | None = None
    telegram_bot_token: str | None = None
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: str | None = None
    secret_key: str | None = None
    retention_days: int = Field(default=365, ge=1)
    # an item waiting for an answer is overdue after this many working days (Monday to Friday)
    answer_target_days: int = Field(default=20, ge=1, le=1000)
    conversation_expiry_minutes: int = Field(default=60 * 24, ge=1)
    # in the installed package (bot/bundled/) or, in a checkout, the repository's folders
    content_dir: Path = Field(default_factory=lambda: bundled_dir("content"))
    dialogues_dir: Path = Field(default_factory=lambda: bundled_dir("dialogues"))
    frontend_dir: Path = Field(default_factory=lambda: bundled_dir("frontend"))
    max_message_chars: int = Field(default=1000, ge=50)
    host: str = "127.0.0.1"
    port: int = Field(default=8080, ge=0, le=65535)
    secure_cookies: bool = False
    metrics_token: str | None = None  # /metrics needs 'Authorization: Bearer <token>'
    rate_limit_burst: float = Field(default=20, ge=1)
    rate_limit_per_second: float = Field(default=2, gt=0)
    new_sessions_burst: float = Field(default=60, ge=1)
    new_sessions_per_second: float = Field(default=1, gt=0)
    telegram_api_base_url: str | None = None  # a Bot API stand-in for tests
    embed_origins: str = "*"
    # email (bot/notify/): off while SMTP_URL is unset, e.g. smtp://user:pass@host:587?starttls=true
    smtp_url: str | None = Field(default=None, repr=False)  # holds a password: never shown
    email_from: str = "Get Involved <no-reply@localhost>"
    public_base_url: str | None = None  # links in emails; default http://HOST:PORT
    # opt-in alerts (bot/alerts/): at most this many a person per UK day, never in quiet hours
    alerts_daily_cap: int = Field(default=1, ge=1, le=50)
    alerts_quiet_hours: str = "21-08"  # UK time, from hour - to hour; "" for none
    alerts_interval_seconds: float = Field(default=30.0, gt=0)  # the sender's round

    @field_validator("alerts_quiet_hours")
    @classmethod
    def _quiet_hours(cls, value: str) -> str:
        from bot.alerts.timing import parse_quiet_hours

        parse_quiet_hours(value)
        return value

    @property
    def base_url(self) -> str:
        """Where staff reach these pages from an email link."""
        return (self.public_base_url or f"http://{self.host}:{self.port}").rstrip("/")

    @field_validator("database_url")
    @classmethod
    def _async_driver(cls, value: str) -> str:
        """Accept plain ``sqlite:///`` and ``postgresql://`` URLs and pick the async driver."""
        if value.startswith("sqlite:///"):
            return "sqlite+aiosqlite:///" + value.removeprefix("sqlite:///")
        if value.startswith(("postgres://", "postgresql://")):
            return "postgresql+asyncpg://" + value.split("://", 1)[1]
        return value
