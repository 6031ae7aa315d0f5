"""SMTP_URL: what each form means, and that a mistake is refused without repeating it."""

from __future__ import annotations

import pytest

from bot.errors import ConfigError
from bot.notify.smtp import SmtpConfig, parse_smtp_url


def test_starttls_with_a_login() -> None:
    config = parse_smtp_url("smtp://me%40council.example:p%40ss@mail.example:587?starttls=true")
    assert config == SmtpConfig(
        "mail.example", 587, starttls=True, username="me@council.example", password="p@ss"
    )
    assert "p@ss" not in repr(config) and "p@ss" not in config.shown


def test_implicit_tls_and_plain() -> None:
    assert parse_smtp_url("smtps://u:p@mail.example") == SmtpConfig(
        "mail.example", 465, implicit_tls=True, starttls=False, username="u", password="p"
    )
    assert parse_smtp_url("smtp://127.0.0.1:2525?starttls=false") == SmtpConfig(
        "127.0.0.1", 2525, starttls=False
    )
    assert parse_smtp_url("smtp://127.0.0.1:2525").starttls is None  # when offered


@pytest.mark.parametrize(
    "url", ["http://secret@mail.example", "smtp://", "smtp://h:notaport", "smtp://h?starttls=maybe"]
)
def test_mistakes_are_refused_without_the_url(url: str) -> None:
    with pytest.raises(ConfigError) as refused:
        parse_smtp_url(url)
    assert "secret" not in str(refused.value) and "maybe" not in str(refused.value)
