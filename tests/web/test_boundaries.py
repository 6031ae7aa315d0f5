"""What happens at the edges, against the real aiohttp app on loopback: signing out for good,
security headers on every kind of answer, /metrics behind a token, JSON that is too deep or
too big, sessions the server never issued, ids and dates that cannot exist, text with null
bytes and lone surrogates, and a retried message that must not be stored twice."""

from __future__ import annotations

import json
import secrets
from pathlib import Path

from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy import func, select

from bot.app import GetInvolved, create_bot
from bot.redislink import RedisLink
from bot.store.feedback import FeedbackRow as Feedback
from bot.web.app import create_web_app
from bot.web.security import LoginLimiter, _shared_key
from tests.conftest import create_settings
from tests.scale.test_workers import RedisServer, redis_server  # noqa: F401
from tests.web.staff_helpers import create_staff, csrf, give_feedback, sign_in, web_client

HEADERS = (
    "Content-Security-Policy",
    "X-Content-Type-Options",
    "Referrer-Policy",
    "X-Frame-Options",
)


async def test_signing_out_ends_the_session_for_good(bot_on: GetInvolved) -> None:
    await create_staff(bot_on, "sam@example.org", "wspcf")
    async with web_client(bot_on) as client:
        assert await sign_in(client, "sam@example.org") == 303
        assert (await client.get("/staff/", allow_redirects=False)).status == 200
        kept = {cookie.key: cookie.value for cookie in client.session.cookie_jar}
        token = await csrf(client, "/staff/")
        out = await client.post("/staff/logout", data={"csrf_token": token}, allow_redirects=False)
        assert out.status == 303
        # Someone who copied the cookie before sign-out replays it: it no longer opens anything.
        client.session.cookie_jar.update_cookies(kept)
        replayed = await client.get("/staff/", allow_redirects=False)
        assert replayed.status == 303 and replayed.headers["Location"] == "/staff/login"
        # Signing in again works, with a new session.
        assert await sign_in(client, "sam@example.org") == 303
        assert (await client.get("/staff/", allow_redirects=False)).status == 200


async def test_headers_on_every_kind_of_answer(tmp_path: Path) -> None:
    bot = await create_bot(create_settings(tmp_path))
    app = create_web_app(bot)

    async def broken(request: web.Request) -> web.Response:
        raise RuntimeError("a bug")

    app.router.add_get("/broken", broken)
    client = TestClient(TestServer(app))
    await client.start_server()
    try:
        session = (await (await client.post("/api/v1/sessions")).json())["session"]
        answers = {
            "page": await client.get("/staff/login"),
            "redirect": await client.get("/staff/", allow_redirects=False),
            "not found": await client.get("/no/such/page"),
            "bad request": await client.post(
                f"/api/v1/sessions/{session}/messages",
                data=b"{",
                headers={"Content-Type": "application/json"},
            ),
            "server error": await client.get("/broken"),
        }
        assert [r.status for r in answers.values()] == [200, 303, 404, 400, 500]
        assert "a bug" not in await answers["server error"].text()
        for kind, response in answers.items():
            for header in HEADERS:
                assert header in response.headers, f"{header} missing on {kind}"
            server = response.headers.get("Server", "")
            assert not any(ch.isdigit() for ch in server), f"a version in Server: {server!r}"
            assert "Strict-Transport-Security" not in response.headers  # plain HTTP here
    finally:
        await client.close()
        await bot.close()

    secure = await create_bot(create_settings(tmp_path / "https", secure_cookies=True))
    # (create_settings puts the database in a folder that does not exist yet: it is made)
    client = TestClient(TestServer(create_web_app(secure, secure_cookies=True)))
    await client.start_server()
    try:
        for path in ("/staff/login", "/nothing-here"):
            hsts = (await client.get(path)).headers.get("Strict-Transport-Security", "")
            assert "max-age=" in hsts and int(hsts.split("max-age=")[1].split(";")[0]) >= 31536000
    finally:
        await client.close()
        await secure.close()


async def test_metrics_need_the_token(tmp_path: Path) -> None:
    token = secrets.token_urlsafe(24)
    bot = await create_bot(create_settings(tmp_path, metrics_token=token))
    async with web_client(bot) as client:
        await client.post("/api/v1/sessions")
        assert (await client.get("/metrics")).status == 404
        wrong = await client.get("/metrics", headers={"Authorization": "Bearer nope"})
        assert wrong.status == 404
        right = await client.get("/metrics", headers={"Authorization": f"Bearer {token}"})
        assert right.status == 200
        assert "getinvolved_" in await right.text()
    await bot.close()

    no_token = await create_bot(create_settings(tmp_path / "off"))
    async with web_client(no_token) as client:
        off = await client.get("/metrics", headers={"Authorization": "Bearer "})
        assert off.status == 404, "no METRICS_TOKEN: no metrics for anyone"
    await no_token.close()


