"""Safety in every state of a conversation: emergency contacts first, nothing stored, the
right words for each kind of danger, and a check-in that lets the person carry on."""

from __future__ import annotations

import pytest

from bot.app import GetInvolved
from bot.engine.engine import TurnResult

DANGER = "ive written my goodbye letters and i am going to do it tonight"

# What to say to reach each point of the conversation.
REACH = {
    "first": [],
    "role": ["hi"],
    "age": ["hi", "a young person"],
    "area": ["hi", "a young person", "15"],
    "interests": ["hi", "a young person", "15", "Crawley"],
    "after routes": ["hi", "a young person", "15", "Crawley", "school"],
    "feedback_text": ["hi", "/feedback"],
    "consent": ["hi", "/feedback", "The lunch hall is far too loud for me."],
}


async def say(bot: GetInvolved, sender: str, *texts: str) -> TurnResult:
    result = None
    for text in texts:
        result = await bot.converse("test", sender, text)
    assert result is not None
    return result


@pytest.mark.parametrize("point", list(REACH))
async def test_danger_gets_emergency_contacts_first_at_every_point(
    bot: GetInvolved, point: str
) -> None:
    before = await say(bot, point, *REACH[point]) if REACH[point] else None
    result = await say(bot, point, DANGER)
    assert result.crisis
    assert "999" in result.replies[0].text
    assert "Samaritans" in result.replies[0].text
    assert result.state is not None and result.state.feedback_id is None
    assert result.state.pending_feedback is None
    if before is not None and before.state is not None and before.state.asking == "consent":
        assert result.state.asking != "consent"  # the feedback was dropped, not stored


async def test_a_disclosure_is_believed_and_told_who_can_act(bot: GetInvolved) -> None:
    result = await say(bot, "d", "my mums boyfriend comes into my bedroom at night and hurts me")
    text = result.replies[0].text
    assert result.crisis and "999" in text
    assert "I believe you" in text and "not your fault" in text
    assert "computer" in text and "Childline" in text


async def test_someone_else_in_danger_gets_the_nspcc_for_adults(bot: GetInvolved) -> None:
    result = await say(
        bot, "o", "my friend said she is going to take all her pills tonight and said bye"
    )
    assert result.crisis and "999" in result.replies[0].text
    result = await say(bot, "p", "my sister who is 12 keeps meeting a 28 year old man from snap")
    assert result.crisis
    assert "NSPCC" in result.replies[0].text


async def test_a_check_in_lets_the_conversation_carry_on(bot: GetInvolved) -> None:
    asked = await say(bot, "c", "hi", "a young person")
    assert asked.state is not None and asked.state.asking == "age"
    result = await say(bot, "c", "everything feels like too much and i cant cope lately")
    assert result.crisis  # the support lines were shown
    assert "Are you safe right now?" in result.replies[0].text
    assert "999" in result.replies[0].text
    assert result.state is not None and result.state.asking == "age"
    carried_on = await say(bot, "c", "/affirm")
    assert not carried_on.crisis
    assert "How old are you?" in carried_on.replies[-1].text
    answered = await say(bot, "c", "14")
    assert answered.state is not None and answered.state.age == 14


async def test_i_am_not_safe_gives_the_emergency_contacts(bot: GetInvolved) -> None:
    await say(bot, "n", "hi", "everything feels like too much and i cant cope lately")
    result = await say(bot, "n", "/crisis")
    assert result.crisis and "999" in result.replies[0].text


async def test_figures_of_speech_are_not_crises_in_any_state(bot: GetInvolved) -> None:
    for point, texts in REACH.items():
        if texts:
            await say(bot, f"f-{point}", *texts)
        result = await say(bot, f"f-{point}", "this form is honestly killing me")
        assert not result.crisis, point


async def test_a_yes_to_passing_it_on_said_in_distress_is_asked_for_again(
    bot: GetInvolved,
) -> None:
    await say(bot, "y", "hi", "/feedback", "The taxi is late every single morning.")
    result = await say(bot, "y", "yes pass it on, sorry im crying so much i cant cope any more")
    assert result.crisis and "Are you safe right now?" in result.replies[0].text
    assert result.state is not None and result.state.asking == "consent"
    assert result.state.feedback_id is None  # nothing stored on that answer
    stored = await say(bot, "y", "yes, anonymously")
    assert stored.state is not None and stored.state.feedback_id is not None


async def test_a_no_said_in_distress_is_still_a_no(bot: GetInvolved) -> None:
    await say(bot, "z", "hi", "/feedback", "The taxi is late every single morning.")
    result = await say(bot, "z", "no leave it, i cant cope with anything any more")
    assert result.crisis
    assert result.state is not None and result.state.feedback_id is None
    assert result.state.asking != "consent"
