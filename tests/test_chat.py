"""The terminal chat: buttons as numbered choices, typed answers, quit."""

from __future__ import annotations

import io

from bot.app import GetInvolved
from bot.channels.terminal import render, run_chat
from bot.engine.replies import Link, Reply


async def test_numbered_choices_and_typed_answers(bot: GetInvolved) -> None:
    typed = io.StringIO("2\n1\nHailsham\nhis school\nquit\n")
    shown = io.StringIO()
    assert await run_chat(bot, source=typed, sink=shown, sender="tester") == 0
    screen = shown.getvalue()
    assert "  2. A parent or carer" in screen
    assert "How old are you? I mean you, not your child." in screen
    assert "  1. Over 25" in screen
    assert "Where do you live?" in screen, "the age band was taken: the next question"
    assert "You live in Hailsham, in East Sussex." in screen
    assert "East Sussex Parent Carer Forum" in screen
    assert "Bye for now." in screen
    assert "== East Sussex Parent Carer Forum ==" in screen, "a card's title stands out"
    assert "Email the forum: info@espcf.org.uk" in screen, "its link, ready to use"


def test_a_card_shows_title_text_and_links_once() -> None:
    card = Reply(
        "A group for parents.",
        links=(Link("Email the forum", "mailto:info@espcf.org.uk"), Link("Call 999", "tel:999")),
        title="The forum",
    )
    crisis = Reply("If you are in danger, call 999.", links=(Link("Call 999", "tel:999"),))
    text, _ = render([card, crisis])
    assert text.splitlines()[:4] == [
        "== The forum ==",
        "A group for parents.",
        "Email the forum: info@espcf.org.uk",
        "Call 999: 999",
    ]
    assert text.count("999") == 3, "a number the text already gives is not written again"
