"""The audience vocabulary a poll uses (the SPEC's, as routes and opportunities use it), and
the bands an answer keeps of the person who gave it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

ROLE_NAMES = {
    "young_person": "Young people",
    "parent_carer": "Parents and carers",
    "professional": "People who work with families",
    "other": "Someone else",
}
AREA_NAMES = {
    "west_sussex": "West Sussex",
    "east_sussex": "East Sussex",
    "elsewhere": "Somewhere else",
}
INTEREST_NAMES = {
    "school": "School or college",
    "health": "Health and the NHS",
    "council": "Council services and the Local Offer",
    "shaping_services": "Planning services",
    "my_plan": "Support plans",
    "meeting_others": "Meeting others",
}
# the conversation's age bands (bot/engine/nlu/understand.py AGE_BANDS), as words
AGE_BAND_NAMES = {
    "under_11": "Under 11",
    "11_15": "11 to 15",
    "16_18": "16 to 18",
    "19_25": "19 to 25",
    "over_25": "Over 25",
}
_BAND_AGES = {
    "under_11": (0, 10),
    "11_15": (11, 15),
    "16_18": (16, 18),
    "19_25": (19, 25),
    "over_25": (26, 120),
}
BREAKDOWN_NAMES = {"role": ROLE_NAMES, "area": AREA_NAMES, "age_band": AGE_BAND_NAMES}


def age_band(age: int | None, band: str | None) -> str | None:
    """The band an answer keeps: from the age, or the band the person gave; never the age."""
    if age is not None:
        for name, (low, high) in _BAND_AGES.items():
            if low <= age <= high:
                return name
        return None
    return band if band in _BAND_AGES else None


def profile_of(state: Any) -> dict[str, Any]:
    """The profile ``bot.opportunities.match.fits`` reads, from a conversation state."""
    return {
        "role": state.role,
        "area": state.area,
        "age": state.age,
        "age_band": state.age_band,
        "interests": list(state.interests or []),
    }


def audience_words(audience: Mapping[str, Any]) -> str:
    """Who a poll is for, in words, for the staff pages."""
    parts = []
    roles = [ROLE_NAMES[r] for r in audience.get("roles") or [] if r in ROLE_NAMES]
    parts.append(", ".join(roles) if roles else "Everyone")
    areas = [AREA_NAMES[a] for a in audience.get("areas") or [] if a in AREA_NAMES]
    parts.append("in " + ", ".join(areas) if areas else "in any area")
    low, high = audience.get("age_min"), audience.get("age_max")
    if low is not None and high is not None:
        parts.append(f"aged {low} to {high}")
    elif low is not None:
        parts.append(f"aged {low} or over")
    elif high is not None:
        parts.append(f"aged {high} or under")
    interests = [INTEREST_NAMES[i] for i in audience.get("interests") or [] if i in INTEREST_NAMES]
    if interests:
        parts.append("interested in " + ", ".join(interests).lower())
    return ", ".join(parts)
