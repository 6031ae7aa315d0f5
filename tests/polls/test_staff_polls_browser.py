"""The poll pages in Chromium at 375x740 and 1280x900, with and without JavaScript: write a
poll through the form (its errors first), preview, open, results hidden then shown, publish;
axe (with JavaScript on) finds no violations and nothing is wider than the screen."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.async_api import Page, expect

from bot.app import GetInvolved
from tests.polls.test_staff_polls import _answers
from tests.web.browser import chromium, running_server, screenshot_folder
from tests.web.staff_helpers import create_staff
from tests.web.test_chat_browser import AXE
from tests.web.test_staff_browser import AXE_RULES, sign_in


async def _check(page: Page, shots: Path, name: str, scripts: bool) -> None:
    await page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    wide = await page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
    assert not wide, f"{name} is wider than the screen"
    if not scripts:
        return  # axe is a script: it runs on the same pages with JavaScript on
    await page.add_script_tag(path=str(AXE))
    result = await page.evaluate(AXE_RULES)
    found = [
        (v["id"], v["help"], [n["html"][:80] for n in v["nodes"]]) for v in result["violations"]
    ]
    assert found == [], (name, found)


async def test_poll_pages_in_a_browser(bot: GetInvolved, tmp_path: Path) -> None:
    await create_staff(bot, "lo@council.example", "wscc-local-offer", "nhs-sussex")
    shots = screenshot_folder(tmp_path)
    async with running_server(bot) as base, chromium() as browser:
        for width, height in ((375, 740), (1280, 900)):
            for scripts in (True, False):
                tag = f"{width}-{'js' if scripts else 'nojs'}"
                context = await browser.new_context(
                    viewport={"width": width, "height": height},
                    java_script_enabled=scripts,
                    bypass_csp=True,
                )
                page = await context.new_page()
                await sign_in(page, base, "lo@council.example")
                await page.get_by_role("link", name="Polls").first.click() if width > 640 else (
                    await page.goto(f"{base}/staff/polls")
                )
                await expect(page.get_by_role("heading", name="Quick polls")).to_be_visible()
                await _check(page, shots, f"polls-{tag}", scripts)
                await page.get_by_role("button", name="Write a poll").click()
                await page.get_by_label("Question").fill("Which day suits you best for a meeting?")
                await page.get_by_label("Answer 1").fill("Saturday")
                await page.get_by_role("button", name="Save and preview").click()
                summary = page.locator(".govuk-error-summary")
                await expect(summary).to_contain_text("Choose the team")
                await expect(summary).to_contain_text("Enter at least 2 answers")
                await _check(page, shots, f"poll-new-errors-{tag}", scripts)
                await page.get_by_label("Team").select_option("wscc-local-offer")
                await page.get_by_label("Answer 2").fill("Sunday")
                await page.get_by_label("Answer 3").fill("A weekday after school")
                await page.get_by_label("Young people").check()
                await page.get_by_label("West Sussex").check()
                await page.get_by_label("Youngest").fill("11")
                await page.get_by_label("Oldest").fill("25")
                await page.get_by_role("button", name="Save and preview").click()
                await expect(page.locator(".govuk-notification-banner")).to_contain_text("draft")
                await _check(page, shots, f"poll-preview-{tag}", scripts)
                await page.get_by_role("button", name="Open the poll and send it").click()
                await expect(page.locator(".govuk-notification-banner")).to_contain_text("opened")
                poll_id = int(re.findall(r"/staff/polls/(\d+)", page.url)[0])
                await page.get_by_role("link", name="See the results").click()
                await expect(page.get_by_text("Results appear when at least 10")).to_be_visible()
                await _check(page, shots, f"poll-results-hidden-{tag}", scripts)
                await _answers(bot, poll_id, 13)
                await page.reload()
                await expect(page.get_by_text("13 people answered")).to_be_visible()
                await expect(page.get_by_text("Fewer than 10, not shown").first).to_be_visible()
                await _check(page, shots, f"poll-results-{tag}", scripts)
                await page.get_by_role("button", name="Publish the results").click()
                await expect(page.locator(".govuk-notification-banner")).to_contain_text(
                    "published"
                )
                await page.goto(f"{base}/polls/{poll_id}/results")
                await expect(page.get_by_text("13 people answered")).to_be_visible()
                await _check(page, shots, f"poll-public-{tag}", scripts)
                await context.close()
