"""The embed (one script tag) on a council-like page of our own, served from another site than
the bot, in Debian's Chromium: a full-screen dialog on a phone (focus in, Escape and the close
button close it, focus back to the launcher, the page behind does not scroll), a corner panel
on a desktop that leaves the page's own header, links and search usable; the data- attributes;
axe with 0 violations with the chat open."""

from __future__ import annotations

import html
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from urllib.parse import quote

from aiohttp import web
from playwright.async_api import Locator, Page, expect

from bot.app import create_bot
from bot.settings import PROJECT_ROOT
from tests.conftest import create_settings
from tests.web.browser import chromium, running_server, screenshot_folder

AXE = PROJECT_ROOT / "web" / "node_modules" / "axe-core" / "axe.min.js"
HOST_PAGE = (Path(__file__).parent / "host_page.html").read_text(encoding="utf-8")
PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# The council's own look: not ours to design, just enough to be like a real site.
HOST_CSS = """
body { margin: 0; font: 1rem/1.5 arial, sans-serif; color: #0b0c0c; }
.skip { position: absolute; left: -9999px; } .skip:focus { left: 0; background: #fd0; }
.site-header { background: #0b3d5c; color: #fff; padding: 0.75rem 1rem 0; }
.site-header__top { display: flex; flex-wrap: wrap; gap: 0.75rem; justify-content: space-between;
  align-items: center; }
.site-header__logo { color: #fff; font-weight: bold; font-size: 1.4rem; text-decoration: none; }
.search { display: flex; gap: 0.25rem; align-items: center; }
.search label { position: absolute; left: -9999px; }
.search input { font: inherit; padding: 0.4rem; border: 2px solid #0b0c0c; min-height: 44px; }
.search button { font: inherit; min-height: 44px; padding: 0 0.75rem; background: #fd0;
  border: 0; }
.nav { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0;
  padding: 0.5rem 0; }
.nav a { color: #fff; display: inline-block; padding: 0.5rem 0; }
.content { max-width: 45rem; padding: 1rem; }
.content a { color: #1d70b8; }
.site-footer { background: #f3f2f1; padding: 1rem 1rem 5rem; }
.footer-links { list-style: none; display: flex; gap: 1rem; padding: 0; }
.footer-links a { color: #0b3d5c; }
"""


