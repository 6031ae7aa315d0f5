"""The hash checked for an unknown email costs what a real one costs."""

from __future__ import annotations

from argon2 import extract_parameters

from bot.passwords import _HASHER, DUMMY_HASH, hash_password, verify_password


def test_dummy_hash_has_the_hashers_own_parameters() -> None:
    real = hash_password("a real password of some length")
    assert extract_parameters(DUMMY_HASH) == extract_parameters(real)
    assert not _HASHER.check_needs_rehash(DUMMY_HASH)
    assert verify_password(DUMMY_HASH, "not-a-real-password-for-timing")
    assert not verify_password(DUMMY_HASH, "a real password of some length")
