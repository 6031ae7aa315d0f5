"""Hold a scripted persona conversation through the `replay` code path.

A persona says `first`, then answers whatever the bot asks from its `answers` (each at most
once; a list is several tries at the same question, said in turn as the bot asks again),
until the bot stops asking. The result is what a program using `getinvolved replay`
would have seen.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from bot.app import GetInvolved
from bot.replay import replay_line

MAX_TURNS = 12
# When a persona's message asks to complain, the bot offers to pass it on; a persona with no
# answer for these agrees, anonymously, and then carries on.
DEFAULT_ANSWERS = {
    "consent": "yes, without my name",
    "contact_detail": "no",
    "publish_consent": "no",
}


@dataclass
class Transcript:
    lines: list[dict[str, Any]] = field(default_factory=list)
    asked: list[str] = field(default_factory=list)

    @property
    def last(self) -> dict[str, Any]:
        return self.lines[-1]

    @property
    def crisis(self) -> bool:
        return any(line["crisis"] for line in self.lines)

    def show(self) -> str:
        return "\n".join(
            f"  asking={line['asking']} profile={line['profile']} routes={line['routes']}"
            for line in self.lines
        )


async def say(bot: GetInvolved, conversation: str, text: str) -> dict[str, Any]:
    record = await replay_line(bot, json.dumps({"conversation": conversation, "text": text}))
    assert record is not None
    return record


async def hold(bot: GetInvolved, persona: dict[str, Any]) -> Transcript:
    transcript = Transcript()
    conversation = persona["name"]
    transcript.lines.append(await say(bot, conversation, persona["first"]))
    answers = {**DEFAULT_ANSWERS, **(persona.get("answers") or {})}
    for _ in range(MAX_TURNS):
        asking = transcript.last["asking"]
        if asking is None:
            break
        transcript.asked.append(asking)
        answer = answers.pop(asking, None)
        if isinstance(answer, list):
            answer, rest = (answer[0], answer[1:]) if answer else (None, [])
            if rest:
                answers[asking] = rest
        if answer is None:
            break
        transcript.lines.append(await say(bot, conversation, str(answer)))
    return transcript


def problems(persona: dict[str, Any], transcript: Transcript) -> list[str]:
    """Every way the conversation missed what the persona expects."""
    expect = persona.get("expect") or {}
    found = []
    profile = transcript.last["profile"]
    routes = transcript.last["routes"]
    for key, value in (expect.get("profile") or {}).items():
        if profile.get(key) != value:
            found.append(f"profile {key} is {profile.get(key)!r}, expected {value!r}")
    found += [f"route {r} was not offered" for r in expect.get("routes") or [] if r not in routes]
    found += [f"route {r} was offered" for r in expect.get("not_routes") or [] if r in routes]
    found += [f"asked {q} again" for q in expect.get("never_asked") or [] if q in transcript.asked]
    if "crisis" in expect and transcript.crisis != expect["crisis"]:
        found.append(f"crisis was {transcript.crisis}, expected {expect['crisis']}")
    return found
