"""A quick poll answered in the conversation by twelve people of different profiles: offered
once after the routes, one answer each, kept without who gave it, results only from 10."""

from __future__ import annotations

from sqlalchemy import inspect, select, text

from bot.app import GetInvolved
from bot.polls.alerts import render_poll
from bot.polls.words import BREAKDOWN_NAMES
from bot.store import polls as store
from tests.polls.factories import (
    ANY_AUDIENCE,
    CHOICES,
    PEOPLE,
    QUESTION,
    chat,
    create_poll,
    payloads,
    texts,
)


def _press(poll_id: int, choice: int) -> str:
    return '/poll{"poll": %d, "choice": %d}' % (poll_id, choice)  # noqa: UP031 - as Telegram sends it


async def _results(bot: GetInvolved, poll_id: int) -> store.Results:
    async with bot.sessions() as session:
        poll = await store.get_poll(session, poll_id)
        assert poll is not None
        return await store.results(session, poll, BREAKDOWN_NAMES)


async def test_twelve_people_answer_once_and_results_show_from_ten(bot: GetInvolved) -> None:
    poll_id = await create_poll(bot)
    for n, (who, messages) in enumerate(PEOPLE):
        turns = await chat(bot, who, ["hi", *messages])
        last = turns[-1]
        assert QUESTION in texts(last), who  # offered after the routes
        assert _press(poll_id, 0) in payloads(last)
        if n % 2:  # half type the answer, half press the button
            answered = await bot.converse("web", who, CHOICES[n % 3].upper())
        else:
            answered = await bot.converse("web", who, _press(poll_id, n % 3))
        said = " ".join(texts(answered))
        assert "Your answer is saved" in said, (who, said)
        links = [link.url for reply in answered.replies for link in reply.links]
        assert any(url.endswith(f"/polls/{poll_id}/results") for url in links)
        assert answered.replies[-1].buttons  # and then what next, as before the poll
        if n == 8:  # nine answers: nothing shown
            shown = await _results(bot, poll_id)
            assert shown.total == 9 and not shown.shown and shown.counts == []
        if n == 9:
            assert (await _results(bot, poll_id)).shown
    # a second answer, by button or typed, is not kept
    again = await bot.converse("web", PEOPLE[0][0], _press(poll_id, 1))
    assert "already answered" in " ".join(texts(again))
    results = await _results(bot, poll_id)
    assert results.total == 12
    assert sum(n for _, n in results.counts) == 12
    assert [label for label, _ in results.counts] == list(CHOICES)
    # breakdowns: every group here is under 10, so each row is hidden
    roles = dict(results.breakdowns["role"])
    assert roles and all(value is None for value in roles.values())
    # and the poll is not offered again after the routes
    more = await chat(bot, PEOPLE[0][0], ["/restart", *PEOPLE[0][1]])
    assert all(QUESTION not in texts(turn) for turn in more)


async def _answers(bot: GetInvolved, poll_id: int, roles: list[str]) -> None:
    async with bot.sessions.begin() as session:
        for n, role in enumerate(roles):
            await store.record_answer(
                session,
                poll_id=poll_id,
                voter_hash=f"{n:064x}",
                choice=n % 2,
                role=role,
                area="west_sussex",
                age_band=None,
                today=__import__("datetime").date(2026, 6, 1),
            )


async def test_breakdown_row_shown_at_ten_hidden_under(bot: GetInvolved) -> None:
    poll_id = await create_poll(bot)
    await _answers(bot, poll_id, ["parent_carer"] * 10 + ["young_person"] * 3)
    results = await _results(bot, poll_id)
    roles = dict(results.breakdowns["role"])
    assert roles["Young people"] is None  # 3: "fewer than 10"
    # and the parents' row too: with it and the totals, the 3 could be worked out
    assert roles["Parents and carers"] is None
    assert dict(results.breakdowns["area"])["West Sussex"] == [7, 6, 0]


