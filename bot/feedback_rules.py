"""Small rules about feedback that the engine and the feedback service share."""

from __future__ import annotations

import re

import phonenumbers

UNDER_13 = 13
_UK_PHONE = re.compile(r"(?:\+44\s?|\b0)\d{2,4}[\s-]?\d{3}[\s-]?\d{3,4}\b")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def age_band(age: int | None, band: str | None) -> str | None:
    """Keep a band, never the exact age."""
    if band:
        return band
    if age is None:
        return None
    if age < 11:
        return "under_11"
    if age <= 15:
        return "11_15"
    if age <= 18:
        return "16_18"
    if age <= 25:
        return "19_25"
    return "over_25"


def may_give_contact(role: str | None, age: int | None, band: str | None) -> bool:
    """Under-13s give feedback anonymously only; a young person must tell us they are 13+."""
    if age is not None:
        return age >= UNDER_13
    if band in ("under_11", "11_15"):
        return False
    return not (role == "young_person" and band is None)


def read_contact(text: str) -> dict[str, str]:
    """An email address and/or UK phone number typed by the person."""
    found: dict[str, str] = {}
    email = _EMAIL.search(text)
    if email:
        found["email"] = email.group(0)
    for match in phonenumbers.PhoneNumberMatcher(text, "GB"):
        found["phone"] = phonenumbers.format_number(
            match.number, phonenumbers.PhoneNumberFormat.E164
        )
        break
    if "phone" not in found:
        shaped = _UK_PHONE.search(text)
        if shaped:
            found["phone"] = re.sub(r"[^\d+]", "", shaped.group(0))
    return found
