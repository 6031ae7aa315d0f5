"""The opportunity pages in Chromium, on a phone (375x740) and a desktop, with and without
JavaScript: write one, see the errors and plain-English warnings, preview, publish, list.
No axe violations, nothing wider than the screen."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.async_api import Page, expect

from bot.app import GetInvolved
from tests.web.browser import chromium, running_server, screenshot_folder
from tests.web.staff_helpers import create_staff
from tests.web.test_chat_browser import AXE
from tests.web.test_staff_browser import AXE_RULES, sign_in

HARD = (
    "The strategic stakeholder engagement programme will facilitate comprehensive consultation "
    "regarding multidisciplinary commissioning arrangements and organisational implementation."
)


async def check(page: Page, shots: Path, name: str, width: int, scripts: bool) -> None:
    await page.screenshot(
        path=str(shots / f"opportunity-{name}-{width}-{'js' if scripts else 'nojs'}.png"),
        full_page=True,
    )
    wide = await page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
    assert not wide, f"{name} is wider than a {width} px screen"
    if scripts:
        await page.add_script_tag(path=str(AXE))
        result = await page.evaluate(AXE_RULES)
        found = [
            (v["id"], v["help"], [n["html"][:80] for n in v["nodes"]]) for v in result["violations"]
        ]
        assert found == [], (name, width, found)


async def test_opportunity_pages_in_a_browser(bot: GetInvolved, tmp_path: Path) -> None:
    await create_staff(bot, "lo@council.example", "wscc-local-offer", "wspcf")
    shots = screenshot_folder(tmp_path)
    async with running_server(bot) as base, chromium() as browser:
        for width, height in ((375, 740), (1280, 900)):
            for scripts in (True, False):
                context = await browser.new_context(
                    viewport={"width": width, "height": height},
                    java_script_enabled=scripts,
                    bypass_csp=True,
                )
                page = await context.new_page()
                await sign_in(page, base, "lo@council.example")
                if width > 1000:  # on a phone the menu is folded away behind "Menu"
                    await page.get_by_role("link", name="Opportunities").first.click()
                else:
                    await page.goto(f"{base}/staff/opportunities")
                await page.get_by_role("button", name="Write an opportunity").click()
                first_link = page.get_by_role("group", name="Link 1")
                await first_link.get_by_label("Web address, email or phone").fill(
                    "http://example.org"
                )
                await page.get_by_role("button", name="Save as draft").click()
                summary = page.locator(".govuk-error-summary")
                await expect(summary).to_contain_text("Enter a title")
                if scripts:
                    await expect(summary).to_be_focused()
                await check(page, shots, "errors", width, scripts)
                await summary.get_by_role("link", name="Enter a title").click()
                if scripts:
                    await expect(page.get_by_label("Title", exact=True)).to_be_focused()

                title = f"Family Hub chat {width} {scripts}"
                await page.get_by_label("Title", exact=True).fill(title)
                await page.get_by_label("What it is").fill(HARD)
                await page.get_by_label("Young people").check()
                await page.get_by_label("West Sussex").check()
                await page.get_by_label("Youngest").fill("11")
                await page.get_by_label("Oldest").fill("18")
                closing = page.get_by_role("group", name="Closing date")
                await closing.get_by_label("Day").fill("28")
                await closing.get_by_label("Month").fill("2")
                await closing.get_by_label("Year").fill("2099")
                await page.get_by_label("Where", exact=True).fill("Online")
                link = page.get_by_role("group", name="Link 1")
                await link.get_by_label("Words to show").fill("Book a place")
                await link.get_by_label("Web address, email or phone").fill(
                    "https://www.example.org/book"
                )
                await page.get_by_label(re.compile("Help to take part")).fill(
                    "We can send the questions first."
                )
                await page.get_by_role("button", name="Save as draft").click()
                await expect(page.locator(".govuk-notification-banner")).to_contain_text(
                    "Saved as a draft"
                )
                await expect(page.locator("#summary-plain")).to_contain_text("jargon")
                await check(page, shots, "warnings", width, scripts)

                await page.get_by_role("link", name="Preview, publish or close it").click()
                await expect(page.locator(".app-opportunity-card")).to_contain_text(title)
                await check(page, shots, "preview", width, scripts)
                await page.get_by_role("button", name="Publish").click()
                await expect(page.locator(".govuk-notification-banner")).to_contain_text(
                    "Published"
                )
                await check(page, shots, "published", width, scripts)
                await page.get_by_role("link", name="Back to opportunities").click()
                await expect(page.get_by_role("link", name=title)).to_be_visible()
                await check(page, shots, "list", width, scripts)
                await context.close()
    said = await bot.converse("web", "yp", "I'm 14 and live in Worthing")
    assert said.state is not None
    replies = (await bot.converse("web", "yp", "what's on?")).replies
    assert "Family Hub chat" in (replies[1].title or "")
