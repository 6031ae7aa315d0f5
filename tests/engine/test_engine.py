"""Whole turns through the real bot with a real SQLite file: help, back, skip, restart,
forget, unknown input, long input, crisis first, expiry, and state that survives a restart."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select

from bot.app import GetInvolved, create_bot
from bot.store.conversations import ConversationRow
from tests.conftest import create_settings


def texts(result) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(reply.text for reply in result.replies)


async def test_first_message_greets_and_asks_who_you_are(bot: GetInvolved) -> None:
    result = await bot.converse("test", "a", "hi")
    assert "computer, not a person" in texts(result)
    assert result.state.asking == "role"
    assert [b.payload for b in result.replies[-1].buttons][:2] == [
        '/inform{"role": "young_person"}',
        '/inform{"role": "parent_carer"}',
    ]


async def test_questions_already_answered_are_not_asked(bot: GetInvolved) -> None:
    result = await bot.converse("test", "a", "I'm 15 and live in Worthing")
    assert result.state.profile() == {
        "age": 15,
        "role": "young_person",
        "area": "west_sussex",
        "interests": [],
    }
    assert result.state.asking == "interests"
    assert "You live in Worthing, in West Sussex." in texts(result)


async def test_every_question_can_be_skipped(bot: GetInvolved) -> None:
    await bot.converse("test", "a", "hello")
    for _ in range(4):
        result = await bot.converse("test", "a", "rather not say")
    assert result.state.asking is None
    assert result.state.routes, "the bot still does its best with what it knows"
    assert "What would you like to do next?" in texts(result)


async def test_unknown_answer_gets_a_kind_reask_with_buttons_then_moves_on(
    bot: GetInvolved,
) -> None:
    await bot.converse("test", "a", "hello")
    result = await bot.converse("test", "a", "purple monkey dishwasher")
    assert result.state.asking == "role"
    assert result.replies[-1].text.startswith("Sorry")
    assert result.replies[-1].buttons
    result = await bot.converse("test", "a", "banana")
    assert result.state.asking == "age", "no dead end: after two tries we move on"


async def test_help_explains_and_keeps_the_question(bot: GetInvolved) -> None:
    await bot.converse("test", "a", "hello")
    result = await bot.converse("test", "a", "help")
    assert "start again" in texts(result)
    assert result.state.asking == "role"


async def test_back_changes_the_last_answer(bot: GetInvolved) -> None:
    await bot.converse("test", "a", "hello")
    await bot.converse("test", "a", "I'm a dad")
    result = await bot.converse("test", "a", "Lewes")
    assert result.state.area == "east_sussex"
    result = await bot.converse("test", "a", "back")
    assert result.state.asking == "area" and result.state.area is None
    result = await bot.converse("test", "a", "Bognor")
    assert result.state.area == "west_sussex"


async def test_start_again_clears_the_profile(bot: GetInvolved) -> None:
    await bot.converse("test", "a", "I'm a mum in Crawley")
    result = await bot.converse("test", "a", "start again")
    assert result.state.profile() == {"age": None, "role": None, "area": None, "interests": []}
    assert result.state.asking == "role"


async def test_delete_my_data_removes_the_conversation(bot: GetInvolved) -> None:
    await bot.converse("test", "a", "I'm a mum in Crawley")
    result = await bot.converse("test", "a", "delete my data")
    assert "deleted" in texts(result)
    async with bot.sessions() as session:
        count = await session.scalar(select(func.count()).select_from(ConversationRow))
    assert count == 0


async def test_crisis_comes_first_even_with_other_facts(bot: GetInvolved) -> None:
    result = await bot.converse("test", "a", "im 15 in horsham and i want to kill myself")
    assert result.crisis
    first = result.replies[0].text
    assert "999" in first and "0800 1111" in first and "85258" in first and "116 123" in first
    assert "not watched by a person" in first
    assert result.state.role is None, "a crisis message is not treated as ordinary input"


async def test_too_long_message_is_refused_kindly_and_loses_nothing(bot: GetInvolved) -> None:
    await bot.converse("test", "a", "I'm a dad in Lewes")
    result = await bot.converse("test", "a", "word " * 400)
    assert "very long" in texts(result)
    assert result.state.role == "parent_carer" and result.state.area == "east_sussex"


async def test_empty_message(bot: GetInvolved) -> None:
    result = await bot.converse("test", "a", "   ")
    assert "did not get any words" in texts(result)


async def test_state_survives_a_new_process(tmp_path: Path) -> None:
    settings = create_settings(tmp_path)
    first = await create_bot(settings)
    await first.converse("test", "a", "I'm a mum in Hastings")
    result = await first.converse("test", "a", "I'm 38")
    assert result.state.age == 38 and result.state.asking == "interests"
    await first.close()
    second = await create_bot(settings)
    result = await second.converse("test", "a", "his EHCP")
    await second.close()
    assert result.state.profile()["area"] == "east_sussex"
    assert "my-plan" in result.state.routes and "espcf" in result.state.routes


async def test_state_expires_after_inactivity(tmp_path: Path) -> None:
    bot = await create_bot(create_settings(tmp_path, conversation_expiry_minutes=5))
    await bot.converse("test", "a", "I'm a mum in Hastings")
    async with bot.sessions.begin() as session:
        row = await session.get(ConversationRow, "test:a")
        assert row is not None
        row.updated_at = row.updated_at - dt.timedelta(minutes=10)
    result = await bot.converse("test", "a", "hello")
    await bot.close()
    assert result.state.role is None


async def test_more_asks_which_route_then_tells_how_to_get_in_touch(bot: GetInvolved) -> None:
    result = await bot.converse(
        "test", "a", "I'm a dad in Worthing and want to talk about my son's school"
    )
    assert result.state.asking == "age", "a parent is asked their own age"
    result = await bot.converse("test", "a", "rather not say")
    assert result.state.routes
    result = await bot.converse("test", "a", "/more")
    assert "Which one" in texts(result)
    payloads = [b.payload for b in result.replies[-1].buttons]
    assert '/more{"route": "wspcf"}' in payloads
    result = await bot.converse("test", "a", '/more{"route": "wspcf"}')
    card = result.replies[0]
    assert card.title == "West Sussex Parent Carer Forum"
    assert "Search online" in card.text  # the seeds give no link: how to find it, in words


async def test_a_correction_after_routes_updates_them(bot: GetInvolved) -> None:
    await bot.converse("test", "a", "I'm a mum in Crawley, I want to help at school")
    await bot.converse("test", "a", "rather not say")
    result = await bot.converse("test", "a", "sorry I actually live in Eastbourne")
    assert result.state.area == "east_sussex"
    assert "espcf" in result.state.routes and "wspcf" not in result.state.routes


async def test_age_buttons_are_understood(bot: GetInvolved) -> None:
    await bot.converse("test", "kid", "hello")
    await bot.converse("test", "kid", '/inform{"role": "young_person"}')
    result = await bot.converse("test", "kid", '/inform{"age_band": "under_11"}')
    assert result.state.age_band == "under_11" and result.state.asking == "area"
    await bot.converse("test", "kid", "Crawley")
    result = await bot.converse("test", "kid", "school")
    assert result.state.routes == ["school-young-person"]
    assert any("Ask your mum, dad or carer" in r.text for r in result.replies)


async def test_over_25_typed_or_tapped_never_gets_young_voices(bot: GetInvolved) -> None:
    for sender, answer in (("a", "over 25"), ("b", '/inform{"age_band": "over_25"}')):
        await bot.converse("test", sender, "I'm the young person")
        await bot.converse("test", sender, answer)
        await bot.converse("test", sender, "Horsham")
        result = await bot.converse("test", sender, "meeting others")
        assert "young-voices" not in result.state.routes
        assert result.state.age_band == "over_25"


async def test_start_command_again_greets_afresh(bot: GetInvolved) -> None:
    await bot.converse("test", "a", "I'm a mum in Crawley")
    result = await bot.converse("test", "a", "/start")
    assert "computer, not a person" in texts(result)
    assert result.state.role is None and result.state.asking == "role"
    again = await bot.converse("test", "a", "start again")
    assert "let us start again" in texts(again)


async def test_why_and_are_you_a_person_are_answered(bot: GetInvolved) -> None:
    await bot.converse("test", "w", "I'm a parent")
    result = await bot.converse("test", "w", "why do u need that")
    assert "You do not have to answer" in texts(result) and result.state.asking == "age"
    result = await bot.converse("test", "w", "is this a real person?")
    assert "I am a computer, not a person" in texts(result)
    result = await bot.converse("test", "w", "41")
    assert result.state.age == 41 and result.state.asking == "area"
    result = await bot.converse("test", "w", "sussex")
    result = await bot.converse("test", "w", "west")
    assert result.state.area == "west_sussex"


async def test_a_corrected_place_wins(bot: GetInvolved) -> None:
    await bot.converse("test", "c", "im 16")
    await bot.converse("test", "c", "horsham")
    result = await bot.converse("test", "c", "sorry I meant Hastings not Horsham")
    assert result.state.area == "east_sussex"
