"""Themes and the Local Offer report in a real browser, on a phone and a desktop, with
screenshots to look at (set SCREENSHOTS=folder to keep them)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from playwright.async_api import expect

from bot.app import GetInvolved
from tests.themes.factories import DAY, create_answer, create_feedback, create_publication
from tests.web.browser import chromium, running_server, screenshot_folder
from tests.web.staff_helpers import PASSWORD, create_staff

TEXTS = [
    ("The school taxi was late every day this term", "council"),
    ("We have waited 18 months for an autism assessment", "council"),
    ("The Local Offer website search does not find short breaks", "council"),
    ("Links on the Local Offer pages about transport are broken", "council"),
    ("Thank you, the Local Offer team found the right club for my son", "council"),
    ("Nobody replied to my emails about his plan", "council"),
    ("Parking near the family centre costs too much", "council"),
    ("There is never any parking at the family centre", "council"),
    ("Family centre parking spaces are always taken", "council"),
]


async def test_themes_and_report_pages_on_a_phone_and_a_desktop(
    bot: GetInvolved, tmp_path: Path
) -> None:
    await create_staff(bot, "offer@wscc.example", "wscc-local-offer")
    await create_staff(bot, "nurse@nhs.example", "nhs-sussex")
    ids = []
    for number, (text, topic) in enumerate(TEXTS):
        created = DAY + dt.timedelta(days=number * 9)
        ids.append(await create_feedback(bot, text=text, topic=topic, created_at=created))
    await create_feedback(bot, text="NHS-ONLY the CAMHS wait", team_id="nhs-sussex", topic="health")
    await create_answer(bot, ids[2], "We have improved the search.", at=DAY + dt.timedelta(days=25))
    await create_publication(
        bot,
        ids[2],
        you_said="Families could not find short breaks on the Local Offer.",
        we_did="We improved the search and added a short breaks page.",
    )
    folder = screenshot_folder(tmp_path)
    async with running_server(bot) as base, chromium() as browser:
        for width, height in ((375, 740), (1280, 900)):
            page = await browser.new_page(viewport={"width": width, "height": height})
            await page.goto(f"{base}/staff/login")
            await page.get_by_label("Email address").fill("offer@wscc.example")
            await page.get_by_label("Password").fill(PASSWORD)
            await page.get_by_role("button", name="Sign in").click()

            await page.goto(f"{base}/staff/themes")
            await expect(page.get_by_role("heading", name="What people raise most")).to_be_visible()
            await expect(page.locator("main")).not_to_contain_text("NHS-ONLY")
            await expect(page.locator("#themes-table")).to_contain_text("Finding information")
            assert await page.evaluate("document.documentElement.scrollWidth") <= width
            await page.screenshot(path=str(folder / f"themes-{width}.png"), full_page=True)
            if width == 375:  # staff accept a new theme found in feedback that fits none
                await expect(page.locator(".app-new-theme")).to_contain_text("parking")
                await page.get_by_label("Name for this theme").fill("Parking at the family centre")
                await page.get_by_role("button", name="Add this theme").click()
                await expect(page.locator("#theme-items")).to_contain_text("never any parking")
                await page.screenshot(path=str(folder / f"new-theme-{width}.png"), full_page=True)
                await page.goto(f"{base}/staff/themes")

            await page.get_by_role("link", name="Finding information").first.click()
            await expect(page.locator("#theme-items")).to_contain_text("Local Offer")
            assert await page.evaluate("document.documentElement.scrollWidth") <= width
            await page.screenshot(path=str(folder / f"theme-{width}.png"), full_page=True)

            await page.goto(f"{base}/staff/report")
            for prefix, (day, month, year) in (("from", (1, 6, 2026)), ("to", (31, 8, 2026))):
                group = page.get_by_role("group", name="From" if prefix == "from" else "To")
                await group.get_by_label("Day").fill(str(day))
                await group.get_by_label("Month").fill(str(month))
                await group.get_by_label("Year").fill(str(year))
            await page.get_by_role("button", name="Show report").click()
            main = page.locator("main")
            await expect(main).to_contain_text("comments about the Local Offer")
            await expect(main).to_contain_text("We improved the search")
            await expect(main).not_to_contain_text("NHS-ONLY")
            assert await page.evaluate("document.documentElement.scrollWidth") <= width
            await page.screenshot(path=str(folder / f"report-{width}.png"), full_page=True)
            await page.emulate_media(media="print")
            await expect(page.locator(".govuk-header")).to_be_hidden()
            await expect(page.get_by_role("button", name="Show report")).to_be_hidden()
            await page.screenshot(
                path=str(folder / f"report-print-media-{width}.png"), full_page=True
            )
            await page.emulate_media(media="screen")
            await page.get_by_role("link", name="Print-friendly page").click()
            await expect(page.locator("main")).to_contain_text("We improved the search")
            await page.screenshot(path=str(folder / f"report-print-{width}.png"), full_page=True)

            await page.goto(f"{base}/staff/feedback/{ids[0]}/themes")
            await page.get_by_label("Being listened to").check()
            await page.get_by_role("button", name="Save themes").click()
            await expect(page.locator("#theme-source")).to_contain_text("Staff chose")
            await page.screenshot(path=str(folder / f"tag-{width}.png"), full_page=True)
            await page.close()
