"""The routing rules in content/rules.yml, checked against SPEC.md."""

from __future__ import annotations

from typing import Any

import pytest

from bot.content import Content
from bot.engine.nlu.interests import INTERESTS
from bot.routing import recommend


def routes(content: Content, **profile: Any) -> list[str]:
    return recommend(content, profile).routes


@pytest.mark.parametrize("age", [11, 15, 25])
def test_young_voices_for_11_to_25_in_west_sussex(content: Content, age: int) -> None:
    assert "young-voices" in routes(content, role="young_person", age=age, area="west_sussex")


@pytest.mark.parametrize("age", [9, 10, 26, 40])
def test_never_young_voices_outside_11_to_25(content: Content, age: int) -> None:
    assert "young-voices" not in routes(content, role="young_person", age=age, area="west_sussex")


def test_never_young_voices_for_parents_or_east_sussex(content: Content) -> None:
    assert "young-voices" not in routes(content, role="parent_carer", area="west_sussex")
    assert "young-voices" not in routes(content, role="young_person", age=14, area="east_sussex")


def test_young_voices_by_age_band_button(content: Content) -> None:
    assert "young-voices" in routes(
        content, role="young_person", age_band="16_18", area="west_sussex"
    )
    assert "young-voices" not in routes(
        content, role="young_person", age_band="under_11", area="west_sussex"
    )


def test_each_county_gets_its_own_forum(content: Content) -> None:
    west = routes(content, role="parent_carer", area="west_sussex")
    east = routes(content, role="parent_carer", area="east_sussex")
    assert "wspcf" in west and "espcf" not in west
    assert "espcf" in east and "wspcf" not in east


def test_outside_sussex_gets_only_the_national_route(content: Content) -> None:
    for role in ("young_person", "parent_carer", "professional", "other"):
        assert routes(content, role=role, area="elsewhere", interests=["health"]) == [
            "find-local-forum"
        ]


def test_under_11_is_pointed_to_school_and_a_parent(content: Content) -> None:
    found = recommend(content, {"role": "young_person", "age": 9, "area": "west_sussex"})
    assert found.routes == ["school-young-person"]
    assert found.notes == ["utter_under_11"]


def test_professionals_in_west_sussex(content: Content) -> None:
    assert "wspcf-professional" in routes(content, role="professional", area="west_sussex")


def test_interests_pick_the_topic_routes(content: Content) -> None:
    found = routes(
        content, role="parent_carer", area="west_sussex", interests=["health", "my_plan", "council"]
    )
    assert {"nhs-sussex", "my-plan", "local-offer-feedback"} <= set(found)


def test_every_route_is_reachable(content: Content) -> None:
    reached: set[str] = set()
    for role in ("young_person", "parent_carer", "professional", "other", None):
        for area in ("west_sussex", "east_sussex", "elsewhere", None):
            for interest in INTERESTS:
                reached |= set(routes(content, role=role, area=area, age=15, interests=[interest]))
    assert reached == set(content.routes)


def test_never_more_than_the_maximum(content: Content) -> None:
    everything = list(INTERESTS)
    assert (
        len(routes(content, role="parent_carer", area="west_sussex", interests=everything))
        <= content.rules.max_routes
    )


def test_over_25_young_people_hear_why_and_get_open_routes(content: Content) -> None:
    found = recommend(content, {"role": "young_person", "age": 27, "area": "west_sussex"})
    assert "young-voices" not in found.routes
    assert {"nhs-sussex", "local-offer-feedback"} <= set(found.routes)
    assert "utter_over_25" in found.notes
