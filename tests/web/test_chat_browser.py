"""The web chat in Debian's Chromium: click and type a whole conversation, reload and carry on,
use only the keyboard, a phone-sized screen, and axe-core with zero violations."""

from __future__ import annotations

from pathlib import Path

from playwright.async_api import Page, expect

from bot.app import GetInvolved
from bot.settings import PROJECT_ROOT
from tests.web.browser import chromium, running_server

AXE = PROJECT_ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"


async def bot_says(page: Page, text: str) -> None:
    await expect(page.locator("#log")).to_contain_text(text)


async def test_click_type_reload_and_carry_on(bot: GetInvolved, tmp_path: Path) -> None:
    async with running_server(bot) as base, chromium() as browser:
        page = await browser.new_page()
        await page.goto(base + "/")
        await bot_says(page, "I am a computer, not a person")
        await expect(page.locator("#notice")).to_contain_text("Nobody watches this chat")
        await page.get_by_role("button", name="A parent or carer").click()
        await bot_says(page, "Where do you live?")
        await page.get_by_label("Your message").fill("we live in uckfeild")
        await page.get_by_role("button", name="Send").click()
        await bot_says(page, "You live in Uckfield, in East Sussex.")
        await page.get_by_role("button", name="Health and the NHS").click()
        await bot_says(page, "East Sussex Parent Carer Forum")

        await page.reload()
        await bot_says(page, "East Sussex Parent Carer Forum")
        await page.get_by_role("button", name="Tell me more").click()
        await bot_says(page, "info@espcf.org.uk")
        await page.screenshot(path=str(tmp_path / "chat.png"), full_page=True)

        await page.get_by_role("button", name="Delete my data").click()
        await bot_says(page, "I have deleted this chat")
    state = await bot.peek("web", "anything-at-all-1234567890")
    assert state.role is None


async def test_keyboard_only_on_a_phone(bot: GetInvolved) -> None:
    async with running_server(bot) as base, chromium() as browser:
        page = await browser.new_page(viewport={"width": 360, "height": 640})
        await page.goto(base + "/")
        await bot_says(page, "Who are you?")
        await page.keyboard.press("Tab")  # skip link
        await page.keyboard.press("Tab")  # the conversation log
        await page.keyboard.press("Tab")  # first choice
        focused = await page.evaluate("document.activeElement.textContent")
        assert focused == "A young person"
        await page.keyboard.press("Enter")
        await bot_says(page, "How old are you?")
        await page.get_by_label("Your message").focus()
        await page.keyboard.type("fourteen")
        await page.keyboard.press("Enter")
        await bot_says(page, "You are 14.")
        sizes = await page.eval_on_selector_all(
            "button", "els => els.map(e => [e.offsetWidth, e.offsetHeight])"
        )
        assert all(width >= 24 and height >= 24 for width, height in sizes)
        overflow = await page.evaluate("document.documentElement.scrollWidth > innerWidth + 1")
        assert not overflow, "no sideways scrolling on a phone"


async def test_zoom_400_percent_still_fits(bot: GetInvolved) -> None:
    async with running_server(bot) as base, chromium() as browser:
        # 1280px wide at 400% zoom is a 320 CSS-pixel viewport (WCAG 1.4.10 reflow).
        page = await browser.new_page(viewport={"width": 320, "height": 256})
        await page.goto(base + "/")
        await bot_says(page, "Who are you?")
        overflow = await page.evaluate("document.documentElement.scrollWidth > innerWidth + 1")
        assert not overflow


async def test_axe_finds_no_violations(bot: GetInvolved) -> None:
    async with running_server(bot) as base, chromium() as browser:
        context = await browser.new_context(bypass_csp=True)  # to inject axe-core only
        page = await context.new_page()
        await page.goto(base + "/")
        await bot_says(page, "Who are you?")
        await page.get_by_role("button", name="A young person").click()
        await bot_says(page, "How old are you?")
        await page.add_script_tag(path=str(AXE))
        result = await page.evaluate(
            "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
            " 'wcag22aa', 'best-practice']})"
        )
        violations = [(v["id"], v["help"], len(v["nodes"])) for v in result["violations"]]
        assert violations == []
        for path in ("/you-said-we-did", "/staff/login"):
            await page.goto(base + path)
            await page.add_script_tag(path=str(AXE))
            result = await page.evaluate("axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']})")
            assert [v["id"] for v in result["violations"]] == [], path
        await context.close()
