"""Encryption at rest: conversation state and contact details, keyed from SECRET_KEY."""

from __future__ import annotations

import pytest

from bot.errors import ConfigError
from bot.keys import Keys

SECRET = "a-test-secret-" + "k" * 40


def test_sealed_state_opens_only_for_its_own_conversation() -> None:
    keys = Keys(SECRET)
    token = keys.seal(b'{"area": "west_sussex"}', bound_to="web:alice")
    assert "west_sussex" not in token
    assert keys.unseal(token, bound_to="web:alice") == b'{"area": "west_sussex"}'
    with pytest.raises(ConfigError):
        keys.unseal(token, bound_to="web:bob")


def test_sealing_the_same_state_twice_gives_different_tokens() -> None:
    keys = Keys(SECRET)
    assert keys.seal(b"same", bound_to="web:a") != keys.seal(b"same", bound_to="web:a")


def test_another_secret_or_a_changed_token_cannot_be_read() -> None:
    token = Keys(SECRET).seal(b"state", bound_to="web:a")
    with pytest.raises(ConfigError):
        Keys(SECRET + "x").unseal(token, bound_to="web:a")
    tampered = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    with pytest.raises(ConfigError):
        Keys(SECRET).unseal(tampered, bound_to="web:a")
    with pytest.raises(ConfigError):
        Keys(SECRET).unseal("not base64 at all!", bound_to="web:a")


def test_contacts_round_trip_and_stay_unreadable_without_the_secret() -> None:
    token = Keys(SECRET).encrypt({"email": "sam@example.org"})
    assert "sam@example.org" not in token
    assert Keys(SECRET).decrypt(token) == {"email": "sam@example.org"}
    with pytest.raises(ConfigError):
        Keys(SECRET + "x").decrypt(token)
