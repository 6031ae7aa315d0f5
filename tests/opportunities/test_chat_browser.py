"""What a parent on a phone sees: the chances to have a say after the routes, in the web chat
with and without JavaScript, with working links and no axe violations."""

from __future__ import annotations

from itertools import product
from pathlib import Path

from playwright.async_api import expect

from bot.app import GetInvolved
from tests.opportunities.helpers import add_opportunity
from tests.web.browser import chat_after_first_message, chromium, running_server, screenshot_folder
from tests.web.test_chat_browser import AXE, AXE_RULES


async def test_chances_after_the_routes_on_a_phone(bot: GetInvolved, tmp_path: Path) -> None:
    await add_opportunity(
        bot,
        title="Family Hub inspection",
        audience={"roles": ["parent_carer"], "areas": ["east_sussex"]},
    )
    await add_opportunity(bot, title="Youth panel", audience={"roles": ["young_person"]})
    shots = screenshot_folder(tmp_path)
    async with running_server(bot) as base, chromium() as browser:
        for javascript, size in product((True, False), ((375, 740), (1280, 800))):
            # Her own age too, as parents are asked it: then the routes come at once.
            first = "im a 41 year old mum in Lewes and i want a say about his school"
            async with chat_after_first_message(
                browser, base, first, javascript=javascript, size=size
            ) as (
                page,
                log,
            ):
                await expect(log).to_contain_text("1 chance to have a say that fits you")
                await expect(log).to_contain_text("Family Hub inspection")
                assert "Youth panel" not in await log.inner_text()  # not for a parent
                link = page.get_by_role("link", name="Sign up").last
                assert await link.get_attribute("href") == "https://www.example.org/sign-up"
                suffix = f"{size[0]}-{'js' if javascript else 'nojs'}"
                await page.get_by_text("Family Hub inspection").last.scroll_into_view_if_needed()
                await page.screenshot(path=str(shots / f"chat-chances-{suffix}.png"))
                if javascript:
                    await page.add_script_tag(path=str(AXE))
                    result = await page.evaluate(AXE_RULES)
                    assert [v["id"] for v in result["violations"]] == []
