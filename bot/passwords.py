"""Staff passwords, hashed with Argon2 (argon2-cffi)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_HASHER = PasswordHasher()
MIN_PASSWORD_CHARS = 12


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD_CHARS:
        raise ValueError(f"a password needs at least {MIN_PASSWORD_CHARS} characters")
    return _HASHER.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


# A real hash to check against when the email is unknown, so timing does not reveal it. It is
# written out rather than made at import: making it costs 64 MB and a fraction of a second at
# every start. tests/test_passwords.py checks it has the hasher's own parameters.
DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$"
    "bat0m9CErOTPXMjGCS763Q$bh23X7SBuphSWkwbRY9FdNX1sz2zwtgg+V3tfhjB6gs"
)
