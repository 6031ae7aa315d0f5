"""Staff pages over real HTTP on loopback, on SQLite and PostgreSQL: sign in, see only your
teams' feedback, answer it, export it, publish it; CSRF, escaping and rate limits."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import pytest
from sqlalchemy import select

from bot.app import GetInvolved
from bot.settings import Settings
from bot.store import audit
from bot.store import feedback as store
from bot.store.audit import AuditRow
from tests.web.staff_helpers import create_staff, csrf, give_feedback, sign_in, web_client


async def setup_two_teams(bot: GetInvolved) -> tuple[int, int]:
    await create_staff(bot, "nurse@nhs.example", "nhs-sussex")
    await create_staff(bot, "forum@wspcf.example", "wspcf")
    health = await give_feedback(
        bot, "p1", "I'm a mum in Worthing", "The CAMHS wait is far too long for my son"
    )
    forum = await give_feedback(
        bot, "p2", "I'm a dad in Horsham", "<script>alert('x')</script> more coffee mornings please"
    )
    return health, forum


async def test_staff_see_only_their_teams_feedback(bot_on: GetInvolved) -> None:
    health, forum = await setup_two_teams(bot_on)
    async with web_client(bot_on) as client:
        assert await sign_in(client, "nurse@nhs.example") == 303
        inbox = await (await client.get("/staff/")).text()
        assert "CAMHS wait" in inbox and "coffee mornings" not in inbox
        assert (await client.get(f"/staff/feedback/{forum}")).status == 404
        assert (await client.get(f"/staff/feedback/{health}")).status == 200
        exported = await (await client.get("/staff/export.csv")).text()
        rows = list(csv.DictReader(io.StringIO(exported)))
        assert [int(row["id"]) for row in rows] == [health]
    async with bot_on.sessions() as session:
        actions = set((await session.scalars(select(AuditRow.action))).all())
    assert {"sign_in", "read", "export", "list"} <= actions


async def test_user_text_is_escaped(bot_on: GetInvolved) -> None:
    _, forum = await setup_two_teams(bot_on)
    async with web_client(bot_on) as client:
        await sign_in(client, "forum@wspcf.example")
        page = await (await client.get(f"/staff/feedback/{forum}")).text()
        assert "<script>alert" not in page
        assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page
        response = await client.get(f"/staff/feedback/{forum}")
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]


async def test_forms_need_a_csrf_token(bot_on: GetInvolved) -> None:
    health, _ = await setup_two_teams(bot_on)
    async with web_client(bot_on) as client:
        await sign_in(client, "nurse@nhs.example")
        refused = await client.post(
            f"/staff/feedback/{health}/respond", data={"response": "We will look at this"}
        )
        assert refused.status == 403
        forged = await client.post(
            f"/staff/feedback/{health}/respond", data={"response": "x", "csrf_token": "guess"}
        )
        assert forged.status == 403
        login = await client.post("/staff/login", data={"email": "a", "password": "b"})
        assert login.status == 403


async def test_sign_in_is_rate_limited(bot_on: GetInvolved) -> None:
    await create_staff(bot_on, "nurse@nhs.example", "nhs-sussex")
    async with web_client(bot_on) as client:
        for _ in range(5):
            assert await sign_in(client, "nurse@nhs.example", "wrong password!!") == 401
        assert await sign_in(client, "nurse@nhs.example") == 429


async def test_answer_goes_back_to_the_person_and_can_be_published(bot_on: GetInvolved) -> None:
    await create_staff(bot_on, "nurse@nhs.example", "nhs-sussex")
    feedback_id = await give_feedback(
        bot_on,
        "p3",
        "I'm a mum in Lewes",
        "Sarah at the clinic said the speech therapy list is 40 weeks, call 07700 900123",
        consent="contact",
    )
    async with web_client(bot_on) as client:
        await sign_in(client, "nurse@nhs.example")
        token = await csrf(client, f"/staff/feedback/{feedback_id}")
        response = await client.post(
            f"/staff/feedback/{feedback_id}/respond",
            data={
                "response": "We are adding two therapists. Thank you, Sarah.",
                "csrf_token": token,
            },
            allow_redirects=False,
        )
        assert response.status == 303
        assert "Nothing has been published" in await (await client.get("/you-said-we-did")).text()
        token = await csrf(client, f"/staff/feedback/{feedback_id}/publish")
        published = await client.post(
            f"/staff/feedback/{feedback_id}/publish",
            data={
                "own_words": "no",
                "you_said": "Sarah said the speech therapy list is 40 weeks long.",
                "we_did": "We are adding two therapists. Thank you, Sarah.",
                "action": "publish",
                "csrf_token": token,
            },
            allow_redirects=False,
        )
        assert published.status == 303
        public = await (await client.get("/you-said-we-did")).text()
    assert "We are adding two therapists" in public and "speech therapy list" in public
    assert "07700" not in public and "Sarah" not in public
    result = await bot_on.converse("web", "p3", "hello again")
    texts = [reply.text for reply in result.replies]
    assert texts[0] == "You have an answer to your feedback from NHS Sussex:"
    assert texts[1] == "We are adding two therapists. Thank you, Sarah."
    again = await bot_on.converse("web", "p3", "hello")
    assert all("answer to your feedback" not in r.text for r in again.replies), "shown once"


async def test_charts_and_admin(bot_on: GetInvolved) -> None:
    await setup_two_teams(bot_on)
    await create_staff(bot_on, "admin@council.example", "nhs-sussex", "wspcf", admin=True)
    async with web_client(bot_on) as client:
        await sign_in(client, "nurse@nhs.example")
        assert (await client.get("/staff/admin")).status == 404, "not for non-admins"
        charts = await (await client.get("/staff/charts")).text()
        assert "Health and the NHS" in charts and "<svg" in charts
    async with web_client(bot_on) as client:
        await sign_in(client, "admin@council.example")
        token = await csrf(client, "/staff/admin")
        created = await client.post(
            "/staff/admin/users",
            data={
                "email": "new@council.example",
                "name": "New Person",
                "password": "a long enough password",
                "teams": "espcf",
                "csrf_token": token,
            },
            allow_redirects=False,
        )
        assert created.status == 303
        assert "new@council.example" in await (await client.get("/staff/admin")).text()


async def test_signed_out_people_are_sent_to_sign_in(bot_on: GetInvolved) -> None:
    async with web_client(bot_on) as client:
        response = await client.get("/staff/", allow_redirects=False)
        assert response.status == 303 and response.headers["Location"] == "/staff/login"
        assert (await client.get("/healthz")).status == 200


async def test_publishing_is_a_reviewed_step_with_the_persons_consent(
    bot_on: GetInvolved,
) -> None:
    await create_staff(bot_on, "lo@wscc.example", "wscc-local-offer")
    private = await give_feedback(
        bot_on, "pub1", "I'm a mum in Worthing", "The Local Offer map is great, thanks Becky!"
    )
    agreed = await give_feedback(
        bot_on,
        "pub2",
        "I'm a mum in Crawley",
        "The Local Offer search works well now, says Priya Shah",
        publish=True,
    )
    async with web_client(bot_on) as client:
        await sign_in(client, "lo@wscc.example")
        token = await csrf(client, f"/staff/feedback/{private}/publish")
        own = await client.post(
            f"/staff/feedback/{private}/publish",
            data={"own_words": "yes", "we_did": "Thank you!", "action": "publish",
                  "csrf_token": token},
        )  # fmt: skip
        assert own.status == 400  # they did not agree to show their own words
        assert "did not agree" in await own.text()
        preview = await client.post(
            f"/staff/feedback/{agreed}/publish",
            data={"own_words": "yes", "we_did": "We asked Priya Shah to test it.",
                  "action": "preview", "csrf_token": token},
        )  # fmt: skip
        shown = await preview.text()
        assert preview.status == 200 and "Preview: what the public will see" in shown
        assert "The Local Offer search works well now" in shown
        assert "Priya" not in shown.split("Preview: what the public will see")[1].split("<form")[0]
        assert "Nothing has been published" in await (await client.get("/you-said-we-did")).text()
        draft = await client.post(
            f"/staff/feedback/{agreed}/publish",
            data={"own_words": "yes", "we_did": "We fixed the search.", "action": "draft",
                  "csrf_token": token},
            allow_redirects=False,
        )  # fmt: skip
        assert draft.status == 303
        assert "Nothing has been published" in await (await client.get("/you-said-we-did")).text()
        await client.post(
            f"/staff/feedback/{agreed}/publish",
            data={"own_words": "yes", "we_did": "We fixed the search.", "action": "publish",
                  "csrf_token": token},
        )  # fmt: skip
        public = await (await client.get("/you-said-we-did")).text()
        assert "The Local Offer search works well now" in public and "We fixed the search" in public
        assert "Priya" not in public
        withdrawn = await client.post(
            f"/staff/feedback/{agreed}/withdraw", data={"csrf_token": token}
        )
        assert withdrawn.status == 200 and "Taken off" in await withdrawn.text()
        assert "Nothing has been published" in await (await client.get("/you-said-we-did")).text()
    async with bot_on.sessions() as db:
        actions = [row.action for row in await audit.list_audit(db, limit=50)]
    assert {"publish", "publish_draft", "withdraw"} <= set(actions)


async def add_many(bot: GetInvolved, team: str, count: int, *, start: dt.datetime) -> None:
    """``count`` items for ``team``, one a minute from ``start``, with the minute in the text."""
    async with bot.sessions.begin() as db:
        for number in range(count):
            db.add(
                store.FeedbackRow(
                    created_at=start + dt.timedelta(minutes=number),
                    channel="web",
                    person_key=f"{team}-{number}",
                    team_id=team,
                    topic="health",
                    text=f"{team} item {number:03d}",
                    consent="anonymous",
                    status=store.STATUSES[number % 4],
                )
            )


_ITEM = re.compile(r"(nhs-sussex|wspcf) item (\d{3})")


def items(page: str) -> list[tuple[str, int]]:
    return [(team, int(number)) for team, number in _ITEM.findall(page)]


async def test_the_inbox_pages_and_sorts_only_the_teams_items(bot_on: GetInvolved) -> None:
    await create_staff(bot_on, "nurse@nhs.example", "nhs-sussex")
    start = dt.datetime(2026, 10, 1, 9, 0, tzinfo=dt.UTC)
    await add_many(bot_on, "nhs-sussex", 120, start=start)
    await add_many(bot_on, "wspcf", 30, start=start)
    async with web_client(bot_on) as client:
        await sign_in(client, "nurse@nhs.example")
        first = await (await client.get("/staff/")).text()
        assert items(first) == [("nhs-sussex", n) for n in range(119, 69, -1)]
        assert "120 pieces of feedback" in first and "page 1 of 3" in first
        assert 'aria-current="page">1<' in first and 'rel="next"' in first
        assert 'rel="prev"' not in first
        second = await (await client.get("/staff/?page=2")).text()
        assert items(second) == [("nhs-sussex", n) for n in range(69, 19, -1)]
        assert 'rel="prev"' in second and "wspcf item" not in second
        last = await (await client.get("/staff/?page=3")).text()
        assert items(last) == [("nhs-sussex", n) for n in range(19, -1, -1)]
        assert 'rel="next"' not in last
        oldest = await (await client.get("/staff/?sort=oldest&page=2&per_page=25")).text()
        assert items(oldest) == [("nhs-sussex", n) for n in range(25, 50)]
        assert "sort=oldest" in oldest and "per_page=25" in oldest  # the links keep them
        by_status = await (await client.get("/staff/?sort=status&per_page=200")).text()
        shown = items(by_status)
        assert len(shown) == 120
        statuses = [store.STATUSES[n % 4] for _, n in shown]
        assert statuses == sorted(statuses)  # answered, closed, new, read: by status
        filtered = await (await client.get("/staff/?status=closed&sort=oldest")).text()
        assert items(filtered)[:2] == [("nhs-sussex", 3), ("nhs-sussex", 7)]
        assert "30 pieces of feedback" in filtered
        assert "status=closed" in filtered  # the sort form keeps the filter


async def test_bad_page_numbers_are_clamped(bot_on: GetInvolved) -> None:
    await create_staff(bot_on, "nurse@nhs.example", "nhs-sussex")
    await add_many(bot_on, "nhs-sussex", 60, start=dt.datetime(2026, 10, 1, tzinfo=dt.UTC))
    async with web_client(bot_on) as client:
        await sign_in(client, "nurse@nhs.example")
        for page in ("0", "-1", "abc", "", "1.5", "99999999999999999999", "3"):
            response = await client.get("/staff/", params={"page": page})
            assert response.status == 200, page
            shown = items(await response.text())
            assert shown, page
        huge = await (await client.get("/staff/?page=99999999999999999999")).text()
        assert items(huge) == [("nhs-sussex", n) for n in range(9, -1, -1)]  # the last page
        for per_page in ("0", "-5", "x", "100000"):
            response = await client.get("/staff/", params={"per_page": per_page})
            assert response.status == 200, per_page
        bad_sort = await client.get("/staff/", params={"sort": "text; drop table"})
        assert bad_sort.status == 200


def test_overdue_counts_working_days_only() -> None:
    wednesday = dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC)
    assert store.overdue_cutoff(wednesday, 20) == dt.datetime(2026, 11, 4, 12, 0, tzinfo=dt.UTC)
    assert store.overdue_cutoff(wednesday, 3) == dt.datetime(2026, 11, 27, 12, 0, tzinfo=dt.UTC)
    monday = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)
    assert store.overdue_cutoff(monday, 1) == dt.datetime(2026, 11, 27, 9, 0, tzinfo=dt.UTC)


def test_answer_target_days_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, no_env_file: object
) -> None:
    assert Settings().answer_target_days == 20
    monkeypatch.setenv("ANSWER_TARGET_DAYS", "5")
    assert Settings().answer_target_days == 5


async def test_waiting_and_overdue_are_shown_and_filter(
    bot_on: GetInvolved, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With "now" fixed on Wednesday 2 December 2026 at noon, 20 working days back is noon on
    Wednesday 4 November: waiting since before then is overdue."""
    now = dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC)
    monkeypatch.setattr("bot.web.staff.utcnow", lambda: now)
    await create_staff(bot_on, "nurse@nhs.example", "nhs-sussex")
    made = {
        "late": ("nhs-sussex", "contact", "new", dt.datetime(2026, 11, 4, 11, 0)),
        "in time": ("nhs-sussex", "contact", "read", dt.datetime(2026, 11, 4, 13, 0)),
        "answered": ("nhs-sussex", "contact", "answered", dt.datetime(2026, 10, 1, 9, 0)),
        "anonymous": ("nhs-sussex", "anonymous", "new", dt.datetime(2026, 10, 1, 9, 0)),
        "closed": ("nhs-sussex", "contact", "closed", dt.datetime(2026, 10, 1, 9, 0)),
        "other team": ("wspcf", "contact", "new", dt.datetime(2026, 10, 1, 9, 0)),
    }
    async with bot_on.sessions.begin() as db:
        for label, (team, consent, status, when) in made.items():
            row = store.FeedbackRow(
                created_at=when.replace(tzinfo=dt.UTC),
                channel="web",
                person_key=label,
                team_id=team,
                topic="health",
                text=f"Item called {label}.",
                consent=consent,
                status=status,
            )
            db.add(row)
            await db.flush()
            if label == "answered":
                db.add(store.ResponseRow(feedback_id=row.id, text="We did something."))

    def labels(page: str) -> set[str]:
        return set(re.findall(r"Item called ([a-z ]+)\.", page))

    def tag(page: str, label: str) -> str | None:
        row = page.split(f"Item called {label}.")[0].rsplit('<tr class="govuk-table__row">', 1)[1]
        for name in ("Overdue", "Waiting for an answer"):
            if f">{name}</strong>" in row:
                return name
        return None

    async with web_client(bot_on) as client:
        await sign_in(client, "nurse@nhs.example")
        inbox = await (await client.get("/staff/")).text()
        assert labels(inbox) == {"late", "in time", "answered", "anonymous", "closed"}
        assert tag(inbox, "late") == "Overdue"
        assert tag(inbox, "in time") == "Waiting for an answer"
        assert tag(inbox, "answered") is None and tag(inbox, "anonymous") is None
        assert tag(inbox, "closed") is None
        waiting = await (await client.get("/staff/?answer=waiting")).text()
        assert labels(waiting) == {"late", "in time"}
        overdue = await (await client.get("/staff/?answer=overdue")).text()
        assert labels(overdue) == {"late"}
        assert "1 piece of feedback" in overdue
        exported = await (await client.get("/staff/export.csv?answer=overdue")).text()
        assert [row["text"] for row in csv.DictReader(io.StringIO(exported))] == [
            "Item called late."
        ]
        bad = await client.get("/staff/?answer=nonsense")
        assert bad.status == 200 and labels(await bad.text()) == labels(inbox)


