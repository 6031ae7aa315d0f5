"""`getinvolved chat`: talk to the bot in a terminal. Buttons appear as numbered choices; a
route card shows its title, its text and its links ("Email the forum: info@espcf.org.uk")."""

from __future__ import annotations

import asyncio
import getpass
import logging
import sys
from typing import TextIO

from bot.app import GetInvolved
from bot.engine.replies import Reply

CHANNEL = "terminal"
logger = logging.getLogger(__name__)


def render(replies: list[Reply]) -> tuple[str, list[str]]:
    """The text to print, and the payloads of the numbered choices shown last."""
    lines: list[str] = []
    payloads: list[str] = []
    for reply in replies:
        if reply.title:
            lines.append(f"== {reply.title} ==")
        if reply.text:
            lines.append(reply.text)
        lines.extend(
            f"{link.title}: {link.address}"
            for link in reply.links
            if not link.written_in(reply.text)
        )
        if reply.buttons:
            payloads = [button.payload for button in reply.buttons]
            for number, button in enumerate(reply.buttons, start=1):
                lines.append(f"  {number}. {button.title}")
        lines.append("")
    return "\n".join(lines), payloads


async def run_chat(
    bot: GetInvolved,
    *,
    source: TextIO = sys.stdin,
    sink: TextIO = sys.stdout,
    sender: str | None = None,
) -> int:
    """Hold one conversation until the person types "quit" or the input ends."""
    sender = sender or getpass.getuser()
    loop = asyncio.get_running_loop()
    sink.write(
        "Get Involved - type your message, or a number to pick a choice. Type quit to leave.\n\n"
    )
    result = await bot.converse(CHANNEL, sender, "/start")
    text, payloads = render(result.replies)
    sink.write(text + "\n")
    while True:
        sink.write("> ")
        sink.flush()
        line = await loop.run_in_executor(None, source.readline)
        if not line:
            sink.write("\n")
            return 0
        message = line.strip()
        if message.lower() in {"quit", "exit", "bye"}:
            sink.write("Bye for now.\n")
            return 0
        if message.isdigit() and payloads and 1 <= int(message) <= len(payloads):
            message = payloads[int(message) - 1]
        try:
            result = await bot.converse(CHANNEL, sender, message)
        except Exception:  # the channel's one error boundary: log it, apologise, carry on
            logger.exception("turn failed")
            sink.write("Sorry, something went wrong on my side. Please try again.\n\n")
            continue
        text, payloads = render(result.replies)
        sink.write("\n" + text + "\n")
