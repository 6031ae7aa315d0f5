"""The email unsubscribe page in Chromium, on a phone and a desktop, with and without
JavaScript: no axe violations, nothing wider than the screen, the button stops the emails."""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

from playwright.async_api import expect

from bot.app import GetInvolved
from bot.store import alerts as store
from tests.web.browser import chromium, running_server, screenshot_folder
from tests.web.test_chat_browser import AXE
from tests.web.test_staff_browser import AXE_RULES


async def _subscriber(bot: GetInvolved, n: int) -> str:
    token = secrets.token_urlsafe(24)
    async with bot.sessions.begin() as session:
        await store.subscribe(
            session,
            person_key=f"browser-{n}",
            channel="email",
            address_encrypted=bot.keys.encrypt({"email": f"p{n}@example.org", "stop_token": token}),
            role="parent_carer",
            area="west_sussex",
            age_band=None,
            interests=[],
            now=dt.datetime.now(dt.UTC),
            stop_token_hash=store.token_hash(token),
        )
    return token


async def test_the_stop_page_in_a_browser(bot: GetInvolved, tmp_path: Path) -> None:
    shots = screenshot_folder(tmp_path)
    n = 0
    async with running_server(bot) as base, chromium() as browser:
        for javascript in (True, False):
            for width, height in ((375, 740), (1280, 800)):
                n += 1
                token = await _subscriber(bot, n)
                context = await browser.new_context(
                    viewport={"width": width, "height": height},
                    java_script_enabled=javascript,
                    bypass_csp=True,
                )
                page = await context.new_page()
                await page.goto(f"{base}/alerts/stop?token={token}")
                name = f"alerts-stop-{width}-{'js' if javascript else 'nojs'}"
                await page.screenshot(path=str(shots / f"{name}-ask.png"), full_page=True)
                if javascript:
                    await page.add_script_tag(path=str(AXE))
                    violations = (await page.evaluate(AXE_RULES))["violations"]
                    assert [v["id"] for v in violations] == [], width
                    wide = await page.evaluate(
                        "document.documentElement.scrollWidth > innerWidth + 1"
                    )
                    assert not wide, f"wider than a {width} px screen"
                await page.get_by_role("button", name="Stop these emails").click()
                await expect(page.get_by_role("heading", level=1)).to_have_text("Emails stopped")
                await page.screenshot(path=str(shots / f"{name}-done.png"), full_page=True)
                async with bot.sessions() as session:
                    assert not await store.token_exists(session, token)
                await context.close()