def test_times_are_shown_with_dates_in_uk_time() -> None:
    from bot.web.staff import when

    winter = dt.datetime(2026, 11, 29, 10, 5, tzinfo=dt.UTC)
    assert when(winter) == "29 November 2026, 10:05"
    assert when(winter.replace(tzinfo=None)) == "29 November 2026, 10:05"  # SQLite: UTC, bare
    assert when(dt.datetime(2026, 7, 4, 8, 30, tzinfo=dt.UTC)) == "4 July 2026, 09:30"  # BST


async def test_applied_filters_are_tags_that_can_be_cleared(bot_on: GetInvolved) -> None:
    await create_staff(bot_on, "nurse@nhs.example", "nhs-sussex")
    await add_many(bot_on, "nhs-sussex", 8, start=dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC))
    async with web_client(bot_on) as client:
        await sign_in(client, "nurse@nhs.example")
        plain = await (await client.get("/staff/")).text()
        assert "Applied filters" not in plain and "Clear filters" not in plain
        assert "2 November 2026, 09:07" in plain  # the time, not only the date
        page = await (
            await client.get(
                "/staff/?status=closed&answer=waiting&since=2026-11-01&sort=oldest&page=2"
            )
        ).text()
        assert ">Status: Closed</strong>" in page
        assert ">Answer: Waiting for an answer</strong>" in page
        assert ">From: 1 November 2026</strong>" in page
        assert '<a class="govuk-link" href="/staff/?sort=oldest">Clear filters</a>' in page
        links = re.findall(r'href="(/staff/\?[^"]*)"', page)
        assert links and not any("item" in link for link in links)  # no feedback text in a URL
