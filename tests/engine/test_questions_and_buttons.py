"""Questions get short true answers and the conversation carries on; typed button words
work like the button; an unclear consent is asked once more and then taken as no."""

from __future__ import annotations

from bot.app import GetInvolved
from bot.engine.engine import TurnResult


async def say(bot: GetInvolved, sender: str, *texts: str) -> TurnResult:
    result = None
    for text in texts:
        result = await bot.converse("test", sender, text)
    assert result is not None and result.state is not None
    return result


def all_text(result: TurnResult) -> str:
    return "\n".join(reply.text for reply in result.replies)


async def test_a_question_is_answered_and_the_question_asked_again(bot: GetInvolved) -> None:
    before = await say(bot, "q", "hi")
    assert before.state is not None and before.state.asking == "role"
    result = await say(bot, "q", "what is young voices?")
    assert "11 to 25" in all_text(result)
    assert result.state is not None and result.state.asking == "role"
    assert "Who are you?" in result.replies[-1].text


async def test_a_question_with_facts_answers_and_learns(bot: GetInvolved) -> None:
    result = await say(bot, "qf", "I'm a mum in Lewes, what is co-production?")
    assert "equal partners" in all_text(result)
    assert result.state is not None
    assert result.state.role == "parent_carer" and result.state.area == "east_sussex"


async def test_an_unknown_question_gets_an_honest_answer(bot: GetInvolved) -> None:
    result = await say(bot, "u", "hi", "when does the family hub in Bognor open on Sundays?")
    assert "I do not know that" in all_text(result)
    assert "did not understand" not in all_text(result)


async def test_thanks_and_goodbye(bot: GetInvolved) -> None:
    await say(bot, "t", "I'm a dad in Crawley", "his school")
    assert "welcome" in all_text(await say(bot, "t", "thanks"))
    assert "Goodbye" in all_text(await say(bot, "t", "bye"))


async def test_another_language_gets_an_answer_in_it_and_carries_on(bot: GetInvolved) -> None:
    result = await say(bot, "l", "Dzień dobry, mój syn potrzebuje pomocy w szkole")
    assert "Jestem komputerem" in result.replies[1].text  # after the greeting
    assert "simple English" in all_text(result)
    assert result.state is not None and result.state.asking == "role"


async def test_typed_button_words_work_like_the_button(bot: GetInvolved) -> None:
    await say(bot, "b", "I'm a mum in Horsham", "her school", "/feedback")
    await say(bot, "b", "The new ramp at the school is great.")
    result = await say(bot, "b", "Yes, and you can contact me")
    assert result.state is not None and result.state.asking == "contact_detail"
    saved = await say(bot, "b", "no just answer here")
    assert saved.state is not None and saved.state.feedback_id is not None


async def test_an_unclear_consent_is_asked_again_then_taken_as_no(bot: GetInvolved) -> None:
    await say(bot, "c", "hi", "/feedback", "The bus is always late.")
    again = await say(bot, "c", "yes... actually not sure")
    assert again.state is not None and again.state.asking == "consent"
    assert again.replies[0].buttons  # asked once more, with buttons
    final = await say(bot, "c", "hmm maybe")
    assert final.state is not None
    assert final.state.asking != "consent" and final.state.feedback_id is None
    assert "not kept" in all_text(final)


async def test_a_straddling_postcode_asks_which_area(bot: GetInvolved) -> None:
    result = await say(bot, "p", "I'm a dad, postcode GU27")
    assert result.state is not None and result.state.asking == "area"
    assert "Somewhere else" in [b.title for b in result.replies[-1].buttons]
