"""The staff poll pages: write (with errors), preview, open, close, results with the small-group
rule, publish to the public page; CSRF, the audit log, and only the staff member's teams."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from bot.app import GetInvolved
from bot.store import polls as store
from bot.store.audit import AuditRow
from tests.polls.factories import create_poll
from tests.web.staff_helpers import create_staff, csrf, sign_in, web_client

TEAM = "wscc-local-offer"
FORM = {
    "team": TEAM,
    "question": "Which day suits you best for a meeting?",
    "choice_1": "Saturday",
    "choice_2": "Sunday",
    "choice_3": "",
    "choice_4": "",
    "choice_5": "",
    "roles": "young_person",
    "areas": "west_sussex",
    "age_min": "11",
    "age_max": "25",
}


async def _answers(bot: GetInvolved, poll_id: int, how_many: int) -> None:
    async with bot.sessions.begin() as session:
        for n in range(how_many):
            await store.record_answer(
                session,
                poll_id=poll_id,
                voter_hash=f"{poll_id:08x}{n:056x}",
                choice=n % 2,
                role="young_person" if n < 10 else "parent_carer",
                area="west_sussex",
                age_band="11_15",
                today=dt.date(2026, 6, 1),
            )


async def test_write_preview_open_close(bot: GetInvolved) -> None:
    await create_staff(bot, "lo@council.example", TEAM)
    async with web_client(bot) as client:
        await sign_in(client, "lo@council.example")
        listing = await (await client.get("/staff/polls")).text()
        assert 'href="/staff/polls"' in listing and "Write a poll" in listing
        token = await csrf(client, "/staff/polls/new")
        wrong = await client.post(
            "/staff/polls/new",
            data={**FORM, "question": "", "choice_2": "", "age_min": "30", "csrf_token": token},
        )
        page = await wrong.text()
        assert wrong.status == 400
        assert 'href="#question"' in page and 'href="#choice-2"' in page
        assert "Enter at least 2 answers" in page and 'href="#age-max"' in page
        no_token = await client.post("/staff/polls/new", data=FORM, allow_redirects=False)
        assert no_token.status == 403
        saved = await client.post(
            "/staff/polls/new", data={**FORM, "csrf_token": token}, allow_redirects=False
        )
        assert saved.status == 303
        where = saved.headers["Location"]
        preview = await (await client.get(where)).text()
        assert "Which day suits you best" in preview and "Saturday" in preview
        assert "Young people, in West Sussex, aged 11 to 25" in preview
        assert bot.engine.polls is not None and bot.engine.polls.open == ()
        opened = await client.post(
            where + "/open", data={"csrf_token": token}, allow_redirects=False
        )
        assert opened.status == 303
        assert [p.question for p in bot.engine.polls.open] == [FORM["question"]]
        poll_id = int(where.rsplit("/", 1)[1])
        results = await (await client.get(where + "/results")).text()
        assert "Results appear when at least 10 people have answered" in results
        await client.post(where + "/close", data={"csrf_token": token})
        assert bot.engine.polls.open == ()
    async with bot.sessions() as session:
        poll = await store.get_poll(session, poll_id)
        actions = (await session.scalars(select(AuditRow.action))).all()
    assert poll is not None and poll.status == "closed"
    assert poll.choices == ["Saturday", "Sunday"]
    assert poll.audience == {
        "roles": ["young_person"],
        "areas": ["west_sussex"],
        "age_min": 11,
        "age_max": 25,
        "interests": [],
    }
    for action in ("poll_created", "poll_open", "poll_close", "poll_results_read"):
        assert action in actions


async def test_results_and_publishing_follow_the_small_group_rule(bot: GetInvolved) -> None:
    await create_staff(bot, "lo@council.example", TEAM)
    poll_id = await create_poll(bot, team_id=TEAM)
    await _answers(bot, poll_id, 9)
    page = f"/staff/polls/{poll_id}/results"
    async with web_client(bot) as client:
        await sign_in(client, "lo@council.example")
        token = await csrf(client, page)
        hidden = await (await client.get(page)).text()
        assert "Results appear when at least 10" in hidden and "poll-answers" not in hidden
        await client.post(f"/staff/polls/{poll_id}/publish", data={"csrf_token": token})
        assert (await client.get(f"/polls/{poll_id}/results")).status == 404
        await _answers(bot, poll_id + 0, 0)
    async with bot.sessions.begin() as session:  # three more people
        for n in range(3):
            await store.record_answer(
                session,
                poll_id=poll_id,
                voter_hash=f"extra{n:059x}",
                choice=2,
                role="parent_carer",
                area="east_sussex",
                age_band=None,
                today=dt.date(2026, 6, 2),
            )
    async with web_client(bot) as client:
        await sign_in(client, "lo@council.example")
        token = await csrf(client, page)
        shown = await (await client.get(page)).text()
        assert "12 people answered" in shown and 'id="poll-answers"' in shown
        assert "<svg" in shown
        assert "Fewer than 10, not shown" in shown  # parents (3) and East Sussex (3)
        published = await client.post(
            f"/staff/polls/{poll_id}/publish", data={"csrf_token": token}, allow_redirects=False
        )
        assert published.status == 303
        public = await client.get(f"/polls/{poll_id}/results")
        text = await public.text()
        assert public.status == 200 and "12 people answered" in text
        async with bot.sessions() as session:  # published numbers never change: it closed
            polled = await store.get_poll(session, poll_id)
            assert polled is not None and polled.status == "closed"
        assert "Fewer than 10, not shown" in text
        await client.post(f"/staff/polls/{poll_id}/withdraw", data={"csrf_token": token})
        assert (await client.get(f"/polls/{poll_id}/results")).status == 404


async def test_staff_see_only_their_teams_polls(bot: GetInvolved) -> None:
    await create_staff(bot, "nhs@nhs.example", "nhs-sussex")
    poll_id = await create_poll(bot, team_id=TEAM)
    async with web_client(bot) as client:
        await sign_in(client, "nhs@nhs.example")
        token = await csrf(client, "/staff/polls")
        listing = await (await client.get("/staff/polls")).text()
        assert "Which day suits you best" not in listing
        for path in (f"/staff/polls/{poll_id}", f"/staff/polls/{poll_id}/results"):
            assert (await client.get(path)).status == 404
        closed = await client.post(f"/staff/polls/{poll_id}/close", data={"csrf_token": token})
        assert closed.status == 404
        other_team = await client.post("/staff/polls/new", data={**FORM, "csrf_token": token})
        assert other_team.status == 400  # not their team
    async with bot.sessions() as session:
        poll = await store.get_poll(session, poll_id)
    assert poll is not None and poll.status == "open"
