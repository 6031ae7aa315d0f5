"""Understanding of free text: ages, roles, places, interests, commands."""

from __future__ import annotations

import pytest

from bot.engine.nlu.understand import Understander


@pytest.mark.parametrize(
    ("text", "asking", "age", "child_age"),
    [
        ("15", "age", 15, None),
        ("fifteen", "age", 15, None),
        ("I'm 15 yrs old", None, 15, None),
        ("im twenty one", None, 21, None),
        ("twenty-three", "age", 23, None),
        ("13 nearly 14", "age", 13, None),
        ("nearly 16", "age", 15, None),
        ("year 9", "age", 13, None),
        ("yr 11", "age", 15, None),
        ("my son is 9", None, None, 9),
        ("hes 12", "age", None, 12),
        ("mum of a 7 year old", None, None, 7),
        ("I'm 38 and my daughter is 6", None, 38, 6),
        ("my boy who is 10 goes to school in Lewes", None, None, 10),
        ("call me on 07700 900123", None, None, None),
        ("I have 2 kids", None, None, None),
        ("rather not say", "age", None, None),
        ("im 16 oops no 17 in march", None, 17, None),
        ("11 sorry i mean 12", "age", 12, None),
        ("bognor 13", None, 13, None),
        ("TN22 17", None, 17, None),
        ("bus 12", None, None, None),
        ("flat 14", "area", None, None),
    ],
)
def test_ages(
    understander: Understander,
    text: str,
    asking: str | None,
    age: int | None,
    child_age: int | None,
) -> None:
    understood = understander.understand(text, asking=asking)
    assert (understood.age, understood.child_age) == (age, child_age)


@pytest.mark.parametrize(
    ("text", "asking", "role"),
    [
        ("I'm a mum", None, "parent_carer"),
        ("mum here, from Hastings", None, "parent_carer"),
        ("her grandmother, I look after her", "role", "parent_carer"),
        ("we foster two lads", None, "parent_carer"),
        ("parant", "role", "parent_carer"),
        ("SENCO", "role", "professional"),
        ("I work for the NHS", None, "professional"),
        ("I'm an officer at the county council", None, "professional"),
        ("teachr", "role", "professional"),
        ("I'm the young person", "role", "young_person"),
        ("me", "role", "young_person"),
        ("my mum said I should ask", None, "young_person"),
        ("i look after my mum, im 14", None, "young_person"),
        ("none of those", "role", "other"),
        ("I want to meet other parents", None, None),
        ("my son's teacher is great", None, "parent_carer"),
        ("the doctors never listen", None, None),
        ("I'm bringing up my nephew in Uckfield", None, "parent_carer"),
        ("childrens occupational therapist in Worthing", None, "professional"),
        ("I teach year 5 in Burgess Hill", None, "professional"),
        ("so angry. crawley. daughter 12. who do i talk to", None, "parent_carer"),
        ("Lewes, 4yo, not talking yet", None, "parent_carer"),
        ("can my son join the parent forum", "role", "parent_carer"),
        ("district councillor for Wealden", None, "professional"),
        ("im a teacher, oops sorry i meant im the parent", None, "parent_carer"),
        ("I'm a mum and I also work as a teacher", None, "parent_carer"),
        ("52, dyslexic, not a parent, in Bexhill", None, "other"),
        ("i am 29 and got diagnosed with autism this year", None, "other"),
        ("im the one who is deaf, im 41", None, "other"),
        ("an adult with my own needs", "role", "other"),
        ("I commission speech therapy services for the council", None, "professional"),
    ],
)
def test_roles(understander: Understander, text: str, asking: str | None, role: str | None) -> None:
    assert understander.understand(text, asking=asking).role == role


@pytest.mark.parametrize(
    ("text", "asking", "area"),
    [
        ("Horsham", "area", "west_sussex"),
        ("horsam", "area", "west_sussex"),
        ("we live near chichster", None, "west_sussex"),
        ("East Grinstead", "area", "west_sussex"),
        ("Crowborough", "area", "east_sussex"),
        ("eastborne", "area", "east_sussex"),
        ("I'm in Battle", None, "east_sussex"),
        ("it's a battle with the school", None, None),
        ("im 15 from burges hil", None, "west_sussex"),
        ("we moved to littlehamton in may", None, "west_sussex"),
        ("a letter from the school came", None, None),
        ("Brighton", "area", "elsewhere"),
        ("Croydon", "area", "elsewhere"),
        ("W Sussex", "area", "west_sussex"),
        ("I live in surrey but my son goes to college in Crawley", None, "elsewhere"),
    ],
)
def test_areas(understander: Understander, text: str, asking: str | None, area: str | None) -> None:
    assert understander.understand(text, asking=asking).area == area


def test_sussex_alone_is_ambiguous(understander: Understander) -> None:
    understood = understander.understand("sussex", asking="area")
    assert understood.area is None and understood.area_ambiguous


def test_brighton_is_its_own_council(understander: Understander) -> None:
    understood = understander.understand("Hove", asking="area")
    assert (understood.area, understood.council) == ("elsewhere", "brighton_and_hove")


