"""Who an opportunity fits: by age, role, area and interest, and never outside its audience."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass
from typing import Any

import pytest

from bot.opportunities.match import AREAS, INTERESTS, ROLES, fits, is_open, profile_ages


def audience(**limits: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "roles": [],
        "areas": [],
        "age_min": None,
        "age_max": None,
        "interests": [],
    }
    base.update(limits)
    return base


def person(**facts: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"role": None, "area": None, "age": None, "age_band": None}
    base["interests"] = []
    base.update(facts)
    return base


CASES = [
    # (audience, profile, fits?)
    (audience(), person(), True),
    (audience(roles=["young_person"]), person(role="young_person"), True),
    (audience(roles=["young_person"]), person(role="parent_carer"), False),
    (audience(roles=["young_person"]), person(), False),  # unknown role, limited audience
    (audience(roles=["young_person"]), person(role="skipped"), False),
    (audience(areas=["west_sussex"]), person(area="west_sussex"), True),
    (audience(areas=["west_sussex"]), person(area="east_sussex"), False),
    (audience(areas=["west_sussex"]), person(), False),
    (audience(age_min=11, age_max=15), person(age=14), True),
    (audience(age_min=11, age_max=15), person(age=16), False),
    (audience(age_min=11, age_max=15), person(age=10), False),
    (audience(age_min=11, age_max=15), person(), False),  # unknown age, age limits
    (audience(age_min=11, age_max=15), person(age_band="11_15"), True),
    (audience(age_min=11, age_max=15), person(age_band="11-15"), True),
    (audience(age_min=14, age_max=18), person(age_band="11-15"), False),  # part outside
    (audience(age_min=16), person(age=40), True),
    (audience(age_max=25), person(age=26), False),
    (audience(age_min=11, age_max=15), person(age=-1), False),  # a skipped age
    (audience(interests=["health"]), person(interests=["health", "school"]), True),
    (audience(interests=["health"]), person(interests=["school"]), False),
    (audience(interests=["health"]), person(), True),  # no interests named
    (audience(interests=["health"]), person(interests=None), True),
    (audience(), person(interests=["school"]), True),
    (
        audience(roles=["parent_carer"], areas=["east_sussex"], interests=["school"]),
        person(role="parent_carer", area="east_sussex", interests=["school"]),
        True,
    ),
    (
        audience(roles=["parent_carer"], areas=["east_sussex"], interests=["school"]),
        person(role="parent_carer", area="west_sussex", interests=["school"]),
        False,
    ),
]


@pytest.mark.parametrize(("limits", "profile", "expected"), CASES)
def test_the_table_of_cases(
    limits: dict[str, Any], profile: dict[str, Any], expected: bool
) -> None:
    assert fits(limits, profile) is expected


def test_never_outside_the_audience_over_every_profile() -> None:
    """Every combination of audience limits against every profile: whenever it fits, each
    known fact is inside the audience, and each limit is met by a known fact."""
    ages = [None, 9, 11, 15, 16, 25, 40]
    limits_by_age = [(None, None), (11, 15), (16, 25), (None, 18), (13, None)]
    checked = 0
    for roles, areas, (age_min, age_max), interests in itertools.product(
        [[], ["young_person"], ["parent_carer", "professional"]],
        [[], ["west_sussex"], ["east_sussex", "elsewhere"]],
        limits_by_age,
        [[], ["health"], ["school", "council"]],
    ):
        limits = audience(
            roles=roles, areas=areas, age_min=age_min, age_max=age_max, interests=interests
        )
        for role, area, age, named in itertools.product(
            [None, *ROLES], [None, *AREAS], ages, [[], ["health"], list(INTERESTS[:2])]
        ):
            profile = person(role=role, area=area, age=age, interests=named)
            if not fits(limits, profile):
                continue
            checked += 1
            assert not roles or role in roles
            assert not areas or area in areas
            if age_min is not None:
                assert age is not None and age >= age_min
            if age_max is not None:
                assert age is not None and age <= age_max
            assert not interests or not named or set(named) & set(interests)
    assert checked > 1000


def test_age_bands() -> None:
    assert profile_ages({"age_band": "19_25"}) == (19, 25)
    assert profile_ages({"age_band": "over_25"}) == (26, 120)
    assert profile_ages({"age": 12, "age_band": "19_25"}) == (12, 12)
    assert profile_ages({"age_band": "skipped"}) is None


@dataclass
class Row:
    status: str
    closes_on: dt.date | None


def test_open_means_published_and_not_past_its_closing_date() -> None:
    today = dt.date(2027, 3, 1)
    assert is_open(Row("published", None), today)
    assert is_open(Row("published", today), today)
    assert not is_open(Row("published", today - dt.timedelta(days=1)), today)
    assert not is_open(Row("draft", None), today)
    assert not is_open(Row("closed", today + dt.timedelta(days=5)), today)
