"""Pick the routes that fit a profile, using the rules in ``content/rules.yml``."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.content.models import Audience, Condition, Content
from bot.engine.nlu.understand import AGE_BANDS

UNKNOWN = "unknown"


@dataclass(slots=True)
class Recommendation:
    routes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # response names to send with the routes
    fired: list[str] = field(default_factory=list)  # rule ids, for explaining decisions


def age_range(profile: Mapping[str, Any]) -> tuple[int, int] | None:
    """The person's age as a range: exact when typed, a band when a button was pressed."""
    age = profile.get("age")
    if isinstance(age, int | float):
        return int(age), int(age)
    band = profile.get("age_band")
    if band in AGE_BANDS:
        return AGE_BANDS[band]
    return None


def _fits_list(allowed: Sequence[str] | None, value: str | None) -> bool:
    if allowed is None:
        return True
    return (value if value else UNKNOWN) in allowed


def condition_fits(condition: Condition, profile: Mapping[str, Any]) -> bool:
    """Does a rule's condition fit? Age conditions need a known age."""
    if not _fits_list(condition.roles, profile.get("role")):
        return False
    if not _fits_list(condition.areas, profile.get("area")):
        return False
    if condition.interests is not None:
        interests = profile.get("interests") or []
        wanted = set(condition.interests)
        if not (wanted & set(interests)) and not (UNKNOWN in wanted and not interests):
            return False
    if condition.age_min is not None or condition.age_max is not None:
        ages = age_range(profile)
        if ages is None:
            return False
        low, high = ages
        if condition.age_min is not None and low < condition.age_min:
            return False
        if condition.age_max is not None and high > condition.age_max:
            return False
    return True


def audience_fits(audience: Audience, profile: Mapping[str, Any]) -> bool:
    """Is a route for this person? Only what we know can rule a route out."""
    role = profile.get("role")
    if role and role not in audience.roles:
        return False
    area = profile.get("area")
    if area and area not in audience.areas:
        return False
    ages = age_range(profile)
    if ages is not None:
        low, high = ages
        if audience.age_min is not None and high < audience.age_min:
            return False
        if audience.age_max is not None and low > audience.age_max:
            return False
    return True


def recommend(content: Content, profile: Mapping[str, Any]) -> Recommendation:
    """Routes for ``profile`` (keys role, age, age_band, area, interests), best first."""
    result = Recommendation()
    for rule in content.rules.rules:
        if rule.only_if_nothing and result.routes:
            continue
        if not condition_fits(rule.when, profile):
            continue
        offered = [
            route_id
            for route_id in rule.offer
            if audience_fits(content.routes[route_id].audience, profile)
        ]
        if not offered and not rule.say:
            continue
        result.fired.append(rule.id)
        for route_id in offered:
            if route_id not in result.routes:
                result.routes.append(route_id)
        if rule.say and rule.say not in result.notes:
            result.notes.append(rule.say)
        if rule.only:
            break
    del result.routes[content.rules.max_routes :]
    return result