@asynccontextmanager
async def council_and_bot(
    tmp_path: Path, council_host: str = "127.0.0.1"
) -> AsyncIterator[tuple[str, str]]:
    """The council's page and the bot on two loopback ports, two different origins; the bot
    lets only the council's origin frame its chat (EMBED_ORIGINS). With council_host
    "localhost" they are two different sites too. The page's query (label, colour, corner)
    becomes the script tag's data- attributes."""
    bot_url: list[str] = []

    async def page(request: web.Request) -> web.Response:
        data = "".join(
            f' data-{name}="{html.escape(value)}"'
            for name, value in request.query.items()
            if name in ("label", "colour", "corner")
        )
        if "head" in request.query:  # in <head> without defer: runs before <body> exists
            tag = f'<script src="{bot_url[0]}/embed.js"{data}></script>'
            text = HOST_PAGE.replace("<!--HEAD-->", tag)
        else:
            tag = f'<script src="{bot_url[0]}/embed.js" defer{data}></script>'
            text = HOST_PAGE.replace("<!--EMBED-->", tag)
        return web.Response(text=text, content_type="text/html")

    async def stylesheet(request: web.Request) -> web.Response:
        return web.Response(text=HOST_CSS, content_type="text/css")

    council = web.Application()
    council.router.add_get("/", page)
    council.router.add_get("/host.css", stylesheet)
    runner = web.AppRunner(council, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    host = f"http://{council_host}:{port}"
    bot = await create_bot(create_settings(tmp_path, embed_origins=host))
    try:
        async with running_server(bot) as base:
            bot_url.append(base)
            yield host, base
    finally:
        await bot.close()
        await runner.cleanup()


async def axe_violations(page: Page) -> list[tuple[str, str, int]]:
    await page.add_script_tag(path=str(AXE))
    result = await page.evaluate("tags => axe.run(document, {runOnly: tags})", AXE_TAGS)
    return [(v["id"], v["help"], len(v["nodes"])) for v in result["violations"]]


async def focus_is_in(page: Page, selector: str) -> bool:
    return bool(
        await page.evaluate(
            "s => document.querySelector(s).contains(document.activeElement)", selector
        )
    )


async def not_covered(page: Page, element: Locator) -> bool:
    """The element itself is what a click at its centre reaches."""
    return bool(
        await element.evaluate(
            "e => { const r = e.getBoundingClientRect();"
            " const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);"
            " return hit === e || e.contains(hit); }"
        )
    )


async def test_on_a_phone_the_chat_is_a_full_screen_dialog(tmp_path: Path) -> None:
    shots = screenshot_folder(tmp_path)
    async with council_and_bot(tmp_path) as (host, _), chromium() as browser:
        context = await browser.new_context(viewport=PHONE)
        page = await context.new_page()
        await page.goto(host + "/")
        launcher = page.locator("[data-getinvolved=launcher]")
        await expect(launcher).to_have_text("Have your say: chat")
        await expect(launcher).to_have_attribute("aria-expanded", "false")
        assert await launcher.evaluate("e => getComputedStyle(e).backgroundColor") == (
            "rgb(29, 112, 184)"
        )
        await page.screenshot(path=str(shots / "embed-phone-closed.png"))

        await launcher.click()
        dialog = page.get_by_role("dialog", name="Get Involved chat")
        await expect(dialog).to_be_visible()
        await expect(dialog).to_have_attribute("aria-modal", "true")
        assert await dialog.bounding_box() == {"x": 0, "y": 0, "width": 375, "height": 740}
        assert await focus_is_in(page, "dialog")
        await expect(launcher).to_have_text("Close the chat")
        await expect(launcher).to_have_attribute("aria-expanded", "true")
        chat = page.frame_locator("iframe[title='Get Involved chat']")
        await expect(chat.locator("#log")).to_contain_text("Who are you?")
        close = dialog.get_by_role("button", name="Close chat")
        box = await close.bounding_box()
        assert box is not None and box["width"] >= 44 and box["height"] >= 44
        send = await chat.get_by_role("button", name="Send").bounding_box()
        assert send is not None and send["x"] + send["width"] <= 375
        overflow = await page.evaluate("getComputedStyle(document.documentElement).overflow")
        assert overflow == "hidden", "the page behind does not scroll"
        await page.screenshot(path=str(shots / "embed-phone-open.png"))
        assert await axe_violations(page) == []

        # Tab goes round the dialog and the chat in it, never to the page behind.
        for _ in range(14):
            await page.keyboard.press("Tab")
            assert await page.evaluate(
                "document.activeElement === document.body"
                " || document.querySelector('dialog').contains(document.activeElement)"
            )

        await close.focus()
        await page.keyboard.press("Escape")
        await expect(dialog).to_be_hidden()
        assert await page.evaluate("document.activeElement.dataset.getinvolved") == "launcher"
        await expect(launcher).to_have_text("Have your say: chat")
        await expect(launcher).to_have_attribute("aria-expanded", "false")
        overflow = await page.evaluate("getComputedStyle(document.documentElement).overflow")
        assert overflow != "hidden"

        # Escape inside the chat itself (it asks the page to close), and the close button.
        await page.keyboard.press("Enter")
        await expect(dialog).to_be_visible()
        await chat.get_by_role("button", name="A young person").click()
        await expect(chat.locator("#log")).to_contain_text("How old are you?")
        await chat.get_by_role("button", name="Settings", exact=True).click()
        await page.keyboard.press("Escape")  # closes the settings only
        await expect(chat.locator("#gi-settings-panel")).to_be_hidden()
        await expect(dialog).to_be_visible()
        await chat.get_by_label("Your message").focus()
        await page.keyboard.press("Escape")
        await expect(dialog).to_be_hidden()
        assert await page.evaluate("document.activeElement.dataset.getinvolved") == "launcher"
        await launcher.click()
        await expect(chat.locator("#log")).to_contain_text("How old are you?")
        await close.click()
        await expect(dialog).to_be_hidden()
        assert await page.evaluate("document.activeElement.dataset.getinvolved") == "launcher"
        await context.close()


async def test_on_a_desktop_the_panel_leaves_the_page_usable(tmp_path: Path) -> None:
    shots = screenshot_folder(tmp_path)
    async with council_and_bot(tmp_path) as (host, _), chromium() as browser:
        context = await browser.new_context(viewport=DESKTOP)
        page = await context.new_page()
        await page.goto(host + "/?label=Talk+to+us&colour=%23ffdd00&corner=bottom-left")
        launcher = page.locator("[data-getinvolved=launcher]")
        await expect(launcher).to_have_accessible_name("Talk to us")
        colours = await launcher.evaluate(
            "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]"
        )
        assert colours == ["rgb(255, 221, 0)", "rgb(11, 12, 12)"], "dark words on yellow"
        box = await launcher.bounding_box()
        assert box is not None and box["x"] == 16

        await launcher.click()
        dialog = page.get_by_role("dialog", name="Get Involved chat")
        await expect(dialog).to_be_visible()
        assert await dialog.get_attribute("aria-modal") is None
        panel = await dialog.bounding_box()
        assert panel is not None and panel["x"] == 16
        assert panel["width"] * panel["height"] < 0.25 * 1280 * 800
        chat = page.frame_locator("iframe[title='Get Involved chat']")
        await expect(chat.locator("#log")).to_contain_text("Who are you?")
        await chat.get_by_role("button", name="A parent or carer").click()
        await expect(chat.locator("#log")).to_contain_text("I mean you, not your child.")
        await chat.locator("#choices").get_by_role("button", name="Rather not say").click()
        await expect(chat.locator("#log")).to_contain_text("Where do you live?")

        header = page.locator(".site-header")
        controls = [
            header.get_by_role("link", name="Example County Council"),
            header.get_by_label("Search this site"),
            header.get_by_role("button", name="Search"),
            *[header.get_by_role("link", name=name) for name in ("Schools", "Health")],
            header.get_by_role("link", name="Money and benefits"),
            header.get_by_role("link", name="Contact us"),
        ]
        for control in controls:
            assert await not_covered(page, control), await control.text_content()
        assert await not_covered(page, launcher)
        await header.get_by_role("link", name="Health").click()
        assert await page.evaluate("location.hash") == "#health"
        await header.get_by_label("Search this site").fill("short breaks")
        await expect(dialog).to_be_visible()
        await expect(launcher).to_have_text("Close the chat")
        await expect(launcher).to_have_attribute("aria-expanded", "true")
        await page.evaluate("scrollTo(0, 0)")
        await page.screenshot(path=str(shots / "embed-desktop-open.png"))
        assert await axe_violations(page) == []

        await dialog.get_by_role("button", name="Close chat").focus()
        await page.keyboard.press("Escape")
        await expect(dialog).to_be_hidden()
        assert await page.evaluate("document.activeElement.dataset.getinvolved") == "launcher"
        await expect(launcher).to_have_text("Talk to us")
        await launcher.click()
        await expect(chat.locator("#log")).to_contain_text("Where do you live?")
        await launcher.click()
        await expect(dialog).to_be_hidden()
        await context.close()


async def test_data_attributes_are_checked(tmp_path: Path) -> None:
    async with council_and_bot(tmp_path) as (host, _), chromium() as browser:
        page = await browser.new_page(viewport=DESKTOP)
        cases = {
            "rebeccapurple": ("rgb(102, 51, 153)", "rgb(255, 255, 255)"),
            "red; position: static": ("rgb(29, 112, 184)", "rgb(255, 255, 255)"),
            "url(https://example.com/x.png)": ("rgb(29, 112, 184)", "rgb(255, 255, 255)"),
            "rgba(0, 0, 0, 0.2)": ("rgb(29, 112, 184)", "rgb(255, 255, 255)"),
            "#f3f2f1": ("rgb(243, 242, 241)", "rgb(11, 12, 12)"),
        }
        for colour, expected in cases.items():
            await page.goto(f"{host}/?colour={quote(colour, safe='')}&corner=top-middle")
            launcher = page.locator("[data-getinvolved=launcher]")
            assert await launcher.evaluate(
                "e => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color]"
            ) == list(expected), colour
            box = await launcher.bounding_box()
            assert box is not None and box["x"] + box["width"] == 1280 - 16, "bottom-right"
            await expect(launcher).to_have_text("Have your say: chat")
        await page.goto(host + "/?head&label=" + quote("<b>Chat</b> " + "x" * 100, safe=""))
        text = await page.locator("[data-getinvolved=launcher]").text_content()
        assert text is not None and text.startswith("<b>Chat</b>") and len(text) == 60


async def test_the_chat_works_when_the_council_is_another_site(tmp_path: Path) -> None:
    async with council_and_bot(tmp_path, "localhost") as (host, _), chromium() as browser:
        page = await browser.new_page(viewport=DESKTOP)
        await page.goto(host + "/")
        await page.locator("[data-getinvolved=launcher]").click()
        chat = page.frame_locator("iframe[title='Get Involved chat']")
        await expect(chat.locator("#log")).to_contain_text("Who are you?", timeout=3000)


async def test_only_the_allowed_origins_can_frame_the_chat(tmp_path: Path) -> None:
    async with council_and_bot(tmp_path) as (host, base), chromium() as browser:
        page = await browser.new_page(viewport=DESKTOP)
        other = host.replace("127.0.0.1", "localhost")
        await page.goto(other + "/")
        await page.locator("[data-getinvolved=launcher]").click()
        frame = page.frame_locator("iframe[title='Get Involved chat']")
        await page.wait_for_timeout(500)
        assert await frame.locator("#log").count() == 0, "refused: not in EMBED_ORIGINS"


async def test_a_phone_on_its_side_and_a_zoomed_desktop_get_the_full_screen_dialog(
    tmp_path: Path,
) -> None:
    async with council_and_bot(tmp_path) as (host, _), chromium() as browser:
        for width, height in ((740, 375), (320, 200)):
            page = await browser.new_page(viewport={"width": width, "height": height})
            await page.goto(host + "/")
            await page.locator("[data-getinvolved=launcher]").click()
            dialog = page.get_by_role("dialog", name="Get Involved chat")
            await expect(dialog).to_have_attribute("aria-modal", "true")
            box = await dialog.bounding_box()
            assert box == {"x": 0, "y": 0, "width": width, "height": height}
            await page.close()
