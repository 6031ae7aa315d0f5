"""The terminal chat: buttons as numbered choices, typed answers, quit."""

from __future__ import annotations

import io

from bot.app import GetInvolved
from bot.channels.terminal import run_chat


async def test_numbered_choices_and_typed_answers(bot: GetInvolved) -> None:
    typed = io.StringIO("2\nHailsham\nhis school\nquit\n")
    shown = io.StringIO()
    assert await run_chat(bot, source=typed, sink=shown, sender="tester") == 0
    screen = shown.getvalue()
    assert "  2. A parent or carer" in screen
    assert "You live in Hailsham, in East Sussex." in screen
    assert "East Sussex Parent Carer Forum" in screen
    assert "Bye for now." in screen