@pytest.mark.parametrize(
    ("text", "interests"),
    [
        ("college", ["school"]),
        ("skool", ["school"]),
        ("the doctors", ["health"]),
        ("CAMHS and the GP", ["health"]),
        ("the Local Offer website", ["council"]),
        ("being on a panel", ["shaping_services"]),
        ("meet other parents", ["meeting_others"]),
        ("helping other young carers", ["meeting_others"]),
        ("the together for change panel", ["shaping_services"]),
        ("help improve the system for kids like mine", ["shaping_services"]),
        ("his EHCP", ["my_plan"]),
        ("the long term plan for services", ["shaping_services"]),
        ("school transport", ["council"]),
        (
            "everything",
            ["school", "health", "council", "shaping_services", "my_plan", "meeting_others"],
        ),
    ],
)
def test_interests(understander: Understander, text: str, interests: list[str]) -> None:
    assert understander.understand(text, asking="interests").interests == interests


def test_background_topics_are_not_taken_as_interests(understander: Understander) -> None:
    assert understander.understand("my daughter is 17 and at college").interests == []
    assert understander.understand("I want to help his school").interests == ["school"]


def test_several_facts_in_one_message(understander: Understander) -> None:
    understood = understander.understand(
        "hi im a mum in crawley my son is 9 and i want to help his school"
    )
    assert (understood.role, understood.area, understood.age, understood.child_age) == (
        "parent_carer",
        "west_sussex",
        None,
        9,
    )
    assert understood.interests == ["school"]


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("help", "help"),
        ("hlep", "help"),
        ("start again", "restart"),
        ("/start", "restart"),
        ("go back", "back"),
        ("delete my data", "forget"),
        ("please delete my data now", "forget"),
        ("/forget", "forget"),
        ("rather not say", "skip"),
        ("dunno", "skip"),
        ("tell me more", "more"),
        ("I want to help his school", None),
    ],
)
def test_commands(understander: Understander, text: str, intent: str | None) -> None:
    assert understander.understand(text).intent == intent


def test_button_payloads(understander: Understander) -> None:
    understood = understander.understand('/inform{"role": "parent_carer"}')
    assert understood.role == "parent_carer" and understood.from_button
    assert understander.understand('/inform{"age_band": "16_18"}').age_band == "16_18"
    assert understander.understand('/inform{"interests": ["health"]}').interests == ["health"]
    assert understander.understand('/inform{"role": "king"}').role is None


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("I'm in year 8 at a school in Burgess Hill", "young_person"),
        ("im 14 and at a school in Crawley", "young_person"),
        ("I am a nurse in the NHS", "professional"),
        ("mum hasnt been home for days", None),
    ],
)
def test_school_is_not_a_workplace_for_pupils(
    understander: Understander, text: str, role: str | None
) -> None:
    understood = understander.understand(text)
    assert understood.role == role or (role is None and understood.role != "parent_carer")


def test_under_11_typed_is_a_band_not_an_age(understander: Understander) -> None:
    understood = understander.understand("under 11", asking="age")
    assert (understood.age, understood.age_band) == (None, "under_11")


@pytest.mark.parametrize(
    ("text", "role", "area", "age"),
    [
        ("Bognor. 13. Me. School stuff.", "young_person", "west_sussex", 13),
        ("yo 17 ws, wanna talk about college", "young_person", "west_sussex", 17),
        ("es mum, CAMHS waiting list is ridiculous", "parent_carer", "east_sussex", None),
        ("Redhill, Surrey - parent, CAMHS issues", "parent_carer", "elsewhere", None),
        ("I turned 18 last month", "young_person", None, 18),
        (
            "I'm a teacher but asking as a mum. We're in Worthing.",
            "parent_carer",
            "west_sussex",
            None,
        ),
        (
            "I work for the council but this is about my own son, Eastbourne",
            "parent_carer",
            "east_sussex",
            None,
        ),
    ],
)
def test_facts_in_unusual_shapes(
    understander: Understander, text: str, role: str | None, area: str | None, age: int | None
) -> None:
    understood = understander.understand(text)
    assert (understood.role, understood.area, understood.age) == (role, area, age)


def test_a_birthday_gives_an_age(understander: Understander) -> None:
    import datetime as dt

    year = dt.date.today().year - 15
    assert understander.understand(f"I was born in January {year}").age == 15


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("I'm 51 and I have dyspraxia myself, I live in Lewes", "other"),
        ("im an autistic adult, not anyones parent", "other"),
        ("23 and I have autism myself, Worthing", "young_person"),
        ("hello, just looking", None),
        ("I run the chess club at our library for disabled children", "professional"),
        ("school crossing patrol officer in Seaford here", "professional"),
    ],
)
def test_own_needs_browsing_and_what_people_run(
    understander: Understander, text: str, role: str | None
) -> None:
    assert understander.understand(text).role == role


def test_a_question_that_starts_with_how_is_not_feedback(understander: Understander) -> None:
    understood = understander.understand(
        "I coach a football team for disabled kids in Horsham. "
        "How do we find out what families want?"
    )
    assert understood.intent != "feedback"


def test_a_professional_s_own_field_and_asking_to_take_part_give_the_interest(
    understander: Understander,
) -> None:
    assert understander.understand("GP in Hailsham, families ask me about this").interests == [
        "health"
    ]
    assert (
        "shaping_services"
        in understander.understand("im 15, could i become a young inspector").interests
    )
    assert understander.understand("I'm 52, dyslexic myself, not a parent").role == "other"


def test_a_complaint_that_ends_how_is_that_acceptable_is_still_feedback(
    understander: Understander,
) -> None:
    understood = understander.understand(
        "the wait for his hearing test is 14 months and he is 4, how is that acceptable?"
    )
    assert understood.intent == "feedback"
