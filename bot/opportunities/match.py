"""Who an opportunity is for, and whether it is still open.

An audience is ``{"roles": [...], "areas": [...], "age_min": int|None, "age_max": int|None,
"interests": [...]}`` in the SPEC vocabulary. An empty list (or no age limit) means "anyone".
The rules are strict, so nobody is offered a chance that is not for them:

- a known role, area or age outside the audience never fits;
- an unknown role or area never fits an audience that limits it;
- an unknown age fits only an audience with no age limits; an age band fits only when the
  whole band is inside the limits;
- interests fit when the audience lists none, the person named none, or they share one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, Protocol

from bot.engine.nlu.understand import AGE_BANDS

ROLES = ("young_person", "parent_carer", "professional", "other")
AREAS = ("west_sussex", "east_sussex", "elsewhere")
INTERESTS = ("school", "health", "council", "shaping_services", "my_plan", "meeting_others")
_BAND = re.compile(r"^(\d{1,3})\D+(\d{1,3})$")


class HasStatus(Protocol):
    status: str
    closes_on: dt.date | None


def _known(value: Any) -> Any:
    return None if value in ("", "skipped", "unknown") else value


def profile_ages(profile: Mapping[str, Any]) -> tuple[int, int] | None:
    """The person's age as a range: exact when typed, a band ("11_15" or "11-15") when
    a button was pressed; None when unknown."""
    age = profile.get("age")
    if isinstance(age, int | float) and not isinstance(age, bool) and age >= 0:
        return int(age), int(age)
    band = _known(profile.get("age_band"))
    if not isinstance(band, str):
        return None
    key = band.replace("-", "_")
    if key in AGE_BANDS:
        return AGE_BANDS[key]
    found = _BAND.match(band)
    if found:
        low, high = int(found.group(1)), int(found.group(2))
        return (low, high) if low <= high else None
    return None


def _limited(allowed: Any) -> list[str]:
    return [str(item) for item in allowed or []]


def fits(audience: Mapping[str, Any], profile: Mapping[str, Any]) -> bool:
    """Is an opportunity with this audience for this person? (See the module's rules.)"""
    for key in ("role", "area"):
        allowed = _limited(audience.get(f"{key}s"))
        value = _known(profile.get(key))
        if allowed and value not in allowed:
            return False
    age_min, age_max = audience.get("age_min"), audience.get("age_max")
    if age_min is not None or age_max is not None:
        ages = profile_ages(profile)
        if ages is None:
            return False
        low, high = ages
        if age_min is not None and low < int(age_min):
            return False
        if age_max is not None and high > int(age_max):
            return False
    wanted = set(_limited(audience.get("interests")))
    interests = _known(profile.get("interests"))
    has = {str(item) for item in interests or [] if item not in ("skipped", "unknown")}
    return not wanted or not has or bool(wanted & has)


def is_open(row: HasStatus, today: dt.date) -> bool:
    """Published, and its closing date (if any) is today or later."""
    return row.status == "published" and (row.closes_on is None or row.closes_on >= today)
