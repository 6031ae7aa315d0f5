"""The chat without JavaScript: the page is rendered on the server and its forms post to "/".
Against the real app: post/redirect/get, nothing typed in a URL or a cookie's plain text, the
same session and answers as the API, kind errors on the page, posts from other sites refused;
then in Debian's Chromium with JavaScript off, at a phone and a desktop size."""

from __future__ import annotations

import asyncio
import logging
import re
import secrets
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient
from playwright.async_api import Page, Request, expect

from bot.app import GetInvolved, create_bot
from bot.web.chat_page import COOKIE, Chat, _seal
from tests.conftest import create_settings
from tests.web.browser import chromium, running_server, screenshot_folder
from tests.web.staff_helpers import web_client
from tests.web.test_chat_browser import AXE, AXE_RULES, SIZES

TYPED = "I am a parent in Worthing"


def button_payload(page: str, words: str) -> str:
    """The payload of the button on a server-rendered page that shows ``words``."""
    found = re.search(rf'name="payload" value="([^"]+)">(?:<img[^>]*>)?{re.escape(words)}<', page)
    assert found, f"no button {words!r} on the page"
    return found.group(1).replace("&#34;", '"')


def chat_cookie(client: TestClient) -> str:
    return next(cookie.value for cookie in client.session.cookie_jar if cookie.key == COOKIE)