async def test_a_small_group_cannot_be_worked_out_from_the_others(bot: GetInvolved) -> None:
    poll_id = await create_poll(bot)
    roles = ["parent_carer"] * 12 + ["young_person"] * 10 + ["professional"] * 3
    await _answers(bot, poll_id, roles)
    shown = dict((await _results(bot, poll_id)).breakdowns["role"])
    hidden = [group for group, counts in shown.items() if counts is None]
    assert set(hidden) == {"Young people", "People who work with families"}
    assert shown["Parents and carers"] == [6, 6, 0]


async def test_answers_hold_no_person_key_or_chat_id(bot: GetInvolved) -> None:
    poll_id = await create_poll(bot)
    sender = "chat-id-4242"
    await chat(bot, sender, ["hi", *PEOPLE[0][1]])
    await bot.converse("web", sender, _press(poll_id, 2))
    async with bot.database.connect() as connection:
        columns = await connection.run_sync(
            lambda sync: {c["name"] for c in inspect(sync).get_columns("poll_answers")}
        )
        assert columns == {"id", "poll_id", "choice", "role", "area", "age_band", "answered_at"}
        answers = (await connection.execute(text("SELECT * FROM poll_answers"))).all()
        voters = (await connection.execute(text("SELECT * FROM poll_voters"))).all()
    assert len(answers) == 1 and len(voters) == 1
    row = answers[0]._mapping
    assert (row["choice"], row["role"], row["area"], row["age_band"]) == (
        2,
        "young_person",
        "west_sussex",
        "11_15",
    )
    assert ":" not in str(row["answered_at"])  # a date, not a time
    person = bot.keys.person_key(f"web:{sender}")
    everything = repr(answers) + repr(voters)
    assert sender not in everything and person not in everything


async def test_not_offered_outside_the_audience_or_when_closed(bot: GetInvolved) -> None:
    east_parents = dict(ANY_AUDIENCE, roles=["parent_carer"], areas=["east_sussex"])
    poll_id = await create_poll(bot, audience=east_parents)
    young = await chat(bot, "yp", ["hi", *PEOPLE[0][1]])
    assert all(QUESTION not in texts(turn) for turn in young)
    west_parent = await chat(bot, "wp", ["hi", "I am a parent in Horsham", "skip", "school"])
    assert all(QUESTION not in texts(turn) for turn in west_parent)
    east_parent = await chat(bot, "ep", ["hi", "I'm a mum from Eastbourne", "41", "health"])
    assert QUESTION in texts(east_parent[-1])
    async with bot.sessions.begin() as session:
        poll = await store.get_poll(session, poll_id)
        assert poll is not None
        poll.status = "closed"
    closed = await bot.converse("web", "ep", _press(poll_id, 0))
    assert "has closed" in " ".join(texts(closed))
    async with bot.sessions() as session:
        assert await store.answer_count(session, poll_id) == 0
        assert await render_poll(session, poll_id, None) is None


async def test_render_poll_for_an_alert(bot: GetInvolved) -> None:
    poll_id = await create_poll(bot)
    async with bot.sessions() as session:
        reply = await render_poll(session, poll_id, None)
        assert await render_poll(session, poll_id + 1, None) is None
    assert reply is not None and reply.text == QUESTION
    assert [b.title for b in reply.buttons] == list(CHOICES)
    assert [b.payload for b in reply.buttons] == [_press(poll_id, n) for n in range(3)]
    # a Telegram person presses the button from the alert, with no conversation before
    pressed = await bot.converse("telegram", "555", reply.buttons[1].payload)
    assert "Your answer is saved" in " ".join(texts(pressed))
    async with bot.sessions() as session:
        found = (await session.scalars(select(store.PollAnswerRow))).all()
    assert [(a.choice, a.role) for a in found] == [(1, None)]


async def test_no_database_inside_a_turn_that_offers(bot: GetInvolved) -> None:
    """The offer reads the in-memory snapshot: with the database gone, routes and the poll
    still come (the conversation store is separate)."""
    await create_poll(bot)
    desk = bot.engine.polls
    assert desk is not None and len(desk.open) == 1
    calls = 0
    real = desk.sessions

    def counting() -> object:
        nonlocal calls
        calls += 1
        return real()

    desk.sessions = counting  # type: ignore[assignment]
    turns = await chat(bot, "fast", ["hi", *PEOPLE[1][1]])
    assert QUESTION in texts(turns[-1]) and calls == 0
