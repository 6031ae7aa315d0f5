"""The web chat in Debian's Chromium: click and type a whole conversation, reload and carry on,
use only the keyboard, a phone-sized screen, and axe-core with zero violations."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Page, Route, expect

from bot.app import GetInvolved
from bot.engine.replies import Reply
from bot.settings import PROJECT_ROOT
from tests.web.browser import chromium, running_server, screenshot_folder
from tests.web.staff_helpers import create_staff, csrf, give_feedback, sign_in, web_client

AXE = PROJECT_ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
AXE_RULES = (
    "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa',"
    " 'best-practice']})"
)
SIZES = ((375, 740), (1280, 800))


async def bot_says(page: Page, text: str) -> None:
    await expect(page.locator("#log")).to_contain_text(text)


async def tap_parent_then_age(page: Page, age: str = "Rather not say") -> None:
    """Tap "A parent or carer"; a parent is asked their own age too: tap ``age``."""
    await page.get_by_role("button", name="A parent or carer").click()
    await bot_says(page, "How old are you? I mean you, not your child.")
    await page.locator("#choices").get_by_role("button", name=age).click()
    await bot_says(page, "Where do you live?")


async def test_click_type_reload_and_carry_on(bot: GetInvolved, tmp_path: Path) -> None:
    async with running_server(bot) as base, chromium() as browser:
        page = await browser.new_page()
        await page.goto(base + "/")
        await bot_says(page, "I am a computer, not a person")
        await expect(page.locator("#notice")).to_contain_text("Nobody watches this chat")
        await tap_parent_then_age(page, "Over 25")
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
        visited = []
        for _ in range(8):  # skip link, the 999 link, (settings), the log, then the choices
            await page.keyboard.press("Tab")
            visited.append(await page.evaluate("document.activeElement.id || ''"))
            if await page.evaluate("document.activeElement.classList.contains('choice')"):
                break
        focused = await page.evaluate("document.activeElement.textContent")
        assert focused == "A young person"
        assert "log" in visited, "the conversation can be reached to scroll it"
        await page.keyboard.press("Enter")
        await bot_says(page, "How old are you?")
        assert await page.evaluate("document.activeElement.id") == "message", (
            "after a button, focus goes to the message box"
        )
        await page.keyboard.type("fourteen")
        await page.keyboard.press("Enter")
        await bot_says(page, "You are 14.")
        sizes = await page.eval_on_selector_all(
            "button",
            "els => els.filter(e => e.getClientRects().length)"  # the ones on show
            ".map(e => [e.offsetWidth, e.offsetHeight])",
        )
        assert all(width >= 24 and height >= 24 for width, height in sizes)
        ours = await page.eval_on_selector_all(
            ".choice, .chat__send, .chat__tool",
            "els => els.map(e => [e.offsetWidth, e.offsetHeight])",
        )
        assert all(width >= 44 and height >= 44 for width, height in ours), "44px (AAA) targets"
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


async def test_axe_finds_no_violations(bot: GetInvolved, tmp_path: Path) -> None:
    async with running_server(bot) as base, chromium() as browser:
        for width, height in SIZES:
            context = await browser.new_context(
                viewport={"width": width, "height": height}, bypass_csp=True
            )  # bypass_csp only to inject axe-core
            page = await context.new_page()
            await page.goto(base + "/")
            await bot_says(page, "Who are you?")
            await expect(page.locator("#notice")).to_be_in_viewport()  # not scrolled past
            await page.screenshot(
                path=str(screenshot_folder(tmp_path) / f"chat-start-{width}-js.png")
            )
            await tap_parent_then_age(page)
            # A short answer and its buttons fit: all of it is shown, above the message box.
            shown = await page.evaluate(
                "[[...document.querySelectorAll('.msg--person')].pop().nextElementSibling"
                ".getBoundingClientRect().top,"
                " document.getElementById('choices').getBoundingClientRect().bottom,"
                " document.getElementById('dock').getBoundingClientRect().top]"
            )
            assert shown[0] >= 0 and shown[1] <= shown[2], shown
            await page.get_by_label("Your message").fill("Worthing")
            await page.get_by_role("button", name="Send").click()
            await page.get_by_role("button", name="Health and the NHS").click()
            await bot_says(page, "Parent Carer Forum")
            await page.screenshot(
                path=str(screenshot_folder(tmp_path) / f"chat-routes-{width}-js.png")
            )
            await page.add_script_tag(path=str(AXE))
            result = await page.evaluate(AXE_RULES)
            violations = [(v["id"], v["help"], len(v["nodes"])) for v in result["violations"]]
            assert violations == [], width
            await context.close()
        context = await browser.new_context(bypass_csp=True)
        page = await context.new_page()
        for path in ("/you-said-we-did", "/staff/login"):
            await page.goto(base + path)
            await page.add_script_tag(path=str(AXE))
            result = await page.evaluate("axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']})")
            assert [v["id"] for v in result["violations"]] == [], path
        await context.close()


# A turn in the shape of the contract (links, title, symbol), as the API will send it once
# the engine fills those fields in. Tests that use it answer the chat's API call with it
# (Playwright's page.route), so the page's rendering is tested whatever the engine sends today.
FORUM = {
    "text": "A group of parents who help plan services in East Sussex. For parent carers.",
    "buttons": [],
    "links": [
        {"title": "Email the forum", "url": "mailto:info@espcf.org.uk"},
        {"title": "Call the forum", "url": "tel:01273000000"},
        {"title": "Visit the website", "url": "https://espcf.org.uk/"},
        {"title": "Not a link", "url": "javascript:alert(1)"},
    ],
    "title": "East Sussex Parent Carer Forum",
    "symbol": "family",
}


def card_turn(session: str, cards: int = 1) -> dict[str, Any]:
    replies: list[dict[str, Any]] = [
        {
            "text": "Here are ways to have a say.",
            "buttons": [],
            "links": [],
            "title": None,
            "symbol": None,
        }
    ]
    for number in range(cards):
        replies.append({**FORUM, "title": FORUM["title"] if number == 0 else f"Route {number}"})
    replies.append(
        {
            "text": "What next?",
            "buttons": [
                {"title": "Tell me more", "payload": "/more", "symbol": "info"},
                {"title": "Give feedback", "payload": "/feedback", "symbol": "speech"},
            ],
            "links": [],
            "title": None,
            "symbol": None,
        }
    )
    return {
        "session": session,
        "replies": replies,
        "profile": {},
        "routes": ["espcf"],
        "feedback_id": None,
        "crisis": False,
        "asking": None,
    }


async def answer_next_message_with_cards(page: Page, cards: int = 1) -> list[dict[str, Any]]:
    """The next message the chat sends gets a contract-shaped turn; returns what was sent."""
    sent: list[dict[str, Any]] = []

    async def fulfil(route: Route) -> None:
        body = json.loads(route.request.post_data or "{}")
        sent.append(body)
        session = route.request.url.split("/sessions/")[1].split("/")[0]
        await route.fulfill(json=card_turn(session, cards))
        await page.unroute("**/api/v1/sessions/*/messages", fulfil)

    await page.route("**/api/v1/sessions/*/messages", fulfil)
    return sent


async def test_a_route_card_has_a_heading_working_links_and_copy(
    bot: GetInvolved, tmp_path: Path
) -> None:
    async with running_server(bot) as base, chromium() as browser:
        for width, height in SIZES:
            context = await browser.new_context(
                viewport={"width": width, "height": height}, bypass_csp=True
            )
            await context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
            page = await context.new_page()
            await page.goto(base + "/")
            await bot_says(page, "Who are you?")
            sent = await answer_next_message_with_cards(page)
            await page.get_by_label("Your message").fill("I'm a mum in Lewes")
            await page.get_by_role("button", name="Send").click()
            card = page.locator(".msg--card").first
            heading = card.get_by_role("heading", name="East Sussex Parent Carer Forum")
            await expect(heading).to_be_visible()
            assert await heading.evaluate("h => h.tagName") == "H2"
            email = card.get_by_role("link", name="Email the forum")
            assert await email.get_attribute("href") == "mailto:info@espcf.org.uk"
            assert (
                await card.get_by_role("link", name="Call the forum").get_attribute("href")
                == "tel:01273000000"
            )
            assert (
                await card.get_by_role("link", name="Visit the website").get_attribute("href")
                == "https://espcf.org.uk/"
            )
            await expect(card.get_by_role("link", name="Not a link")).to_have_count(0)
            await expect(card).to_contain_text("Not a link")
            symbol = card.locator("img.gi-symbol")
            assert await symbol.get_attribute("src") == "/chat/symbols/family.svg"
            assert await symbol.get_attribute("alt") == ""
            assert sent[0]["text"] == "I'm a mum in Lewes"
            assert "easy_read" not in sent[0], "easy read off and never on: nothing to say"

            await card.get_by_role("button", name="Copy info@espcf.org.uk").click()
            await expect(card.get_by_role("status").first).to_have_text("Copied")
            assert await page.evaluate("navigator.clipboard.readText()") == "info@espcf.org.uk"
            await card.get_by_role("button", name="Copy 01273000000").click()
            assert await page.evaluate("navigator.clipboard.readText()") == "01273000000"

            # The links work: following the email link asks the browser to open an email.
            await page.evaluate(
                "document.querySelector('a[href^=\"mailto:\"]').addEventListener('click',"
                " e => { window.followed = e.currentTarget.href; e.preventDefault(); })"
            )
            await email.click()
            assert await page.evaluate("window.followed") == "mailto:info@espcf.org.uk"

            # Easy read on (settings.js sets the class): the next message says so.
            await page.evaluate("document.documentElement.classList.add('gi-easy')")
            sent = await answer_next_message_with_cards(page)
            await page.get_by_role("button", name="Tell me more").click()
            await expect(page.locator(".msg--card")).to_have_count(2)
            assert sent[0] == {
                "payload": "/more",
                "message_id": sent[0]["message_id"],
                "easy_read": True,
            }

            await page.add_script_tag(path=str(AXE))
            result = await page.evaluate(AXE_RULES)
            found = [(v["id"], [n["html"][:80] for n in v["nodes"]]) for v in result["violations"]]
            assert found == [], (width, found)
            await page.screenshot(
                path=str(screenshot_folder(tmp_path) / f"chat-card-{width}-js.png")
            )
            await context.close()


async def test_a_long_answer_shows_its_start_and_the_tools_stay_on_screen(
    bot: GetInvolved, tmp_path: Path
) -> None:
    async with running_server(bot) as base, chromium() as browser:
        for width, height in SIZES:
            page = await browser.new_page(viewport={"width": width, "height": height})
            await page.goto(base + "/")
            await bot_says(page, "Who are you?")
            await tap_parent_then_age(page)
            await answer_next_message_with_cards(page, cards=6)
            await page.get_by_label("Your message").fill("Lewes")
            await page.get_by_role("button", name="Send").click()
            await expect(page.locator(".msg--card")).to_have_count(6)
            start = page.get_by_text("Here are ways to have a say.")
            top = await start.evaluate("e => e.closest('.msg').getBoundingClientRect().top")
            assert 0 <= top < 100, f"the start of the new answer is at the top ({top})"
            end = await page.locator(".msg").last.evaluate("e => e.getBoundingClientRect().top")
            assert end > height, "it did not jump to the end of the answer"
            await page.screenshot(
                path=str(screenshot_folder(tmp_path) / f"chat-long-{width}-js.png")
            )
            # Going back with the keyboard from the message box: what gets focus is not
            # hidden behind the docked message box and tools (WCAG 2.4.11).
            await page.get_by_label("Your message").focus()
            await page.keyboard.press("Shift+Tab")
            hidden = await page.evaluate(
                "document.activeElement.getBoundingClientRect().bottom >"
                " document.getElementById('dock').getBoundingClientRect().top"
            )
            assert not hidden, "focus is above the dock"
            for name, role in (
                ("Start again", "button"),
                ("Delete my data", "button"),
                ("You said, we did", "link"),
                ("Send", "button"),
            ):
                tool = page.get_by_role(role, name=name)  # type: ignore[arg-type]
                box = await tool.bounding_box()
                assert box and box["y"] >= 0 and box["y"] + box["height"] <= height, name
                on_top = await tool.evaluate(
                    "t => { const r = t.getBoundingClientRect();"
                    " const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);"
                    " return t.contains(hit); }"
                )
                assert on_top, f"{name} is not covered"
            await page.close()


async def test_keep_this_chat_on_this_device(bot: GetInvolved) -> None:
    await create_staff(bot, "nurse@nhs.example", "nhs-sussex")
    async with running_server(bot) as base, chromium() as browser:
        context = await browser.new_context(viewport={"width": 375, "height": 740})
        first = await context.new_page()
        await first.goto(base + "/")
        await bot_says(first, "Who are you?")
        keep = first.get_by_label("Keep this chat on this device")
        assert not await keep.is_checked(), "off unless the person turns it on"
        await expect(first.locator("#keep-hint")).to_contain_text("could see it")
        await tap_parent_then_age(first)

        other = await context.new_page()  # off: a new tab starts again
        await other.goto(base + "/")
        await bot_says(other, "Who are you?")
        await expect(other.locator("#log")).not_to_contain_text("Where do you live?")
        await other.close()

        await keep.check()
        await expect(first.locator("#keep-box")).to_contain_text("kept on this device")
        session = await first.evaluate("JSON.parse(localStorage['getinvolved.session'])")
        second = await context.new_page()  # on: a new tab carries on
        await second.goto(base + "/")
        await bot_says(second, "Where do you live?")
        assert await second.get_by_label("Keep this chat on this device").is_checked()
        await second.close()

        # Feedback given in this chat is answered by staff while the person is away.
        await give_feedback(
            bot, session, "I'm a mum in Worthing", "The CAMHS wait is too long", "contact"
        )
        async with web_client(bot) as client:
            await sign_in(client, "nurse@nhs.example")
            feedback = await client.get("/staff/")
            feedback_id = int(re.findall(r"/staff/feedback/(\d+)", await feedback.text())[0])
            token = await csrf(client, f"/staff/feedback/{feedback_id}")
            answered = await client.post(
                f"/staff/feedback/{feedback_id}/respond",
                data={"response": "We are adding two therapists.", "csrf_token": token},
                allow_redirects=False,
            )
            assert answered.status == 303
        await first.close()
        later = await context.new_page()  # a later visit
        await later.goto(base + "/")
        await bot_says(later, "You have an answer to your feedback from NHS Sussex")
        await bot_says(later, "We are adding two therapists.")
        await bot_says(later, "Where do you live?")  # what was said before is still there
        buttons = later.locator("#choices button")
        assert await buttons.count() > 0, "the buttons are still there"
        await buttons.first.click()
        await expect(later.locator(".msg--person").last).to_be_visible()
        await expect(later.locator(".msg")).not_to_have_count(0)

        await later.get_by_label("Keep this chat on this device").uncheck()
        kept = await later.evaluate(
            "Object.keys(localStorage).filter(k => k.startsWith('getinvolved.'))"
        )
        assert kept == [], "turning it off removes what was kept"
        await bot_says(later, "We are adding two therapists.")  # this tab carries on
        fresh = await context.new_page()
        await fresh.goto(base + "/")
        await bot_says(fresh, "Who are you?")
        await expect(fresh.locator("#log")).not_to_contain_text("two therapists")
        await context.close()


ENGINE_SENDS_LINKS = "links" in Reply("").as_dict()


@pytest.mark.skipif(
    not ENGINE_SENDS_LINKS, reason="the engine does not send links yet (issue 12, backend part)"
)
async def test_real_route_cards_from_the_engine(bot: GetInvolved, tmp_path: Path) -> None:
    """End to end, once the engine sends links and titles: a parent in Lewes gets route cards
    with a heading and a working email link, with and without JavaScript."""
    async with running_server(bot) as base, chromium() as browser:
        for scripts in (True, False):
            context = await browser.new_context(
                viewport={"width": 375, "height": 740}, java_script_enabled=scripts
            )
            await context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
            page = await context.new_page()
            await page.goto(base + "/")
            await page.get_by_label("Your message").fill("I'm a mum in Lewes")
            await page.get_by_role("button", name="Send").click()
            await bot_says(page, "How old are you? I mean you, not your child.")
            await page.get_by_label("Your message").fill("I'm 40")
            await page.get_by_role("button", name="Send").click()
            await page.get_by_role("button", name="Health and the NHS").click()
            card = page.locator(".msg--card").first
            await expect(card.locator("h2.card__title")).to_be_visible()
            email = page.locator("#log a[href^='mailto:']").first
            await expect(email).to_be_visible()
            await page.wait_for_load_state("load")  # painted, for the screenshot
            await page.screenshot(
                path=str(
                    screenshot_folder(tmp_path)
                    / f"chat-real-cards-375-{'js' if scripts else 'nojs'}.png"
                )
            )
            if scripts:
                address = (await email.get_attribute("href") or "")[len("mailto:") :]
                item = page.locator(".card__link", has=page.locator("a[href^='mailto:']")).first
                await item.get_by_role("button", name=f"Copy {address}").click()
                await expect(item.get_by_role("status")).to_have_text("Copied")
                assert await page.evaluate("navigator.clipboard.readText()") == address
            await context.close()


async def test_asking_to_tell_someone_in_the_first_message_shows_routes_then_asks(
    bot: GetInvolved, tmp_path: Path
) -> None:
    """A parent who says who and where and asks to pass a view on, with and without
    JavaScript, on a phone and a desktop: the routes come first, then "may I pass this on?"
    with its three buttons; axe finds nothing (JavaScript on)."""
    opening = "Mum in Bognor. I want to tell someone the school bus has been late all term"
    async with running_server(bot) as base, chromium() as browser:
        for javascript in (True, False):
            for width, height in SIZES:
                context = await browser.new_context(
                    viewport={"width": width, "height": height},
                    java_script_enabled=javascript,
                    bypass_csp=True,
                )  # bypass_csp only to inject axe-core
                page = await context.new_page()
                await page.goto(base + "/")
                await page.get_by_label("Your message").fill(opening)
                await page.get_by_role("button", name="Send").click()
                await expect(page.get_by_role("button", name="Rather not say")).to_be_visible()
                await page.get_by_role("button", name="Rather not say").click()
                answer = page.locator("#log") if javascript else page.locator("main")
                await expect(answer).to_contain_text("You also told me what you think")
                await expect(answer).to_contain_text("West Sussex Parent Carer Forum")
                for button in ("Yes, without my name", "No, do not pass it on"):
                    await expect(page.get_by_role("button", name=button)).to_be_visible()
                shown = "js" if javascript else "nojs"
                folder = screenshot_folder(tmp_path)
                await page.screenshot(path=str(folder / f"chat-told-{width}-{shown}.png"))
                await page.get_by_role(
                    "button", name="Yes, without my name"
                ).scroll_into_view_if_needed()
                await page.screenshot(path=str(folder / f"chat-told-asked-{width}-{shown}.png"))
                if javascript:
                    await page.add_script_tag(path=str(AXE))
                    result = await page.evaluate(AXE_RULES)
                    violations = [(v["id"], len(v["nodes"])) for v in result["violations"]]
                    assert violations == [], width
                await page.get_by_role("button", name="No, do not pass it on").click()
                await expect(answer).to_contain_text("I have not kept what you wrote")
                await context.close()
