"""The team email settings page in Chromium, on a phone and a desktop: no axe violations,
nothing wider than the screen, the error summary takes focus and its links reach the field."""

from __future__ import annotations

from pathlib import Path

from playwright.async_api import expect

from bot.app import GetInvolved
from tests.web.browser import chromium, running_server, screenshot_folder
from tests.web.staff_helpers import create_staff
from tests.web.test_chat_browser import AXE
from tests.web.test_staff_browser import AXE_RULES, sign_in


async def test_team_email_settings_in_a_browser(bot: GetInvolved, tmp_path: Path) -> None:
    await create_staff(bot, "admin@council.example", admin=True)
    shots = screenshot_folder(tmp_path)
    async with running_server(bot) as base, chromium() as browser:
        for width, height in ((375, 740), (1280, 800)):
            context = await browser.new_context(
                viewport={"width": width, "height": height}, bypass_csp=True
            )
            page = await context.new_page()
            await sign_in(page, base, "admin@council.example")
            await page.goto(f"{base}/staff/admin/teams/nhs-sussex")
            await page.get_by_label("At once").check()
            await page.get_by_label("Team email address").fill("not an address")
            await page.get_by_role("button", name="Save email settings").click()
            summary = page.locator(".govuk-error-summary")
            await expect(summary).to_be_focused()
            await page.screenshot(path=str(shots / f"team-error-{width}.png"), full_page=True)
            await summary.get_by_role("link").click()
            await expect(page.get_by_label("Team email address")).to_be_focused()
            await page.add_script_tag(path=str(AXE))
            violations = (await page.evaluate(AXE_RULES))["violations"]
            assert [v["id"] for v in violations] == [], width
            wide = await page.evaluate("document.documentElement.scrollWidth > innerWidth + 1")
            assert not wide, f"wider than a {width} px screen"

            await page.get_by_label("Team email address").fill("camhs-team@nhs.example")
            await page.get_by_label("A daily summary").check()
            await page.get_by_label("Time of the daily summary (UK time)").select_option("9")
            await page.get_by_role("button", name="Save email settings").click()
            await expect(page.locator(".govuk-notification-banner")).to_contain_text("saved")
            await page.screenshot(path=str(shots / f"team-saved-{width}.png"), full_page=True)
            await context.close()