async def test_json_too_deep_or_too_big_is_a_400(tmp_path: Path) -> None:
    bot = await create_bot(create_settings(tmp_path))
    async with web_client(bot) as client:
        session = (await (await client.post("/api/v1/sessions")).json())["session"]
        url = f"/api/v1/sessions/{session}/messages"
        bodies = {
            "deep": '{"text": "hi", "x": ' + "[" * 5000 + "]" * 5000 + "}",
            "huge number": '{"text": "hi", "message_id": ' + "9" * 5000 + "}",
            "not an object": "[1, 2, 3]",
            "empty": "",
            "extra field": '{"text": "hi", "colour": "red"}',
            "text not a string": '{"text": {"a": 1}}',
        }
        for name, body in bodies.items():
            response = await client.post(
                url, data=body.encode(), headers={"Content-Type": "application/json"}
            )
            assert response.status == 400, f"{name}: {response.status}"
            assert "error" in await response.json(), name
        # Nothing above broke the conversation.
        ok = await client.post(url, json={"text": "I'm a mum in Lewes"})
        assert (await ok.json())["profile"]["area"] == "east_sussex"
    await bot.close()


async def test_a_session_the_server_never_issued_is_not_found(tmp_path: Path) -> None:
    bot = await create_bot(create_settings(tmp_path))
    async with web_client(bot) as client:
        real = (await (await client.post("/api/v1/sessions")).json())["session"]
        made_up = [
            "a" * len(real),
            real[:-1] + ("A" if real[-1] != "A" else "B"),
            secrets.token_urlsafe(28)[: len(real)],
        ]
        for session in made_up:
            assert (await client.get(f"/api/v1/sessions/{session}")).status == 404
            sent = await client.post(f"/api/v1/sessions/{session}/messages", json={"text": "hi"})
            assert sent.status == 404
            assert (await client.delete(f"/api/v1/sessions/{session}")).status == 404
        assert (await client.get(f"/api/v1/sessions/{real}")).status == 200
    await bot.close()


async def test_impossible_ids_and_dates_on_staff_pages(bot_on: GetInvolved) -> None:
    await create_staff(bot_on, "admin@example.org", *bot_on.content.teams, admin=True)
    feedback_id = await give_feedback(bot_on, "p1", "I'm a mum in Crawley", "The bus is late")
    async with web_client(bot_on) as client:
        await sign_in(client, "admin@example.org")
        for odd in ("0", "-1", "9223372036854775808", "99999999999999999999999", "1e3", "abc"):
            for path in (f"/staff/feedback/{odd}", f"/staff/feedback/{odd}/publish"):
                assert (await client.get(path)).status == 404, path
        for since, until in (("0001-01-01", "9999-12-31"), ("2024-02-30", "x"), ("", "")):
            page = await client.get(f"/staff/?since={since}&until={until}")
            assert page.status == 200
            assert f"/staff/feedback/{feedback_id}" in await page.text()
            export = await client.get(f"/staff/export.csv?since={since}&until={until}")
            assert export.status == 200
        token = await csrf(client, "/staff/admin")
        made = await client.post(
            "/staff/admin/teams",
            data={"id": "wspcf", "name": "Again", "csrf_token": token},
            allow_redirects=False,
        )
        assert made.status in (404, 405), "teams come from content/teams.yml, not a form"


async def test_null_bytes_and_lone_surrogates_are_cleaned_and_saved(bot_on: GetInvolved) -> None:
    text = "The bus\x00 is late \ud800every day\x07 and nobody \udfffanswers"
    feedback_id = await give_feedback(bot_on, "odd", "I'm a dad in Worthing", text)
    async with bot_on.sessions() as db:
        saved = await db.get(Feedback, feedback_id)
        assert saved is not None
        plain = json.dumps(saved.text)
    assert "\\u0000" not in plain and "\\ud800" not in plain and "\\udfff" not in plain
    assert "is late" in plain and "every day" in plain


async def test_a_retried_message_returns_its_first_answer_and_stores_once(
    bot_on: GetInvolved,
) -> None:
    async with web_client(bot_on) as client:
        session = (await (await client.post("/api/v1/sessions")).json())["session"]
        url = f"/api/v1/sessions/{session}/messages"
        for n, text in enumerate(["I'm a mum in Lewes", "/feedback", "The ramp is broken"]):
            await client.post(url, json={"text": text, "message_id": f"m{n}"})
        yes = {"payload": '/consent{"level": "anonymous"}', "message_id": "yes-1"}
        first = await (await client.post(url, json=yes)).json()
        again = await (await client.post(url, json=yes)).json()
        assert again["replies"] == first["replies"]
        assert again["feedback_id"] == first["feedback_id"] is not None
    async with bot_on.sessions() as db:
        assert await db.scalar(select(func.count()).select_from(Feedback)) == 1


async def test_the_sign_in_limit_always_expires(redis_server: RedisServer) -> None:  # noqa: F811
    link = RedisLink(redis_server.url)
    try:
        limiter = LoginLimiter(attempts=3, window=60, shared=link)
        for _ in range(3):
            await limiter.failed("ip:1", "email:x")
        assert await limiter.blocked("ip:1")
        for key in ("ip:1", "email:x"):
            ttl = await link.call("PTTL", _shared_key(key))
            assert 0 < int(ttl) <= 60_000, f"{key} has no expiry: {ttl}"
        # Another worker (no local count) sees the same block from Redis.
        assert await LoginLimiter(attempts=3, window=60, shared=link).blocked("email:x")
        await limiter.succeeded("ip:1", "email:x")
        assert not await LoginLimiter(attempts=3, window=60, shared=link).blocked("email:x")
    finally:
        await link.close()
