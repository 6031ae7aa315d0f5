"""In Chromium, with and without JavaScript, on a phone: the success banner and the error
summary take focus, the summary's links move to their fields, and nothing is wider than the
screen."""

from __future__ import annotations

from pathlib import Path

from playwright.async_api import Page, expect

from bot.app import GetInvolved
from tests.web.browser import chromium, running_server, screenshot_folder
from tests.web.staff_helpers import create_staff, give_feedback
from tests.web.test_staff_browser import sign_in

FOCUSED_CLASS = "document.activeElement && document.activeElement.className"


async def no_sideways_scroll(page: Page, width: int) -> None:
    assert await page.evaluate("document.documentElement.scrollWidth") <= width, page.url


async def test_banner_and_error_summary_take_focus(bot: GetInvolved, tmp_path: Path) -> None:
    await create_staff(bot, "nurse@nhs.example", "nhs-sussex")
    item = await give_feedback(bot, "p1", "I'm a mum in Lewes", "The clinic wait is long")
    shots = screenshot_folder(tmp_path)
    async with running_server(bot) as base, chromium() as browser:
        for (width, height), scripts in [
            (size, scripts) for size in ((375, 740), (1280, 900)) for scripts in (True, False)
        ]:
            context = await browser.new_context(
                viewport={"width": width, "height": height}, java_script_enabled=scripts
            )
            page = await context.new_page()

            async def look(name: str) -> None:
                await no_sideways_scroll(page, width)  # noqa: B023
                shot = f"state-{name}-{width}-{'js' if scripts else 'nojs'}.png"  # noqa: B023
                await page.screenshot(path=str(shots / shot), full_page=True)  # noqa: B023

            await sign_in(page, base, "nurse@nhs.example")
            await page.goto(f"{base}/staff/feedback/{item}")

            await page.get_by_role("button", name="Send answer").click()
            summary = page.locator(".govuk-error-summary")
            await expect(summary).to_be_focused()
            assert (await page.title()).startswith("Error: ")
            await look("answer-missing")
            await summary.get_by_role("link", name="Write an answer").click()
            await expect(page.locator("#response")).to_be_focused()

            await page.locator("#response").fill("We are on it.")
            await page.get_by_role("button", name="Send answer").click()
            notice = page.locator(".govuk-notification-banner--success")
            await expect(notice).to_be_focused()
            await expect(notice).to_have_attribute("role", "alert")
            await expect(notice).to_contain_text("Your answer is saved")
            await look("answer-saved")

            await page.goto(f"{base}/staff/")
            await page.locator("#since-day").fill("31")
            await page.locator("#since-month").fill("2")
            await page.locator("#since-year").fill("2024")
            await page.get_by_role("button", name="Filter").click()
            await expect(page.locator(".govuk-error-summary")).to_be_focused()
            await look("date-wrong")
            await page.get_by_role("link", name="The from date must be a real date").click()
            await expect(page.locator("#since-day")).to_be_focused()
            await context.close()
