"""The whole path: staff publish an opportunity or open a poll on their pages, the people who
asked to be told (and only those it fits) get one alert each at the Bot API stand-in."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from bot.alerts.sender import AlertSender, build_telegram_bot
from bot.alerts.timing import Timing
from bot.app import GetInvolved
from bot.store import alerts as store
from tests.alerts.helpers import Clock, uk
from tests.telegram.standin import bot_api_standin
from tests.web.staff_helpers import create_staff, csrf, sign_in, web_client
from tests.web.test_staff_opportunities import filled, form_body

pytestmark = pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning")
TOKEN = "123:published"


async def _subscribe(bot: GetInvolved, chat: int, role: str, area: str) -> None:
    async with bot.sessions.begin() as session:
        await store.subscribe(
            session,
            person_key=bot.keys.person_key(f"telegram:{chat}"),
            channel="telegram",
            address_encrypted=bot.keys.encrypt(str(chat)),
            role=role,
            area=area,
            age_band="16-18" if role == "young_person" else None,
            interests=[],
            now=dt.datetime.now(dt.UTC),
        )


async def test_publishing_and_opening_reach_those_it_fits(bot: GetInvolved) -> None:
    await _subscribe(bot, 1, "parent_carer", "west_sussex")
    await _subscribe(bot, 2, "young_person", "west_sussex")
    await _subscribe(bot, 3, "parent_carer", "east_sussex")  # outside both audiences
    await _subscribe(bot, 4, "professional", "west_sussex")  # not in either
    await create_staff(bot, "lo@council.example", "wscc-local-offer")
    async with web_client(bot) as client:
        await sign_in(client, "lo@council.example")
        token = await csrf(client, "/staff/opportunities/new")
        saved = await client.post(
            "/staff/opportunities/new", data=form_body(filled(token)), allow_redirects=False
        )
        opportunity = saved.headers["Location"].removesuffix("/edit")
        token = await csrf(client, opportunity)
        await client.post(f"{opportunity}/publish", data={"csrf_token": token})

        token = await csrf(client, "/staff/polls/new")
        poll = await client.post(
            "/staff/polls/new",
            data={
                "csrf_token": token,
                "team": "wscc-local-offer",
                "question": "Which day suits you best for a meeting?",
                "choice_1": "Saturday",
                "choice_2": "Sunday",
                "roles": "young_person",
                "areas": "west_sussex",
                "age_min": "11",
                "age_max": "25",
            },
            allow_redirects=False,
        )
        where = poll.headers["Location"]
        token = await csrf(client, where)
        await client.post(f"{where}/open", data={"csrf_token": token})

    async with bot_api_standin(TOKEN) as standin:
        telegram = build_telegram_bot(TOKEN, standin.base_url)
        await telegram.initialize()
        clock = Clock(uk(2099, 1, 5, 10))  # a weekday morning, before the closing date
        sender = AlertSender(
            sessions=bot.sessions,
            keys=bot.keys,
            timing=Timing(daily_cap=5),
            telegram=telegram,
            clock=clock,
            lease=dt.timedelta(seconds=30),
        )
        assert (await sender.send_due()).sent == 3
        assert (await sender.send_due()).sent == 0  # nothing twice
        parent, young = standin.messages_to(1), standin.messages_to(2)
        assert [m.text for m in parent][0].count("Inspectors want to hear") == 1
        assert len(parent) == 1  # the poll is for young people only
        assert len(young) == 2
        question = next(m for m in young if "Which day suits you" in m.text)
        assert [title for title, _ in question.buttons] == ["Saturday", "Sunday"]
        payloads = [json.loads(data.removeprefix("/poll")) for _, data in question.buttons]
        assert [payload["choice"] for payload in payloads] == [0, 1]
        assert standin.messages_to(3) == [] and standin.messages_to(4) == []
        await telegram.shutdown()
