"""Feedback with consent, end to end through the conversation, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import select

from bot.app import GetInvolved
from bot.store.feedback import FeedbackRow, list_all_feedback


async def all_feedback(bot: GetInvolved) -> list[FeedbackRow]:
    async with bot.sessions() as session:
        return list(await list_all_feedback(session))


async def give(bot: GetInvolved, sender: str, *messages: str):  # type: ignore[no-untyped-def]
    result = None
    for message in messages:
        result = await bot.converse("test", sender, message)
    return result


async def test_anonymous_feedback_is_redacted_and_routed(bot_on: GetInvolved) -> None:
    result = await give(
        bot_on,
        "a",
        "I'm a mum in Worthing",
        "/feedback",
        "The CAMHS wait is too long. My son Jack waited a year. Call me on 07700 900123.",
    )
    assert result.state.asking == "consent"
    assert await all_feedback(bot_on) == [], "nothing is stored before consent"
    result = await give(bot_on, "a", '/consent{"level": "anonymous"}')
    assert "NHS Sussex" in "\n".join(r.text for r in result.replies)
    [row] = await all_feedback(bot_on)
    assert result.state.feedback_id == row.id
    assert row.team_id == "nhs-sussex" and row.topic == "health"
    assert row.consent == "anonymous" and row.contact is None
    assert "07700" not in row.text and "Jack" not in row.text
    assert "[phone number]" in row.text and "CAMHS wait is too long" in row.text
    assert row.role == "parent_carer" and row.area == "west_sussex"


async def test_no_consent_stores_nothing(bot_on: GetInvolved) -> None:
    result = await give(
        bot_on,
        "b",
        "I want to complain about the school transport, it is late every single day",
        "no",
    )
    assert "not kept" in "\n".join(r.text for r in result.replies)
    assert await all_feedback(bot_on) == []
    assert result.state.pending_feedback is None


async def test_unclear_consent_twice_means_no(bot_on: GetInvolved) -> None:
    await give(bot_on, "c", "give feedback", "The website is hard to use")
    await give(bot_on, "c", "hmm")
    result = await give(bot_on, "c", "banana")
    assert await all_feedback(bot_on) == []
    assert result.state.pending_feedback is None


async def test_contact_consent_keeps_encrypted_contact(bot_on: GetInvolved) -> None:
    await give(
        bot_on,
        "d",
        "I'm a dad in Lewes",
        "feedback",
        "Please add more holiday clubs",
        '/consent{"level": "contact"}',
    )
    result = await give(bot_on, "d", "you can email me at dad@example.com")
    [row] = await all_feedback(bot_on)
    assert row.consent == "contact"
    assert row.contact is not None and "example.com" not in row.contact
    assert bot_on.keys.decrypt(row.contact) == {
        "channel": "test",
        "sender": "d",
        "email": "dad@example.com",
    }
    assert row.team_id == "escc-send"  # holiday clubs are a council service in East Sussex
    assert "When they answer, you will see it in this chat." in "\n".join(
        r.text for r in result.replies
    )


async def test_under_13_is_anonymous_only(bot_on: GetInvolved) -> None:
    result = await give(bot_on, "e", "im 12 and live in horsham", "feedback")
    result = await give(bot_on, "e", "my teacher Mrs Smith never lets me have breaks")
    titles = [b.title for b in result.replies[-1].buttons]
    assert "Yes, and you can contact me" not in titles
    result = await give(bot_on, "e", "yes you can contact me")
    [row] = await all_feedback(bot_on)
    assert row.consent == "anonymous" and row.contact is None
    assert "Smith" not in row.text
    assert row.age_band == "11_15", "an age band is kept, never the exact age"


async def test_delete_my_data_removes_feedback_too(bot_on: GetInvolved) -> None:
    await give(
        bot_on,
        "f",
        "I'm a mum in Crawley",
        "feedback",
        "More groups please",
        '/consent{"level": "anonymous"}',
    )
    await give(bot_on, "other", "feedback", "Keep this one", "yes")
    assert len(await all_feedback(bot_on)) == 2
    await give(bot_on, "f", "delete my data")
    remaining = await all_feedback(bot_on)
    assert [row.text for row in remaining] == ["Keep this one"]


async def test_feedback_midway_resumes_the_questions(bot_on: GetInvolved) -> None:
    await give(bot_on, "g", "hello")
    result = await give(bot_on, "g", "/feedback", "the doctors never listen", "yes")
    assert result.state.asking == "publish_consent"  # may we show their words? (default no)
    result = await give(bot_on, "g", "no thanks")
    assert result.state.asking == "role", "after feedback the bot carries on where it was"


async def test_crisis_during_feedback_is_not_treated_as_feedback(bot_on: GetInvolved) -> None:
    result = await give(bot_on, "h", "feedback", "i want to kill myself")
    assert result.crisis
    assert result.state.pending_feedback is None
    assert await all_feedback(bot_on) == []


async def test_conversation_state_is_encrypted_at_rest(bot_on: GetInvolved) -> None:
    await give(bot_on, "i", "I'm a mum in Crawley", "feedback", "secret words here")
    from bot.store.conversations import ConversationRow

    async with bot_on.sessions() as session:
        stored = await session.scalar(select(ConversationRow.state))
    assert stored is not None and "secret words" not in stored and "Crawley" not in stored


async def test_asking_to_give_feedback_asks_what_it_is(bot_on: GetInvolved) -> None:
    result = await give(bot_on, "j", "I want to leave feedback about the SEND team")
    assert result.state.asking == "feedback_text"
    result = await give(bot_on, "j", "They never answer emails")
    assert result.state.asking == "consent"
    result = await give(bot_on, "j", "who will see it?")
    assert result.state.asking == "consent" and "Only the team" in result.replies[0].text
    result = await give(bot_on, "j", "ok yes without my name")
    [row] = await all_feedback(bot_on)
    assert row.text == "They never answer emails"


async def test_feedback_can_be_asked_for_in_many_words(bot_on: GetInvolved) -> None:
    await give(bot_on, "k", "I'm a dad in Eastbourne", "CAMHS")
    result = await give(bot_on, "k", "I still want to give my feedback")
    assert result.state.asking == "feedback_text"


async def test_who_and_where_are_not_the_feedback(bot_on: GetInvolved) -> None:
    result = await give(
        bot_on, "l", "I'd like to feed back about the referral process, I'm a SENCO in Newhaven"
    )
    assert result.state.asking == "feedback_text"
    assert result.state.role == "professional" and result.state.area == "east_sussex"


async def test_a_crisis_while_giving_feedback_ends_the_feedback(bot_on: GetInvolved) -> None:
    await give(bot_on, "m", "hello", "/feedback")
    result = await give(bot_on, "m", "he keeps saying he is going to jump off the car park")
    assert result.crisis and result.state.asking != "feedback_text"
    assert result.state.pending_feedback is None
    assert await all_feedback(bot_on) == []


async def test_deleted_words_leave_no_copy_in_the_sqlite_files(bot: GetInvolved, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """ "Delete my data" (and the retention purge) must not leave the text in the database
    file, its WAL or its shared-memory file: read the bytes of every file."""
    marker = "zebrafluff"

    def files_holding(word: str) -> list[str]:
        return [
            path.name
            for path in tmp_path.iterdir()
            if path.name.startswith("test.db") and word.encode() in path.read_bytes()
        ]

    words = f"the {marker} sensory room at the family hub is always shut"
    await give(
        bot, "f", "I'm a dad in Worthing", "feedback", words, '/consent{"level": "anonymous"}'
    )
    await give(bot, "g", "I'm a mum in Crawley", "feedback", "keepsake words here", "yes")
    assert files_holding(marker), "the test must first see the words on disk"
    await give(bot, "f", "delete my data")
    assert files_holding(marker) == []
    assert files_holding("keepsake") != [], "other people's feedback is still there"
