"""The chat's settings in Debian's Chromium: read aloud (the browser's speech, stubbed to record
what is said), always read aloud, larger text, easy read with its symbols, calm colours, and
remembering the choices only when asked; axe with 0 violations in every mode, at a phone's and
a desktop's size. The symbols themselves are checked here too."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import get_args

import pytest
from playwright.async_api import Browser, Page, Route, expect

from bot.app import GetInvolved
from bot.content.models import Symbol
from bot.settings import PROJECT_ROOT
from tests.web.browser import chromium, running_server, screenshot_folder

AXE = PROJECT_ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
CHAT = PROJECT_ROOT / "bot" / "web" / "chat"
SYMBOLS = CHAT / "symbols"
SYMBOL_NAMES = list(get_args(Symbol))  # the names the content may use
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# The browser's speech, replaced by a recorder: what would be said, and how often it stopped.
SPEECH_STUB = """
window.__spoken = []; window.__cancelled = 0;
const voices = [{lang: 'de-DE', name: 'German'}, {lang: 'en-GB', name: 'British English'}];
class RecordedUtterance {
  constructor(text) { this.text = text; this.lang = ''; this.voice = null; this.rate = 1; }
}
Object.defineProperty(window, 'SpeechSynthesisUtterance',
  {value: RecordedUtterance, configurable: true, writable: true});
Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
  speak(u) { window.__spoken.push({text: u.text, lang: u.lang, voice: u.voice && u.voice.name}); },
  cancel() { window.__cancelled += 1; },
  getVoices() { return voices; },
}});
"""
NO_SPEECH = """
Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: undefined});
Object.defineProperty(window, 'SpeechSynthesisUtterance', {configurable: true, value: undefined});
"""


async def open_chat(browser: Browser, base: str, viewport: dict[str, int], init: str) -> Page:
    context = await browser.new_context(viewport=viewport, bypass_csp=True)  # for axe only
    await context.add_init_script(init)
    page = await context.new_page()
    await page.goto(base + "/")
    await expect(page.locator("#log")).to_contain_text("Who are you?")
    return page


async def switch(page: Page, label: str, on: bool = True) -> None:
    toggle = page.get_by_role("button", name="Settings", exact=True)
    if await toggle.get_attribute("aria-expanded") != "true":
        await toggle.click()
    box = page.get_by_role("checkbox", name=label)
    await (box.check() if on else box.uncheck())


async def axe_violations(page: Page, tags: list[str]) -> list[tuple[str, str, int]]:
    await page.add_script_tag(path=str(AXE))
    result = await page.evaluate("tags => axe.run(document, {runOnly: tags})", tags)
    return [(v["id"], v["help"], len(v["nodes"])) for v in result["violations"]]


async def font_size(page: Page, selector: str) -> float:
    size = await page.eval_on_selector(selector, "e => getComputedStyle(e).fontSize")
    return float(size.removesuffix("px"))


def bot_text(message: str) -> str:
    return message.replace("Bot said:", "").replace("Read aloud", "").strip()


async def test_read_aloud_a_message_and_always_read_aloud(bot: GetInvolved) -> None:
    async with running_server(bot) as base, chromium() as browser:
        page = await open_chat(browser, base, PHONE, SPEECH_STUB)
        first = page.locator(".msg--bot").first
        read = first.get_by_role("button", name="Read aloud")
        box = await read.bounding_box()
        assert box is not None and box["height"] >= 44 and box["width"] >= 44
        await read.click()
        spoken = await page.evaluate("window.__spoken")
        assert len(spoken) == 1
        said = spoken[0]["text"]
        assert "Bot said" not in said and "Read aloud" not in said
        shown = [p.strip() for p in await first.locator("p").all_inner_texts() if p.strip()]
        assert said.split("\n") == shown
        assert spoken[0]["voice"] == "British English" and spoken[0]["lang"] == "en-GB"
        await expect(first.get_by_role("button", name="Stop")).to_be_visible()
        await first.get_by_role("button", name="Stop").click()
        assert await page.evaluate("window.__cancelled") >= 1
        await expect(read).to_have_text("Read aloud")
        assert len(await page.evaluate("window.__spoken")) == 1, "Stop does not start it again"

        await switch(page, "Always read aloud")
        assert (await page.evaluate("window.__spoken"))[-1]["text"] == (
            "I will read each new message out loud."
        )
        await page.get_by_role("button", name="A young person").click()
        await expect(page.locator("#log")).to_contain_text("How old are you?")
        await expect(page.locator(".msg--bot").last.locator(".gi-read")).to_have_count(1)
        spoken = await page.evaluate("window.__spoken.map(s => s.text)")
        assert any("How old are you?" in text for text in spoken[1:])
        assert all("A young person" not in text for text in spoken), "only the bot is read"
        assert await page.locator(".msg--person .gi-read").count() == 0


async def test_without_speech_read_aloud_is_hidden_and_explained(bot: GetInvolved) -> None:
    async with running_server(bot) as base, chromium() as browser:
        page = await open_chat(browser, base, PHONE, NO_SPEECH)
        await page.get_by_role("button", name="Settings", exact=True).click()
        await expect(page.locator("#gi-settings-panel")).to_contain_text(
            "Read aloud does not work in this browser."
        )
        assert await page.locator(".gi-read").count() == 0
        assert await page.get_by_role("checkbox", name="Always read aloud").count() == 0
        await page.get_by_role("button", name="A young person").click()
        await expect(page.locator("#log")).to_contain_text("How old are you?")
        assert await page.locator(".gi-read").count() == 0


async def test_larger_text_easy_read_and_calm_colours(bot: GetInvolved) -> None:
    async with running_server(bot) as base, chromium() as browser:
        page = await open_chat(browser, base, PHONE, SPEECH_STUB)
        before = await font_size(page, ".msg--bot p")
        choice_before = (await page.locator(".choice").first.bounding_box() or {})["height"]
        events = await page.evaluate_handle(
            "(() => { const seen = []; document.addEventListener('gi:settings',"
            " e => seen.push(e.detail)); return seen; })()"
        )
        await switch(page, "Larger text")
        assert await font_size(page, "body") >= 20
        assert await font_size(page, ".msg--bot p") > before
        choice_after = (await page.locator(".choice").first.bounding_box() or {})["height"]
        assert choice_after > choice_before and choice_after >= 48
        assert (await events.json_value())[-1]["larger"] is True

        # A symbol as the chat shows it: hidden until easy read is on.
        # the buttons carry their symbols from the engine (young-person, family, ...)
        await expect(page.locator(".choice .gi-symbol")).to_have_count(5)
        symbol = page.locator(".choice .gi-symbol").first
        await expect(symbol).to_be_hidden()
        await switch(page, "Easy read")
        await expect(page.locator("html")).to_have_class(re.compile(r"\bgi-easy\b"))
        await expect(symbol).to_be_visible()
        assert await symbol.evaluate("img => img.complete && img.naturalWidth > 0")

        await switch(page, "Calm colours")
        style = await page.evaluate(
            "(() => { const b = getComputedStyle(document.body);"
            " return [b.backgroundColor, b.color, b.fontFamily, parseFloat(b.lineHeight)"
            " / parseFloat(b.fontSize)]; })()"
        )
        assert style[0] == "rgb(251, 247, 233)"
        assert style[1] not in ("rgb(0, 0, 0)", "rgb(255, 255, 255)")
        assert "sans-serif" in style[2] and style[3] >= 1.5
        italic = await page.evaluate(
            "(() => { const i = document.createElement('em'); i.textContent = 'x';"
            " document.getElementById('log').appendChild(i);"
            " const s = getComputedStyle(i).fontStyle; i.remove(); return s; })()"
        )
        assert italic == "normal"
        harsh = await page.evaluate(
            "[...document.querySelectorAll('body, body *')].filter(e => e.offsetParent !== null)"
            ".flatMap(e => { const s = getComputedStyle(e);"
            " return [s.color, s.backgroundColor].filter(c =>"
            " c === 'rgb(255, 255, 255)' || c === 'rgb(0, 0, 0)')"
            ".map(c => (e.id || e.className || e.tagName) + ' ' + c); })"
        )
        assert harsh == [], "no pure white or pure black in calm colours"
        detail = (await events.json_value())[-1]
        assert detail == {
            "always": False,
            "larger": True,
            "easy": True,
            "calm": True,
            "remember": False,
        }


async def test_remembered_only_when_asked(bot: GetInvolved) -> None:
    async with running_server(bot) as base, chromium() as browser:
        page = await open_chat(browser, base, DESKTOP, SPEECH_STUB)
        await switch(page, "Larger text")
        assert await page.evaluate("localStorage.length") == 0
        await page.reload()
        await expect(page.locator("html")).not_to_have_class(re.compile("gi-larger"))

        await switch(page, "Calm colours")
        await switch(page, "Remember my settings on this device")
        await page.reload()
        await expect(page.locator("html")).to_have_class(re.compile(r"\bgi-calm\b"))
        await page.get_by_role("button", name="Settings", exact=True).click()
        await expect(page.get_by_role("checkbox", name="Calm colours")).to_be_checked()
        await expect(page.get_by_role("checkbox", name="Remember my settings")).to_be_checked()

        await page.get_by_role("checkbox", name="Remember my settings").uncheck()
        assert await page.evaluate("localStorage.length") == 0
        await page.reload()
        await expect(page.locator("html")).not_to_have_class(re.compile("gi-calm"))


async def test_keyboard_only(bot: GetInvolved) -> None:
    async with running_server(bot) as base, chromium() as browser:
        page = await open_chat(browser, base, PHONE, SPEECH_STUB)
        for _ in range(12):
            await page.keyboard.press("Tab")
            if await page.evaluate("document.activeElement.textContent") == "Settings":
                break
        else:
            pytest.fail("Settings cannot be reached with Tab")
        ring = await page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
        assert ring == "solid"
        await page.keyboard.press("Enter")
        await page.keyboard.press("Tab")
        assert await page.evaluate("document.activeElement.type") == "checkbox"
        await page.keyboard.press("Tab")  # Always read aloud, then Larger text
        await page.keyboard.press("Space")
        await expect(page.locator("html")).to_have_class(re.compile(r"\bgi-larger\b"))
        await page.keyboard.press("Escape")
        assert await page.evaluate("document.activeElement.textContent") == "Settings"
        await expect(page.locator("#gi-settings-panel")).to_be_hidden()
        await page.keyboard.press("Enter")
        for _ in range(8):
            await page.keyboard.press("Tab")
            if await page.evaluate("document.activeElement.textContent") == "Close settings":
                break
        await page.keyboard.press("Enter")
        await expect(page.locator("#gi-settings-panel")).to_be_hidden()
        assert await page.evaluate("document.activeElement.textContent") == "Settings"


@pytest.mark.parametrize("size", ["phone", "desktop"])
async def test_axe_in_every_mode(bot: GetInvolved, tmp_path: Path, size: str) -> None:
    shots = screenshot_folder(tmp_path)
    viewport = PHONE if size == "phone" else DESKTOP
    async with running_server(bot) as base, chromium() as browser:
        page = await open_chat(browser, base, viewport, SPEECH_STUB)
        await page.get_by_role("button", name="A parent or carer").click()
        await expect(page.locator("#log")).to_contain_text("I mean you, not your child.")
        await page.locator("#choices").get_by_role("button", name="Rather not say").click()
        await expect(page.locator("#log")).to_contain_text("Where do you live?")
        await page.evaluate(
            "document.querySelectorAll('.choice').forEach((c, i) => c.insertAdjacentHTML("
            "'afterbegin', '<img class=\"gi-symbol\" src=\"/chat/symbols/' +"
            " ['map', 'council', 'school', 'help'][i % 4] + '.svg\" alt=\"\" width=\"32\""
            ' height="32">\'))'
        )
        await page.get_by_role("button", name="Settings", exact=True).click()
        assert await axe_violations(page, AA) == [], "default"
        await page.screenshot(path=str(shots / f"settings-{size}-default.png"), full_page=True)
        for label, mode in (
            ("Larger text", "larger"),
            ("Easy read", "easy"),
            ("Calm colours", "calm"),
        ):
            for other in ("Larger text", "Easy read", "Calm colours"):
                await switch(page, other, other == label)
            tags = AA + ["wcag2aaa"] if mode == "calm" else AA
            assert await axe_violations(page, tags) == [], mode
            await page.screenshot(path=str(shots / f"settings-{size}-{mode}.png"), full_page=True)
        for other in ("Larger text", "Easy read", "Calm colours"):
            await switch(page, other)
        await page.get_by_role("button", name="Settings", exact=True).click()
        assert await axe_violations(page, AA + ["wcag2aaa"]) == [], "all together"
        await page.screenshot(path=str(shots / f"settings-{size}-all.png"), full_page=True)


def test_every_symbol_is_a_simple_drawing() -> None:
    names = sorted(path.stem for path in SYMBOLS.glob("*.svg"))
    assert names == sorted(SYMBOL_NAMES)
    readme = (SYMBOLS / "README.md").read_text(encoding="utf-8")
    assert "MIT" in readme
    for name in SYMBOL_NAMES:
        assert f"`{name}`" in readme, name
        svg = ET.parse(SYMBOLS / f"{name}.svg").getroot()
        assert svg.tag == "{http://www.w3.org/2000/svg}svg", name
        assert svg.get("viewBox") == "0 0 48 48", name
        tags = {element.tag.split("}")[-1] for element in svg.iter()}
        assert not tags & {"text", "image", "script", "foreignObject", "style"}, name
        colours = {
            value.lower()
            for element in svg.iter()
            for attribute in ("fill", "stroke")
            if (value := element.get(attribute)) is not None
        }
        assert colours <= {"#0b0c0c", "none", "currentcolor"}, (name, colours)


def test_symbols_are_shown_only_in_easy_read() -> None:
    css = (CHAT / "settings.css").read_text(encoding="utf-8")
    assert re.search(r"^\.gi-symbol \{ display: none; \}", css, re.M)
    assert re.search(r"^html\.gi-easy \.gi-symbol \{ display: inline-block;", css, re.M)


async def test_loaded_early_without_defer_the_colours_come_first(bot: GetInvolved) -> None:
    """If the page loads settings.js in <head> without defer, remembered colours are set
    before anything is drawn (no flash of white), and the menu and buttons still appear."""
    async with running_server(bot) as base, chromium() as browser:
        context = await browser.new_context(viewport=PHONE)
        await context.add_init_script(SPEECH_STUB)
        page = await context.new_page()

        async def early(route: Route) -> None:
            response = await route.fetch()
            body = (await response.text()).replace(
                '<script src="/chat/settings.js" defer></script>',
                '<script src="/chat/settings.js"></script>',
            )
            await route.fulfill(response=response, body=body)

        await page.goto(base + "/")
        await page.evaluate(
            "localStorage.setItem('getinvolved.settings',"
            " JSON.stringify({calm: true, remember: true}))"
        )
        await page.route(base + "/", early)
        await context.add_init_script(
            "document.addEventListener('readystatechange', () => {"
            " if (document.readyState === 'interactive' && document.body)"
            " document.body.dataset.calmAtStart ="
            " document.documentElement.classList.contains('gi-calm'); }, {once: true});"
        )
        await page.reload()
        await expect(page.locator("#log")).to_contain_text("Who are you?")
        assert await page.evaluate("document.body.dataset.calmAtStart") == "true"
        await expect(page.get_by_role("button", name="Settings", exact=True)).to_be_visible()
        await expect(page.locator(".msg--bot .gi-read").first).to_be_visible()


async def test_without_storage_remember_is_not_offered(bot: GetInvolved) -> None:
    blocked = (
        "Object.defineProperty(window, 'localStorage', {configurable: true,"
        " get() { throw new DOMException('Access is denied', 'SecurityError'); }});"
    )
    async with running_server(bot) as base, chromium() as browser:
        context = await browser.new_context(viewport=PHONE)
        await context.add_init_script(SPEECH_STUB + blocked)
        page = await context.new_page()
        await page.goto(base + "/")
        await switch(page, "Larger text")
        await expect(page.locator("html")).to_have_class(re.compile(r"\bgi-larger\b"))
        assert await page.get_by_role("checkbox", name="Remember my settings").count() == 0
