"""Who an opportunity fits (placeholder from the contract: H1's version wins at merge)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any


def _band_limits(band: str | None) -> tuple[int, int] | None:
    if not band or "-" not in band:
        return None
    low, _, high = band.partition("-")
    try:
        return int(low), int(high)
    except ValueError:
        return None


def fits(audience: Mapping[str, Any], profile: Mapping[str, Any]) -> bool:
    for key, field in (("roles", "role"), ("areas", "area")):
        wanted = list(audience.get(key) or [])
        if wanted and profile.get(field) not in wanted:
            return False
    age_min, age_max = audience.get("age_min"), audience.get("age_max")
    if age_min is not None or age_max is not None:
        age = profile.get("age")
        if age is not None:
            if (age_min is not None and age < age_min) or (age_max is not None and age > age_max):
                return False
        else:
            limits = _band_limits(profile.get("age_band"))
            if limits is None:
                return False
            low, high = limits
            if (age_min is not None and high < age_min) or (age_max is not None and low > age_max):
                return False
    wanted_interests = set(audience.get("interests") or [])
    have = set(profile.get("interests") or [])
    return not wanted_interests or not have or bool(wanted_interests & have)


def is_open(row: Any, today: dt.date) -> bool:
    return bool(row.status == "published" and (row.closes_on is None or row.closes_on >= today))
