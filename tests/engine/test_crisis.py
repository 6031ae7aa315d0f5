"""Crisis messages are caught before anything else; figures of speech are not."""

from __future__ import annotations

import pytest

from bot.engine.nlu.understand import Understander

CRISIS = [
    "I want to kill myself",
    "i wanna die",
    "im feeling sucidal",
    "kms",
    "my son says he wants to end it",
    "my daughter is self harming",
    "I've been cutting myself",
    "my stepdad hits me",
    "I'm scared to go home",
    "someone at school said theyll hurt me",
    "i took loads of pills",
    "she has stopped eating and hates being alive",
    "a man online wants me to send my pics",
    "no point living anymore",
    "my 12 year old has gone missing",
    "I don't feel safe at home",
]
NOT_CRISIS = [
    "this form is killing me",
    "I could murder a coffee",
    "dying to join the panel",
    "I'm dead tired of chasing the council",
    "the wait list is killing us",
    "my son's school is a nightmare",
    "it's a battle to get support",
    "my son is at risk of exclusion",
    "he is missing a lot of school",
    "I'd kill for a proper plan",
]


@pytest.mark.parametrize("text", CRISIS)
def test_crisis_is_caught(understander: Understander, text: str) -> None:
    assert understander.understand(text).crisis


@pytest.mark.parametrize("text", NOT_CRISIS)
def test_figures_of_speech_are_not_crisis(understander: Understander, text: str) -> None:
    assert not understander.understand(text).crisis


@pytest.mark.parametrize(
    "text",
    [
        "i cant go home tonight, dad is drunk again and hurting mum",
        "mum hasnt been home for 3 days and theres no food",
    ],
)
def test_harm_at_home_and_neglect(understander: Understander, text: str) -> None:
    assert understander.understand(text, asking="area").crisis


@pytest.mark.parametrize(
    "text",
    [
        "i just want to go to sleep and not wake up",
        "ive been saving up my tablets for a while now",
        "found goodbye letters in my daughters room this morning",
        "he keeps saying hes going to jump off the multi storey car park",
        "he locked me and the kids out again and im scared of what hell do",
    ],
)
def test_indirect_crisis_messages(understander: Understander, text: str) -> None:
    assert understander.understand(text).crisis


def test_better_off_without_him(understander: Understander) -> None:
    assert understander.understand(
        "my son keeps saying everyone would be better off without him"
    ).crisis
