"""Parents (and role "other") are asked their own age, with adult buttons; professionals are
not. A parent's answer under 16 is their child's age: the bot goes on and never asks again.
Job titles said with describing words are read as a professional; a job in any line of work
next to "my son" is a parent. Whole turns through the real bot with a real SQLite file."""

from __future__ import annotations

import pytest

from bot.app import GetInvolved
from bot.engine.engine import TurnResult

PARENT_QUESTION = "How old are you? I mean you, not your child."
EASY_PARENT_QUESTION = "How old are you? I mean you, not your child."
ADULT_BUTTONS = [
    ("Over 25", '/inform{"age_band": "over_25"}'),
    ("Rather not say", "/skip"),
]
GO_ON = "I do not need your own age, so we can go on."


def texts(result: TurnResult) -> str:
    return "\n".join(reply.text for reply in result.replies)


async def say(
    bot: GetInvolved, sender: str, *said: str, easy_read: bool | None = None
) -> list[TurnResult]:
    """Every turn of the conversation, in order."""
    results = []
    for text in said:
        result = await bot.converse("test", sender, text, easy_read=easy_read)
        assert result.state is not None
        results.append(result)
    return results


def asked_age(results: list[TurnResult]) -> int:
    """How many turns ended on the age question."""
    return sum(1 for result in results if result.state.asking == "age")


async def test_a_parent_is_asked_their_own_age_with_adult_buttons(bot: GetInvolved) -> None:
    (result,) = await say(bot, "p", "I'm a mum")
    assert result.state.role == "parent_carer"
    assert result.state.asking == "age", "role, then age"
    question = result.replies[-1]
    assert question.text == PARENT_QUESTION
    assert [(b.title, b.payload) for b in question.buttons] == ADULT_BUTTONS
    assert "Under 11" not in [b.title for b in question.buttons]


async def test_easy_read_parents_get_the_shorter_question(bot: GetInvolved) -> None:
    await say(bot, "e", "hi", easy_read=True)
    (result,) = await say(bot, "e", "I'm a dad")
    assert result.state.asking == "age"
    assert result.replies[-1].text == EASY_PARENT_QUESTION
    assert [(b.title, b.payload) for b in result.replies[-1].buttons] == ADULT_BUTTONS


async def test_the_order_is_role_age_area_interests_for_a_parent(bot: GetInvolved) -> None:
    results = await say(bot, "o", "hi", "A parent or carer", "41", "Lewes", "health")
    assert [r.state.asking for r in results] == ["role", "age", "area", "interests", None]
    assert results[-1].state.profile() == {
        "age": 41,
        "role": "parent_carer",
        "area": "east_sussex",
        "interests": ["health"],
    }
    assert "espcf" in results[-1].state.routes


@pytest.mark.parametrize(
    ("answer", "band"),
    [("Over 25", "over_25"), ('/inform{"age_band": "19_25"}', "19_25")],
)
async def test_a_parent_can_tap_an_age_band(bot: GetInvolved, answer: str, band: str) -> None:
    _, result = await say(bot, "b", "I'm a dad in Crawley", answer)
    assert result.state.age_band == band and result.state.age is None
    assert result.state.asking == "interests"


async def test_a_parent_can_skip_their_age(bot: GetInvolved) -> None:
    results = await say(bot, "s", "I'm a mum in Worthing", "Rather not say", "school")
    assert "That is fine." in texts(results[1])
    assert results[1].state.asking == "interests"
    assert results[-1].state.profile()["age"] is None
    assert results[-1].state.routes


@pytest.mark.parametrize(("answer", "child"), [("9", 9), ("he is 9", 9), ("my son is 12", 12)])
async def test_a_parents_answer_under_16_is_their_childs_age(
    bot: GetInvolved, answer: str, child: int
) -> None:
    results = await say(bot, "c", "I'm a parent", answer, "Hastings", "his school")
    went_on = results[1]
    assert GO_ON in texts(went_on)
    assert "Sorry" not in texts(went_on) and "That is fine." not in texts(went_on)
    assert went_on.state.asking == "area", "it moves to the next question"
    assert went_on.state.child_age == child
    assert asked_age(results) == 1, "the age is never asked again"
    assert all("How old are you" not in texts(r) for r in results[1:])
    final = results[-1].state
    assert final.asking is None and final.routes
    assert final.profile()["age"] is None, "their own age stays unknown"
    assert final.age is None and final.age_band is None
    assert "young-voices" not in final.routes


async def test_a_parent_giving_both_ages_keeps_their_own(bot: GetInvolved) -> None:
    _, result = await say(bot, "b", "I'm a parent", "im 44 hes 11")
    assert result.state.age == 44
    assert result.state.profile()["age"] == 44
    assert "You are 44." in texts(result)
    assert GO_ON not in texts(result)
    assert result.state.asking == "area"


async def test_a_parent_of_16_or_more_is_taken_at_their_word(bot: GetInvolved) -> None:
    _, result = await say(bot, "y", "I'm a mum", "17")
    assert result.state.age == 17 and result.state.child_age is None
    assert GO_ON not in texts(result)


async def test_someone_else_is_asked_their_age_too(bot: GetInvolved) -> None:
    _, result = await say(bot, "x", "hi", "Someone else")
    assert result.state.role == "other"
    assert result.state.asking == "age"
    assert "How old are you?" in result.replies[-1].text


@pytest.mark.parametrize(
    "first", ['/inform{"role": "professional"}', "I work with children or families"]
)
async def test_a_professional_is_not_asked_their_age(bot: GetInvolved, first: str) -> None:
    results = await say(bot, "w", "hi", first, "Lewes", "school")
    assert results[1].state.role == "professional"
    assert results[1].state.asking == "area", "role, then area: no age"
    assert asked_age(results) == 0
    assert all("How old are you" not in texts(r) for r in results)


@pytest.mark.parametrize(
    ("message", "area"),
    [
        ("I'm a police youth engagement officer based in Crawley", "west_sussex"),
        ("Community pharmacist in Littlehampton here", "west_sussex"),
        ("I'm a riding instructor with the pony club in Horsham", "west_sussex"),
        ("I'm a midday supervisor at a primary school", None),
    ],
)
async def test_job_titles_with_describing_words_are_professionals(
    bot: GetInvolved, message: str, area: str | None
) -> None:
    (result,) = await say(bot, "j", message)
    assert result.state.role == "professional"
    assert "You work with children or families." in texts(result)
    assert result.state.area == area
    assert result.state.asking != "age", "professionals are not asked their age"


async def test_a_job_next_to_my_son_is_a_parent(bot: GetInvolved) -> None:
    (result,) = await say(bot, "t", "I'm a manager at Tesco and my son has autism")
    assert result.state.role == "parent_carer"
    assert "You are a parent or carer." in texts(result)
    assert result.state.asking == "age"
    assert result.replies[-1].text == PARENT_QUESTION
