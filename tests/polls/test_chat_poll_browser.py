"""What a 14-year-old on a phone sees: a quick poll after the routes in the web chat, answered
with a tap (with JavaScript) or a form button (without), thanked, and never shown twice."""

from __future__ import annotations

from itertools import product
from pathlib import Path

from playwright.async_api import expect

from bot.app import create_bot
from tests.conftest import create_settings
from tests.polls.factories import QUESTION, create_poll
from tests.web.browser import chat_after_first_message, chromium, running_server, screenshot_folder
from tests.web.test_chat_browser import AXE, AXE_RULES


async def test_a_poll_on_a_phone_with_and_without_javascript(tmp_path: Path) -> None:
    public = "https://getinvolved.example.org"  # as PUBLIC_BASE_URL is where people use it
    bot = await create_bot(create_settings(tmp_path, public_base_url=public))
    await create_poll(bot, audience={"roles": ["young_person"], "areas": ["west_sussex"]})
    shots = screenshot_folder(tmp_path)
    async with running_server(bot) as base, chromium() as browser:
        for javascript, size in product((True, False), ((375, 740), (1280, 800))):
            first = "im 14 n i live in crawley, i want a say about school"
            async with chat_after_first_message(
                browser, base, first, javascript=javascript, size=size
            ) as (
                page,
                log,
            ):
                await expect(log).to_contain_text(QUESTION)
                suffix = f"{size[0]}-{'js' if javascript else 'nojs'}"
                await page.get_by_text(QUESTION).last.scroll_into_view_if_needed()
                await page.screenshot(path=str(shots / f"chat-poll-{suffix}.png"))
                if javascript:
                    await page.add_script_tag(path=str(AXE))
                    result = await page.evaluate(AXE_RULES)
                    assert [v["id"] for v in result["violations"]] == []
                await page.get_by_role("button", name="Sunday").last.click()
                await expect(log).to_contain_text("Your answer is saved, but not who gave it")
                results = page.get_by_role("link", name="See the results")
                assert await results.get_attribute("href") == f"{public}/polls/1/results"
                await expect(page.get_by_role("button", name="Give feedback").last).to_be_visible()
                await page.screenshot(path=str(shots / f"chat-poll-answered-{suffix}.png"))
    await bot.close()
