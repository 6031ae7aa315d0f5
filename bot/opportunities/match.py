"""Who an opportunity (or a poll) is for (PLACEHOLDER from CONTRACT-15; H1's version wins)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any


def _age_range(band: str | None) -> tuple[int, int] | None:
    if not band:
        return None
    if band.startswith("under_") and band[6:].isdigit():
        return 0, int(band[6:]) - 1
    if band.startswith("over_") and band[5:].isdigit():
        return int(band[5:]) + 1, 200
    low, _, high = band.replace("_", "-").partition("-")
    if low.isdigit() and high.isdigit():
        return int(low), int(high)
    if band.endswith("+") and band[:-1].isdigit():
        return int(band[:-1]), 200
    return None


def fits(audience: Mapping[str, Any], profile: Mapping[str, Any]) -> bool:
    """Does a person with ``profile`` (role, area, age, age_band, interests) fit ``audience``?"""
    for key, value in (("roles", profile.get("role")), ("areas", profile.get("area"))):
        limited = list(audience.get(key) or [])
        if limited and value not in limited:
            return False  # a known value outside it, or an unknown one where it is limited
    age_min, age_max = audience.get("age_min"), audience.get("age_max")
    if age_min is not None or age_max is not None:
        age = profile.get("age")
        if isinstance(age, int):
            low = high = age
        else:
            band = _age_range(profile.get("age_band"))
            if band is None:
                return False  # an unknown age fits only an audience with no age limits
            low, high = band
        if age_min is not None and high < age_min:
            return False
        if age_max is not None and low > age_max:
            return False
    wanted = list(audience.get("interests") or [])
    interests = list(profile.get("interests") or [])
    return not wanted or not interests or bool(set(wanted) & set(interests))


def is_open(row: Any, today: dt.date) -> bool:
    return row.status == "published" and (row.closes_on is None or row.closes_on >= today)
