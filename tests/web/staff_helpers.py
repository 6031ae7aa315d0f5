"""Helpers for staff page tests: a real aiohttp server on loopback, staff users, feedback."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from aiohttp.test_utils import TestClient, TestServer

from bot.app import GetInvolved
from bot.passwords import hash_password
from bot.store import staff
from bot.web.app import create_web_app

PASSWORD = "correct horse battery staple"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


async def create_staff(bot: GetInvolved, email: str, *teams: str, admin: bool = False) -> int:
    async with bot.sessions.begin() as session:
        user = await staff.create_user(
            session,
            email=email,
            name=email.split("@")[0].title(),
            password_hash=hash_password(PASSWORD),
            team_ids=teams,
            is_admin=admin,
        )
        return user.id


@asynccontextmanager
async def web_client(bot: GetInvolved) -> AsyncIterator[TestClient]:
    client = TestClient(TestServer(create_web_app(bot)))
    await client.start_server()
    try:
        yield client
    finally:
        await client.close()


async def csrf(client: TestClient, path: str = "/staff/login") -> str:
    response = await client.get(path)
    found = _TOKEN.search(await response.text())
    assert found, f"no CSRF token on {path}"
    return found.group(1)


async def sign_in(client: TestClient, email: str, password: str = PASSWORD) -> int:
    token = await csrf(client)
    response = await client.post(
        "/staff/login",
        data={"email": email, "password": password, "csrf_token": token},
        allow_redirects=False,
    )
    return response.status


async def give_feedback(
    bot: GetInvolved,
    sender: str,
    intro: str,
    text: str,
    consent: str = "anonymous",
    *,
    publish: bool = False,
) -> int:
    await bot.converse("web", sender, intro)
    await bot.converse("web", sender, "/feedback")
    await bot.converse("web", sender, text)
    result = await bot.converse("web", sender, f'/consent{{"level": "{consent}"}}')
    if consent == "contact":
        result = await bot.converse("web", sender, "/skip")
    if result.state is not None and result.state.asking == "publish_consent":
        ok = "true" if publish else "false"
        result = await bot.converse("web", sender, f'/publish{{"ok": {ok}}}')
    assert result.state is not None and result.state.feedback_id is not None
    return result.state.feedback_id
