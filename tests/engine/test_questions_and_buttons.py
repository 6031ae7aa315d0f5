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


async def test_asking_to_tell_someone_with_who_and_where_gets_the_routes_first(
    bot: GetInvolved,
) -> None:
    """Journey 1 then 2: the routes (one may be the door they want), then what they said is
    offered to be passed on, and kept only on a yes."""
    opening = (
        "Dad in Shoreham. I want to tell someone that the taxi to his special school has been"
        " late every morning this month"
    )
    first = await say(bot, "i", opening)
    assert first.state is not None and first.state.asking == "age", "their own age first"
    assert first.state.feedback_id is None
    routes = await say(bot, "i", "rather not say")
    assert routes.state is not None and routes.state.asking == "consent"
    assert "wspcf" in routes.state.routes
    shown = all_text(routes)
    assert shown.index("Ways for you to have a say") < shown.index("You also told me")
    assert "What would you like to do next?" not in shown, "the question comes instead"
    saved = await say(bot, "i", "yes, without my name")
    assert saved.state is not None and saved.state.feedback_id is not None
    assert saved.state.pending_feedback is None


async def test_asking_to_give_feedback_with_who_and_where_asks_what_after_the_routes(
    bot: GetInvolved,
) -> None:
    result = await say(bot, "j", "Im 15 and live in Lewes, I want to give feedback")
    while result.state is not None and result.state.asking in ("interests",):
        result = await say(bot, "j", "rather not say")
    assert result.state is not None and result.state.asking == "feedback_text"
    assert result.state.routes_shown and result.state.routes
    assert "You also said you want to tell the team" in all_text(result)


async def test_a_crisis_while_feedback_waits_for_the_routes_drops_it(bot: GetInvolved) -> None:
    await say(bot, "k", "Mum in Crawley, I want to complain that his taxi never turns up on time")
    crisis = await say(bot, "k", "i want to kill myself")
    assert crisis.crisis and crisis.state is not None
    assert crisis.state.pending_feedback is None and not crisis.state.feedback_after_routes


async def test_a_request_that_comes_before_who_they_are_is_feedback_first(
    bot: GetInvolved,
) -> None:
    """ "I want to tell someone..." first, with a son and a town only inside what they say:
    feedback starts at once, as journey 2 says; the routes come after it."""
    result = await say(
        bot,
        "m",
        "I want to tell someone the speech therapist in Horsham was so patient with my son",
    )
    assert result.state is not None and result.state.asking == "consent"
    assert not result.state.routes_shown


async def test_who_they_are_said_after_the_request_in_a_sentence_of_its_own_counts(
    bot: GetInvolved,
) -> None:
    result = await say(
        bot,
        "n",
        "the lift at college is broken again and i want to tell someone. im 17 from Hove",
    )
    assert result.state is not None and result.state.routes_shown
    assert result.state.asking in ("consent", "feedback_text")


async def test_asking_whether_one_may_have_a_say_gets_the_routes_first(bot: GetInvolved) -> None:
    """ "can i share my views? ..." with who or where: the routes are the answer, then what
    they want to say is asked for; nothing is taken as feedback yet."""
    result = await say(
        bot, "may1", "could I share my thoughts somewhere? im 16 and live in Lewes", "school"
    )
    assert result.state is not None and result.state.routes_shown
    assert "school-young-person" in result.state.routes
    assert result.state.pending_feedback is None
    result = await say(
        bot, "may2", "Horsham dad here, I want to give my views on the SEND transport", "5"
    )
    assert result.state is not None and result.state.routes_shown
    assert result.state.asking != "consent"


async def test_a_view_already_given_still_goes_to_the_consent_question(bot: GetInvolved) -> None:
    result = await say(bot, "given", "I want to complain that the bus to college is always late")
    assert result.state is not None and result.state.asking == "consent"


async def test_a_child_under_11_outside_sussex_is_pointed_to_school_and_the_forums(
    bot: GetInvolved,
) -> None:
    result = await say(bot, "kid", "im 8 and i live in Leeds", "skip")
    assert result.state is not None
    assert result.state.routes[:2] == ["school-young-person", "find-local-forum"]
    result = await say(bot, "teen", "im 15 and i live in Leeds", "school")
    assert result.state is not None and result.state.routes == ["find-local-forum"]
