"""Asking for alerts in the conversation: yes, no, unclear, under 13, stop, delete my data."""

from __future__ import annotations

from sqlalchemy import func, select

from bot.app import GetInvolved
from bot.store.alerts import SubscriptionRow


async def _count(bot: GetInvolved) -> int:
    async with bot.sessions() as session:
        return int(await session.scalar(select(func.count(SubscriptionRow.id))) or 0)


async def _say(bot: GetInvolved, sender: str, text: str, channel: str = "telegram") -> str:
    result = await bot.converse(channel, sender, text)
    return "\n".join(reply.text for reply in result.replies)


async def _ready(bot: GetInvolved, sender: str, channel: str = "telegram") -> None:
    await _say(bot, sender, "I'm 15 and live in Crawley", channel)


async def test_off_by_default_and_a_clear_yes_signs_up(bot: GetInvolved) -> None:
    await _ready(bot, "101")
    assert await _count(bot) == 0  # never offered, never on by default
    asked = await bot.converse("telegram", "101", "send me alerts")
    text = asked.replies[-1].text
    assert "I keep" in text and "time you said yes" in text
    assert [b.payload for b in asked.replies[-1].buttons] == ["/alerts_yes", "/alerts_no"]
    assert "Done" in await _say(bot, "101", "/alerts_yes")
    async with bot.sessions() as session:
        row = (await session.scalars(select(SubscriptionRow))).one()
    assert row.channel == "telegram" and row.role == "young_person" and row.area == "west_sussex"
    assert row.age_band == "11-15" and "101" not in (row.address_encrypted or "")
    assert bot.keys.decrypt(row.address_encrypted or "") == 101


async def test_typed_yes_and_other_ways_to_ask(bot: GetInvolved) -> None:
    for sender, ask in (
        ("201", "tell me about new chances"),
        ("202", "/alerts"),
        ("203", "let me know when there's something"),
    ):
        await _ready(bot, sender)
        assert "Do you want these messages?" in await _say(bot, sender, ask)
        await _say(bot, sender, "yes please")
    assert await _count(bot) == 3


async def test_no_and_unclear_do_not_sign_up(bot: GetInvolved) -> None:
    await _ready(bot, "301")
    await _say(bot, "301", "send me alerts")
    assert "will not send" in await _say(bot, "301", "no thanks")
    await _ready(bot, "302")
    await _say(bot, "302", "send me alerts")
    assert "yes or no" in await _say(bot, "302", "hmm not sure")
    assert "will not send" in await _say(bot, "302", "maybe yes maybe no")
    assert await _count(bot) == 0


async def test_under_13_is_told_to_ask_a_parent(bot: GetInvolved) -> None:
    await _say(bot, "401", "im 11 and live in worthing")
    assert "parent or carer" in await _say(bot, "401", "send me alerts")
    assert await _count(bot) == 0


async def test_unknown_role_or_area_is_asked_first(bot: GetInvolved) -> None:
    assert "first need to know" in await _say(bot, "501", "send me alerts")
    assert await _count(bot) == 0


async def test_stop_slash_stop_and_delete_my_data(bot: GetInvolved) -> None:
    for sender in ("601", "602", "603"):
        await _ready(bot, sender)
        await _say(bot, sender, "send me alerts")
        await _say(bot, sender, "/alerts_yes")
    assert await _count(bot) == 3
    assert "stopped your messages" in await _say(bot, "601", "stop")
    assert "stopped your messages" in await _say(bot, "602", "/stop")
    assert await _count(bot) == 1
    assert "nothing to stop" in await _say(bot, "601", "stop alerts")
    await _say(bot, "603", "delete my data")
    assert await _count(bot) == 0


async def test_web_chat_asks_for_an_email_and_the_link_stops_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from aiohttp.test_utils import TestClient, TestServer

    from bot.app import create_bot
    from bot.web.app import create_web_app
    from tests.conftest import create_settings

    bot = await create_bot(create_settings(tmp_path, smtp_url="smtp://127.0.0.1:2525"))
    try:
        await _ready(bot, "web1", "web")
        await _say(bot, "web1", "send me alerts", "web")
        assert "email address" in await _say(bot, "web1", "yes", "web")
        assert "does not look like" in await _say(bot, "web1", "not an email", "web")
        assert "Done" in await _say(bot, "web1", "sam@example.org", "web")
        async with bot.sessions() as session:
            row = (await session.scalars(select(SubscriptionRow))).one()
        token = bot.keys.decrypt(row.address_encrypted or "")["stop_token"]
        assert row.stop_token_hash and token not in row.stop_token_hash
        async with TestClient(TestServer(create_web_app(bot))) as client:
            page = await client.get(f"/alerts/stop?token={token}")
            assert "Stop these emails" in await page.text()
            assert await _count(bot) == 1  # a GET stops nothing
            done = await client.post("/alerts/stop", data={"token": token})
            assert "Emails stopped" in await done.text()
            assert await _count(bot) == 0
            again = await client.post("/alerts/stop", data={"token": token})
            assert "Nothing to stop" in await again.text()
    finally:
        await bot.close()


async def test_an_age_band_that_may_be_under_13_asks_the_age_first(bot: GetInvolved) -> None:
    await _say(bot, "701", '/inform{"role": "young_person"}')
    await _say(bot, "701", '/inform{"age_band": "11_15"}')
    await _say(bot, "701", "Crawley")
    assert "how old you are" in await _say(bot, "701", "send me alerts")
    await _say(bot, "701", "I'm 14")
    await _say(bot, "701", "send me alerts")
    said = await _say(bot, "701", "yes")
    assert "Done" in said and "What do you want a say about?" in said  # the chat goes on
    assert await _count(bot) == 1


async def test_who_and_where_said_with_the_ask_are_used(bot: GetInvolved) -> None:
    said = await _say(bot, "301", "im 16, we live in Bognor. can you let me know about new chances")
    assert "You live in Bognor" in said and "first need to know" not in said
    younger = await _say(bot, "302", "im 12 from Lewes, send me alerts")
    assert "aged 13 or over" in younger and await _count(bot) == 0


async def test_stop_with_nothing_to_stop_is_answered_kindly(bot: GetInvolved) -> None:
    await _say(bot, "303", "hi")
    said = await _say(bot, "303", "stop")
    assert "nothing to stop" in said and "did not understand" not in said
