"""Scripted persona conversations in tests/conversations/*.yml, through the replay path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.app import GetInvolved
from tests.conversation_runner import hold, problems

HERE = Path(__file__).parent / "conversations"


def _personas() -> list[Any]:
    cases = []
    for path in sorted(HERE.glob("*.yml")):
        for persona in yaml.safe_load(path.read_text(encoding="utf-8"))["conversations"]:
            cases.append(pytest.param(persona, id=f"{path.stem}: {persona['name']}"))
    return cases


PERSONAS = _personas()


def test_there_are_personas_for_every_kind_of_person() -> None:
    files = {path.stem for path in HERE.glob("*.yml")}
    assert {"young_people", "parent_carers", "professionals", "outside_sussex", "crisis"} <= files
    assert len(PERSONAS) >= 80


@pytest.mark.parametrize("persona", PERSONAS)
async def test_persona_reaches_the_right_routes(bot: GetInvolved, persona: dict[str, Any]) -> None:
    transcript = await hold(bot, persona)
    found = problems(persona, transcript)
    assert not found, "\n".join(found) + "\n" + transcript.show()
