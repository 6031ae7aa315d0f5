"""Headless Chromium from Debian's package, driven by Playwright (no browser download)."""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from aiohttp import web
from playwright.async_api import Browser, Locator, Page, async_playwright, expect

from bot.app import GetInvolved
from bot.serve import create_server_app

CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def screenshot_folder(tmp_path: Path) -> Path:
    """Where a test saves its screenshots: $SCREENSHOTS (to look at them), else its tmp_path."""
    folder = Path(os.environ.get("SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        raise RuntimeError("Debian's chromium is not installed: scripts/test installs it")
    return path


@asynccontextmanager
async def running_server(bot: GetInvolved) -> AsyncIterator[str]:
    """The real server app on a free loopback port; yields its base URL."""
    runner = web.AppRunner(create_server_app(bot), access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        await runner.cleanup()


@asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=chromium_path(), args=CHROMIUM_FLAGS
        )
        try:
            yield browser
        finally:
            await browser.close()


@asynccontextmanager
async def chat_after_first_message(
    browser: Browser,
    base: str,
    first: str,
    *,
    javascript: bool,
    size: tuple[int, int] = (375, 740),
) -> AsyncIterator[tuple[Page, Locator]]:
    """The web chat at ``size`` (a phone unless told), with or without JavaScript, after the
    person has typed ``first``; yields the page and the conversation (``bypass_csp`` only to
    inject axe-core)."""
    width, height = size
    context = await browser.new_context(
        viewport={"width": width, "height": height},
        java_script_enabled=javascript,
        bypass_csp=True,
    )
    try:
        page = await context.new_page()
        await page.goto(base + "/")
        if javascript:
            await expect(page.locator("#log")).to_contain_text("Who are you?")
        await page.get_by_label("Your message").fill(first)
        await page.get_by_role("button", name="Send").click()
        yield page, page.locator("#log") if javascript else page.locator("main")
    finally:
        await context.close()
