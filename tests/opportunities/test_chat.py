"""Opportunities in the conversation: offered after the routes when they fit, listed on
"what's on?", never when closed or past their closing date, never outside the audience."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bot.app import GetInvolved, create_bot
from bot.engine.replies import Reply
from bot.opportunities.offers import asks_whats_on, uk_today
from tests.conftest import create_settings
from tests.opportunities.helpers import add_opportunity
from tests.test_replay import send

YOUNG_WEST = ["hello", "I'm 14", "Littlehampton", "making friends"]


async def chat(bot: GetInvolved, sender: str, lines: list[str]) -> list[Reply]:
    replies: list[Reply] = []
    for line in lines:
        replies = (await bot.converse("web", sender, line)).replies
    return replies


def offered(replies: list[Reply]) -> list[Reply]:
    """The count ("2 chances to have a say...") and the opportunity cards after it."""
    return [
        reply
        for reply in replies
        if ("chance" in reply.text and "to have a say" in reply.text) or reply.symbol == "calendar"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "what's on?",
        "Whats on",
        "what’s on",
        "any events",
        "Opportunities",
        "/whatson",
        "any events?",
        "what is on for me",
        "are there any opportunities",
    ],
)
def test_asks_whats_on(text: str) -> None:
    assert asks_whats_on(text)


@pytest.mark.parametrize(
    "text", ["what's on the menu at school", "I want to talk about events at school", "", "on"]
)
def test_other_messages_are_not_whats_on(text: str) -> None:
    assert not asks_whats_on(text)


async def test_offered_after_the_routes_soonest_closing_first_at_most_three(
    bot: GetInvolved,
) -> None:
    today = uk_today()
    for days, title in (
        (30, "Youth panel"),
        (5, "Park survey"),
        (60, "Bus forum"),
        (9, "NHS chat"),
    ):
        await add_opportunity(
            bot,
            title=title,
            closes_on=today + dt.timedelta(days=days),
            audience={"roles": ["young_person"], "age_min": 11, "age_max": 18},
        )
    replies = await chat(bot, "yp", YOUNG_WEST)
    intro, *cards = offered(replies)
    assert intro.text == "3 chances to have a say that fit you:", [r.text for r in replies]
    assert [card.title for card in cards] == ["Park survey", "NHS chat", "Youth panel"]
    assert all("Where: Online" in c.text and "Help to take part:" in c.text for c in cards)
    assert [link.url for c in cards for link in c.links] == ["https://www.example.org/sign-up"] * 3
    routes_at = next(i for i, reply in enumerate(replies) if reply.is_card)
    assert routes_at < replies.index(intro) < replies.index(cards[-1]) < len(replies) - 1
    assert replies[-1].buttons


async def test_never_outside_the_audience_and_never_closed(bot: GetInvolved) -> None:
    today = uk_today()
    await add_opportunity(bot, title="For parents", audience={"roles": ["parent_carer"]})
    await add_opportunity(bot, title="East only", audience={"areas": ["east_sussex"]})
    await add_opportunity(bot, title="Older people", audience={"age_min": 16})
    await add_opportunity(bot, title="Health only", audience={"interests": ["health"]})
    await add_opportunity(bot, title="Closed one", status="closed")
    await add_opportunity(bot, title="A draft", status="draft")
    await add_opportunity(bot, title="Past closing", closes_on=today - dt.timedelta(days=1))
    replies = await chat(bot, "yp", YOUNG_WEST)
    assert offered(replies) == []
    asked = (await bot.converse("web", "yp", "what's on?")).replies
    assert "Nothing is open for you to join right now" in asked[0].text
    assert asked[1].title == "Follow news and surveys"  # how to hear about new ones
    assert asked[-1].buttons  # then "what next?" again


async def test_whats_on_at_any_time_then_the_question_again(bot: GetInvolved) -> None:
    await add_opportunity(bot, title="Open day", closes_on=None)
    first = (await bot.converse("web", "p", "hello")).replies
    assert first[-1].buttons  # asked who they are
    replies = (await bot.converse("web", "p", "what's on?")).replies
    assert replies[0].text.startswith("1 chance to have a say that fits you:")
    assert replies[1].title == "Open day" and replies[1].links[0].title == "Sign up"
    assert replies[-1].text == first[-1].text  # the same question again


async def test_a_closing_date_passes_while_the_bot_runs(bot: GetInvolved) -> None:
    today = uk_today()
    await add_opportunity(bot, title="Ends today", closes_on=today)
    assert offered((await bot.converse("web", "a", "what's on?")).replies)
    bot.engine.opportunities.today = lambda: today + dt.timedelta(days=1)
    assert not offered((await bot.converse("web", "b", "what's on?")).replies)


async def test_the_turn_reads_memory_not_the_database(bot: GetInvolved) -> None:
    """Rows added without a refresh are not seen until the snapshot is refreshed."""
    await add_opportunity(bot, title="Not yet seen", refresh=False)
    assert not offered((await bot.converse("web", "a", "what's on?")).replies)
    await bot.engine.opportunities.refresh(bot.sessions)
    assert offered((await bot.converse("web", "b", "what's on?")).replies)


async def test_whats_on_is_fast(bot: GetInvolved) -> None:
    for number in range(40):
        await add_opportunity(bot, title=f"Chance {number}", refresh=False)
    await bot.engine.opportunities.refresh(bot.sessions)
    await chat(bot, "fast", YOUNG_WEST)
    state = await bot.peek("web", "fast")
    times = []
    for _ in range(200):
        started = time.perf_counter()
        await bot.engine.handle(state, "what's on?")
        times.append(time.perf_counter() - started)
    times.sort()
    assert times[int(len(times) * 0.95)] < 0.005  # in-process; generous for a busy machine


def test_published_then_offered_in_a_replay_conversation(tmp_path: Path) -> None:
    """Staff publish (here, straight to the database), then `getinvolved replay` starts and a
    young person in West Sussex is offered it after the routes, with its link."""
    import asyncio

    async def publish() -> None:
        settings = create_settings(tmp_path, database_url=f"sqlite:///{tmp_path / 'replay.db'}")
        bot = await create_bot(settings)
        try:
            await add_opportunity(
                bot,
                title="Together for Change panel",
                closes_on=uk_today() + dt.timedelta(days=10),
                audience={"roles": ["young_person"], "areas": ["west_sussex"]},
            )
            await add_opportunity(bot, title="Not for them", audience={"roles": ["professional"]})
        finally:
            await bot.close()

    asyncio.run(publish())
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'replay.db'}"}
    with subprocess.Popen(
        [sys.executable, "-m", "bot", "replay"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    ) as process:
        last = {}
        for line in YOUNG_WEST:
            last = send(process, {"conversation": "p1", "text": line})
        texts = [reply["text"] for reply in last["replies"]]
        card = next(r for r in last["replies"] if r.get("title") == "Together for Change panel")
        assert "Not for them" not in json.dumps(last)
        assert card["links"] == [{"title": "Sign up", "url": "https://www.example.org/sign-up"}]
        assert texts.index(card["text"]) < len(texts) - 1
        asked = send(process, {"conversation": "p2", "text": "/whatson"})
        said = " ".join(reply["text"] for reply in asked["replies"])
        assert "Nothing is open for you" in said  # both are for people they have not said
        assert asked["asking"] == "role"
        assert process.stdin is not None
        process.stdin.close()
        assert process.wait(timeout=30) == 0
