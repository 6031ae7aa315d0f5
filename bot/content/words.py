"""`getinvolved content words`: how many words the bot says before a person sees routes.

Three typical conversations (a young person, a parent carer, a professional) are played through
the engine in-process, tapping buttons where a person would and typing where they would. The
bot's words are counted from its first message up to the first list of routes: every reply's
text, card title and link titles (buttons are counted apart). Nothing is stored: the engine
runs without a database, as actions that store nothing are all these conversations need.
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from actions import ActionContext
from bot.content import Content, load_content
from bot.dialogues import Dialogues, load_dialogues
from bot.engine.engine import Engine
from bot.engine.replies import Reply
from bot.engine.state import ConversationState
from bot.settings import Settings

_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’@.-]*")

# What a typical person sends after the web chat's "/start": a button's payload, or words.
PEOPLE: dict[str, tuple[str, ...]] = {
    "young person": (
        "/start",
        '/inform{"role": "young_person"}',
        "14",
        "Crawley",
        '/inform{"interests": ["school"]}',
    ),
    "parent carer": (
        "/start",
        '/inform{"role": "parent_carer"}',
        "/skip",
        "Worthing",
        '/inform{"interests": ["school"]}',
    ),
    "professional": (
        "/start",
        '/inform{"role": "professional"}',
        "Lewes",
        '/inform{"interests": ["health"]}',
    ),
}


@dataclass(frozen=True, slots=True)
class WordCount:
    person: str
    easy_read: bool
    messages: int  # the person's messages until routes were shown
    words_before_routes: int  # the bot's words before the first route
    words_to_routes: int  # ... and the first routes themselves
    button_words: int  # words on buttons, up to the first routes
    routes: tuple[str, ...]


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def reply_words(reply: Reply) -> int:
    """Words a person reads in one reply: its title, text and links' titles."""
    title = getattr(reply, "title", None) or ""
    links = getattr(reply, "links", ()) or ()
    link_words = sum(count_words(link.title) for link in links)
    return count_words(title) + count_words(reply.text) + link_words


def _is_route(reply: Reply, content: Content) -> bool:
    title = getattr(reply, "title", None)
    if title:
        return True
    first_line = reply.text.split("\n", 1)[0].strip()
    return any(first_line == route.title for route in content.routes.values())


async def play(
    engine: Engine, content: Content, person: str, messages: Sequence[str], *, easy_read: bool
) -> WordCount:
    """Play one conversation and count the bot's words up to its first routes."""
    state = ConversationState(channel="words", sender=person.replace(" ", "-"))
    if hasattr(state, "easy_read"):
        state.easy_read = easy_read
    before = to_routes = buttons = sent = 0
    for message in messages:
        sent += 1
        result = await engine.handle(state, message)
        assert result.state is not None
        state = result.state
        shown = [_is_route(reply, content) for reply in result.replies]
        if any(shown):
            last = max(i for i, is_route in enumerate(shown) if is_route)
            first = shown.index(True)
            for reply in result.replies[:first]:
                before += reply_words(reply)
                buttons += sum(count_words(b.title) for b in reply.buttons)
            to_routes = before + sum(reply_words(r) for r in result.replies[first : last + 1])
            break
        for reply in result.replies:
            before += reply_words(reply)
            buttons += sum(count_words(b.title) for b in reply.buttons)
    return WordCount(person, easy_read, sent, before, to_routes, buttons, tuple(state.routes))


def build_engine(content: Content, dialogues: Dialogues) -> Engine:
    from bot.app import build_understander

    understander = build_understander(content, dialogues)
    return Engine(
        dialogues=dialogues,
        content=content,
        understander=understander,
        context=ActionContext(content=content, understander=understander),
    )


async def measure(settings: Settings) -> list[WordCount]:
    content = load_content(settings.content_dir)
    dialogues = load_dialogues(settings.dialogues_dir)
    engine = build_engine(content, dialogues)
    return [
        await play(engine, content, person, messages, easy_read=easy)
        for easy in (False, True)
        for person, messages in PEOPLE.items()
    ]


def run_words(settings: Settings, *, as_json: bool = False) -> int:
    counts = asyncio.run(measure(settings))
    if as_json:
        print(json.dumps([asdict(count) for count in counts]))
        return 0
    print("Words from the bot's first message to the first routes (buttons apart):")
    for count in counts:
        mode = "easy read" if count.easy_read else "standard "
        print(
            f"  {count.person:<13} {mode}  {count.messages} messages, "
            f"{count.words_before_routes} words before the routes, "
            f"{count.words_to_routes} with them, {count.button_words} on buttons "
            f"({', '.join(count.routes)})"
        )
    return 0
