"""Staff pages in a real browser: two staff members of different teams sign in, each sees only
their team's feedback, answers it, exports it; the answer reaches the person."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from playwright.async_api import Page, expect

from bot.app import GetInvolved
from bot.store import feedback as store
from tests.web.browser import chromium, running_server, screenshot_folder
from tests.web.staff_helpers import PASSWORD, create_staff, give_feedback


async def sign_in(page: Page, base: str, email: str) -> None:
    await page.goto(f"{base}/staff/login")
    await page.get_by_label("Email address").fill(email)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.get_by_role("heading", name="Feedback for your teams")).to_be_visible()


async def test_two_teams_in_a_real_browser(bot: GetInvolved, tmp_path: Path) -> None:
    await create_staff(bot, "nurse@nhs.example", "nhs-sussex")
    await create_staff(bot, "forum@wspcf.example", "wspcf")
    await give_feedback(
        bot, "mum", "I'm a mum in Worthing", "The CAMHS wait is far too long", consent="contact"
    )
    await give_feedback(
        bot,
        "dad",
        "I'm a dad in Horsham",
        "<script>document.title='hacked'</script> more coffee mornings please",
    )

    async with running_server(bot) as base, chromium() as browser:
        page = await browser.new_page()
        await sign_in(page, base, "nurse@nhs.example")
        table = page.locator("#feedback-table")
        await expect(table).to_contain_text("CAMHS wait")
        await expect(table).not_to_contain_text("coffee mornings")

        await page.get_by_role("link", name="The CAMHS wait is far too long").click()
        await page.get_by_label("Your answer").fill("We have opened a new clinic in Worthing.")
        await page.get_by_role("button", name="Send answer").click()
        await expect(page.locator(".app-response")).to_contain_text("new clinic in Worthing")
        await page.get_by_role("link", name="Publish on You said, we did").click()
        await page.get_by_label("Summary of what they said").fill("Families said CAMHS waits.")
        await page.get_by_role("button", name="Preview").click()
        await expect(page.locator(".app-preview")).to_contain_text("new clinic in Worthing")
        await page.screenshot(path=str(tmp_path / "publish.png"), full_page=True)
        await page.get_by_role("button", name="Publish", exact=True).click()
        await expect(page.locator(".govuk-notification-banner")).to_contain_text("Published")

        await page.goto(f"{base}/staff/")
        async with page.expect_download() as waiting:
            await page.get_by_role("link", name="Download these as CSV").click()
        download = await waiting.value
        saved = tmp_path / "export.csv"
        await download.save_as(saved)
        rows = list(csv.DictReader(io.StringIO(saved.read_text(encoding="utf-8"))))
        assert [row["team_id"] for row in rows] == ["nhs-sussex"]
        await page.screenshot(path=str(tmp_path / "inbox.png"), full_page=True)
        await page.get_by_role("button", name="Sign out").click()

        await sign_in(page, base, "forum@wspcf.example")
        await expect(page.locator("#feedback-table")).not_to_contain_text("CAMHS")
        await page.locator("#feedback-table a").first.click()
        await expect(page.locator("#feedback-text")).to_contain_text("<script>")
        assert await page.title() != "hacked", "feedback text is shown as text, never run"

        await page.goto(f"{base}/you-said-we-did")
        await expect(page.locator("main")).to_contain_text("new clinic in Worthing")

    result = await bot.converse("web", "mum", "hi again")
    assert result.replies[1].text == "We have opened a new clinic in Worthing."


AXE_RULES = (
    "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa',"
    " 'best-practice']})"
)


async def test_staff_pages_pass_axe_on_a_phone_and_a_desktop(
    bot: GetInvolved, tmp_path: Path
) -> None:
    """Every staff page a busy staff member uses, signed in, at 375x740 and 1280x900, with
    and without JavaScript: no axe violations, nothing wider than the screen."""
    from tests.web.test_chat_browser import AXE

    await create_staff(bot, "lo@council.example", "wscc-local-offer", admin=True)
    other = await create_staff(bot, "a-very-long-email-address@council.example", *bot.content.teams)
    feedback_id = await give_feedback(
        bot, "p", "I'm a dad in Horsham", "The Local Offer website is hard on a phone", publish=True
    )
    async with bot.sessions.begin() as db:  # enough for pagination with an ellipsis
        for number in range(6):
            db.add(
                store.FeedbackRow(
                    channel="web",
                    person_key=f"many-{number}",
                    team_id="wscc-local-offer",
                    topic="council",
                    text=f"Item {number}",
                    consent="anonymous",
                )
            )
    pages = [
        "/staff/",
        "/staff/?per_page=1&page=4&sort=oldest&status=new",
        f"/staff/feedback/{feedback_id}",
        f"/staff/feedback/{feedback_id}/publish",
        "/staff/charts",
        "/staff/admin",
        f"/staff/admin/users/{other}",
        "/staff/admin/users/new",
        "/staff/admin/audit",
        "/staff/?since-day=31&since-month=2&since-year=2024",
        "/you-said-we-did",
    ]
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
                for path in pages:
                    await page.goto(base + path)
                    name = re.sub(r"[^a-z0-9]+", "-", path.strip("/")) or "inbox"
                    await page.screenshot(
                        path=str(shots / f"{name}-{width}-{'js' if scripts else 'nojs'}.png"),
                        full_page=True,
                    )
                    wide = await page.evaluate(
                        "document.documentElement.scrollWidth > window.innerWidth + 1"
                    )
                    assert not wide, f"{path} is wider than a {width} px screen"
                    if scripts:
                        await page.add_script_tag(path=str(AXE))
                        result = await page.evaluate(AXE_RULES)
                        found = [
                            (v["id"], v["help"], [n["html"][:80] for n in v["nodes"]])
                            for v in result["violations"]
                        ]
                        assert found == [], (path, width, found)
                await context.close()