async def test_a_message_posts_and_comes_back_without_what_was_typed(
    bot: GetInvolved, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    async with web_client(bot) as client:
        first = await client.get("/")
        page = await first.text()
        assert first.headers["Cache-Control"] == "no-store"
        assert '<form class="chat__composer" id="composer" method="post" action="/"' in page
        assert "Who are you?" in page and 'name="payload"' in page
        assert COOKIE not in first.headers.get("Set-Cookie", ""), "nothing kept before a post"
        # The hooks settings.js and settings.css need, without JavaScript too.
        assert page.index('href="/chat/chat.css"') < page.index('href="/chat/settings.css"')
        assert page.index('src="/chat/settings.js"') < page.index('src="/chat/chat.js"')
        header = page[page.index("<header") : page.index("</header>")]
        assert '<div id="settings"></div>' in header

        sent = await client.post(
            "/",
            data={"action": "send", "message": TYPED, "message_id": "m1"},
            allow_redirects=False,
        )
        assert sent.status == 303
        assert sent.headers["Location"] == "/#latest"
        cookie = sent.headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Path=/" in cookie
        assert "Worthing" not in cookie and "Max-Age" not in cookie, (
            "encrypted; ends with the browser"
        )

        page = await (await client.get("/")).text()
        assert f"<p>{TYPED}</p>" in page
        assert "You live in Worthing" in page
        session = re.search(r'data-session="([^"]+)"', page)
        assert session and bot.keys.issued_session_id(session.group(1)), "issued by the server"
        state = await bot.peek("web", session.group(1))
        assert state.role == "parent_carer", "the same engine and session as the API"
        turns = state.turns

        await client.get("/")  # a reload only shows the page again
        again = await client.post(
            "/",
            data={"action": "send", "message": TYPED, "message_id": "m1"},
            allow_redirects=False,
        )
        assert again.status == 303  # the same message id twice (a double click): answered once
        assert (await bot.peek("web", session.group(1))).turns == turns
        assert (await (await client.get("/")).text()).count(f"<p>{TYPED}</p>") == 1

        assert "How old are you? I mean you, not your child." in page, "a parent is asked too"
        skipped = await client.post(
            "/",
            data={"action": "choose", "payload": button_payload(page, "Rather not say")},
            allow_redirects=False,
        )
        assert skipped.status == 303
        page = await (await client.get("/")).text()
        assert "That is fine." in page
        pressed = await client.post(
            "/",
            data={"action": "choose", "payload": button_payload(page, "Health and the NHS")},
            allow_redirects=False,
        )
        assert pressed.status == 303
        page = await (await client.get("/")).text()
        assert "<p>Health and the NHS</p>" in page, "a button shows its words, not its payload"

        restarted = await client.post("/", data={"action": "restart"})
        assert "let us start again" in await restarted.text()

        deleted = await client.post("/", data={"action": "forget"})
        page = await deleted.text()
        assert "I have deleted this chat" in page and "data-session" not in page
        assert TYPED not in page
        assert (await bot.peek("web", session.group(1))).role is None
    assert any(r.getMessage() == "turn" for r in caplog.records), "turns are logged"
    assert "Worthing" not in caplog.text, "nothing typed in a log line"


async def test_kind_errors_are_shown_on_the_page(bot: GetInvolved) -> None:
    async with web_client(bot) as client:
        empty = await client.post("/", data={"action": "send", "message": "   "})
        page = await empty.text()
        assert empty.status == 200
        assert "There is a problem" in page and "Please type a message first." in page
        assert 'aria-describedby="notice message-error"' in page
        assert "<title>Error: Get Involved chat</title>" in page

        long = "word " * 300
        too_long = await client.post("/", data={"action": "send", "message": long})
        page = await too_long.text()
        assert too_long.status == 200 and "Your message is too long" in page
        assert long.strip() in page, "what they typed is kept, to make it shorter"

        nothing = await client.post("/", data={"action": "forget"})
        assert "There is nothing to delete." in await nothing.text()
        assert not [cookie for cookie in client.session.cookie_jar if cookie.key == COOKIE]


async def test_posts_from_another_site_are_refused(bot: GetInvolved) -> None:
    async with web_client(bot) as client:
        for headers in (
            {"Origin": "https://evil.example"},
            {"Origin": "null"},
            {"Sec-Fetch-Site": "cross-site"},
            {"Sec-Fetch-Site": "same-site"},
        ):
            refused = await client.post(
                "/", data={"action": "send", "message": "hello"}, headers=headers
            )
            assert refused.status == 403, headers
        assert not [cookie for cookie in client.session.cookie_jar if cookie.key == COOKIE]
        own = await client.post(
            "/",
            data={"action": "send", "message": "hello"},
            headers={
                "Origin": str(client.make_url("")).rstrip("/"),
                "Sec-Fetch-Site": "same-origin",
            },
            allow_redirects=False,
        )
        assert own.status == 303


async def test_cards_and_links_are_shown_as_html_without_javascript(bot: GetInvolved) -> None:
    """A card in the contract's shape, kept in the cookie, is a heading with real links; a
    link with another scheme is never a link; everything is escaped."""
    chat = Chat(
        session=bot.keys.new_session_id(),
        transcript=[
            {"who": "person", "text": "<b>hi</b>"},
            {
                "who": "bot",
                "reply": {
                    "text": "Parents who help plan services.\nFor parent carers.",
                    "title": "East Sussex Parent Carer Forum",
                    "symbol": "family",
                    "links": [
                        {"title": "Email the forum", "url": "mailto:info@espcf.org.uk"},
                        {"title": "Call", "url": "tel:999"},
                        {"title": "Bad", "url": "javascript:alert(1)"},
                    ],
                },
            },
        ],
        buttons=[{"title": "Tell me more", "payload": "/more", "symbol": "info"}],
    )
    async with web_client(bot) as client:
        client.session.cookie_jar.update_cookies({COOKIE: _seal(bot, chat)})
        page = await (await client.get("/")).text()
    assert '<h2 class="card__title"><img class="gi-symbol" src="/chat/symbols/family.svg"' in page
    assert "East Sussex Parent Carer Forum</h2>" in page
    assert '<a href="mailto:info@espcf.org.uk">Email the forum</a>' in page
    assert '<span class="card__address">info@espcf.org.uk</span>' in page
    assert '<a href="tel:999">Call</a>' in page
    assert "javascript:" not in page
    assert "&lt;b&gt;hi&lt;/b&gt;" in page and "<b>hi</b>" not in page
    assert "<p>Parents who help plan services.</p>" in page
    assert 'src="/chat/symbols/info.svg" alt="" width="32" height="32">Tell me more' in page


async def test_a_long_chat_fits_in_its_cookie(tmp_path: Path) -> None:
    bot = await create_bot(create_settings(tmp_path, rate_limit_burst=100))
    async with web_client(bot) as client:
        for number in range(16):
            words = f"note {number} {secrets.token_urlsafe(300)}"  # hard to compress
            data = {"action": "send", "message": words}
            sent = await client.post("/", data=data, allow_redirects=False)
            assert sent.status == 303
        assert len(chat_cookie(client)) <= 3800
        page = await (await client.get("/")).text()
    await bot.close()
    assert "Older messages are not shown here." in page
    assert words in page and "note 0 " not in page


async def test_the_whole_chat_in_a_browser_without_javascript(
    bot: GetInvolved, tmp_path: Path
) -> None:
    async with running_server(bot) as base, chromium() as browser:
        for width, height in SIZES:
            context = await browser.new_context(
                viewport={"width": width, "height": height}, java_script_enabled=False
            )
            page = await context.new_page()
            requests: list[Request] = []
            page.on("request", lambda request, seen=requests: seen.append(request))
            await page.goto(base + "/")
            await says(page, "Who are you?")
            await page.wait_for_load_state("load")
            await page.screenshot(path=str(screenshot_folder(tmp_path) / f"nojs-start-{width}.png"))

            await page.get_by_role("button", name="Send").click()  # nothing typed
            await expect(page.locator("#error-summary")).to_contain_text("type a message first")
            await page.wait_for_load_state("load")
            await page.screenshot(path=str(screenshot_folder(tmp_path) / f"nojs-error-{width}.png"))
            await page.get_by_label("Your message").fill(TYPED)
            await page.get_by_role("button", name="Send").click()
            await says(page, "You live in Worthing")
            assert page.url == base + "/#latest"
            await page.wait_for_load_state("load")
            await page.screenshot(
                path=str(screenshot_folder(tmp_path) / f"nojs-answer-{width}.png")
            )

            await says(page, "How old are you? I mean you, not your child.")  # a parent too
            choices = page.get_by_role("form", name="Choices")
            await choices.get_by_role("button", name="Over 25").click()
            await says(page, "What do you want a say about?")
            await page.get_by_role("button", name="Health and the NHS").click()
            await says(page, "Parent Carer Forum")
            await page.wait_for_load_state("load")
            await page.screenshot(
                path=str(screenshot_folder(tmp_path) / f"nojs-routes-{width}.png")
            )
            choices = page.get_by_role("form", name="Choices")
            await choices.scroll_into_view_if_needed()
            await expect(choices).to_be_in_viewport()
            await page.wait_for_load_state("load")
            await page.screenshot(
                path=str(screenshot_folder(tmp_path) / f"nojs-routes-end-{width}.png")
            )
            await page.reload()  # a reload does not send anything again
            assert await page.locator(".msg--person").count() == 3

            tools = page.get_by_role("navigation", name="Chat tools")
            await tools.get_by_role("button", name="Start again").click()
            await says(page, "let us start again")
            await tools.get_by_role("button", name="Delete my data").click()
            await says(page, "I have deleted this chat")
            await expect(page.locator("#log")).not_to_contain_text(TYPED)

            words = ("Worthing", "parent", "message=")
            for request in requests:
                assert not any(word in request.url for word in words), request.url
                if request.post_data:
                    assert request.method == "POST"
            posts = [r for r in requests if r.method == "POST"]
            assert len(posts) == 6 and all(r.url == base + "/" for r in posts)
            assert any(TYPED.replace(" ", "+") in (r.post_data or "") for r in posts)
            await context.close()


async def says(page: Page, text: str) -> None:
    await expect(page.locator("#log")).to_contain_text(text)


async def test_axe_finds_no_violations_without_javascript(bot: GetInvolved) -> None:
    """axe needs script to run, so the page's own scripts are blocked instead: what axe checks
    is the page exactly as a browser without JavaScript shows it, errors included."""
    async with running_server(bot) as base, chromium() as browser:
        for width, height in SIZES:
            context = await browser.new_context(
                viewport={"width": width, "height": height}, bypass_csp=True
            )
            await context.route("**/chat/*.js", lambda route: route.fulfill(body=""))
            page = await context.new_page()
            await page.goto(base + "/")
            for step in ("start", "error", "answer"):
                if step == "error":
                    await page.get_by_role("button", name="Send").click()
                if step == "answer":
                    await page.get_by_label("Your message").fill(TYPED)
                    await page.get_by_role("button", name="Send").click()
                    await says(page, "You live in Worthing")
                await expect(page.locator("#keep-box")).to_be_hidden()  # chat.js did not run
                await page.add_script_tag(path=str(AXE))
                result: dict[str, Any] = await page.evaluate(AXE_RULES)
                found = [
                    (v["id"], [n["html"][:80] for n in v["nodes"]]) for v in result["violations"]
                ]
                assert found == [], (width, step, found)
                wide = await page.evaluate("document.documentElement.scrollWidth > innerWidth + 1")
                assert not wide
            await context.close()


async def test_javascript_takes_over_the_same_chat(bot: GetInvolved) -> None:
    """A chat begun without JavaScript carries on with it: the same session and transcript;
    the cookie is then dropped, and this tab keeps the chat as the JavaScript chat does."""
    async with running_server(bot) as base, chromium() as browser:
        plain = await browser.new_context(java_script_enabled=False)
        page = await plain.new_page()
        await page.goto(base + "/")
        await page.get_by_label("Your message").fill(TYPED)
        await page.get_by_role("button", name="Send").click()
        await says(page, "You live in Worthing")
        session = await page.locator("#log").get_attribute("data-session")
        cookies = await plain.cookies()
        await plain.close()

        scripted = await browser.new_context()
        await scripted.add_cookies(cookies)
        page = await scripted.new_page()
        await page.goto(base + "/")
        await says(page, TYPED)
        await expect(page.locator("#keep-box")).to_be_visible()  # chat.js is running
        assert await page.evaluate("JSON.parse(sessionStorage['getinvolved.session'])") == session
        await says(page, "How old are you? I mean you, not your child.")
        await page.locator("#choices").get_by_role("button", name="Rather not say").click()
        await says(page, "What do you want a say about?")
        await page.get_by_role("button", name="Health and the NHS").click()
        await says(page, "Parent Carer Forum")
        state = await bot.peek("web", session or "")
        assert state.role == "parent_carer" and state.routes, "one chat, carried on"
        for _ in range(50):  # the handover is sent without waiting for it
            if not await chat_cookies(scripted):
                break
            await asyncio.sleep(0.1)
        assert await chat_cookies(scripted) == [], "the cookie is dropped after the handover"
        await page.reload()  # this tab still has it
        await says(page, "Parent Carer Forum")
        await scripted.close()


async def chat_cookies(context: Any) -> list[str]:
    return [cookie["name"] for cookie in await context.cookies() if cookie["name"] == COOKIE]
