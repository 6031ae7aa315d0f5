"""The fast pattern set finds what one joined pattern finds, on every training message."""

from __future__ import annotations

import re

import pytest

from bot.engine.nlu.text import digits
from bot.safety import SafetyCheck, rules
from bot.safety.patternset import PatternSet, required_atoms
from bot.safety.train import DATA_DIR, read_examples

RULE_SETS = ["_PATTERNS", "_WEAK_PATTERNS", "_FIGURES", "_WORRIES"]


@pytest.mark.parametrize(
    ("pattern", "atoms"),
    [
        (r"\bkill(?:s|ing)? myself\b", {" myself"}),
        (r"\b(?:took|swallowed) (?:way )?too many\b", {"too many"}),
        (r"\b(?:cut|cutting) (?:my )?(?:arms|legs)", {"arms", "legs"}),
        (r"(?:bye)?\w+", None),  # everything optional or a class: always run
        (r"(?i)help me", None),  # any case: the texts cannot be looked up as they are
        (r"\bsu+icide", {"icide"}),
    ],
)
def test_required_atoms(pattern: str, atoms: set[str] | None) -> None:
    found = required_atoms(pattern)
    assert (None if found is None else set(found)) == atoms


def test_an_optional_part_is_never_required() -> None:
    patterns = [r"\bgoing to (?:jump|leap)(?: off)?\b", r"\b(?:not )?coming back\b"]
    found = PatternSet(patterns)
    for text in ["going to leap", "going to jump off the pier", "coming back", "not coming back"]:
        joined = re.compile("|".join(f"(?:{p})" for p in patterns))
        assert [m.span() for m in found.finditer(text)] == [m.span() for m in joined.finditer(text)]


@pytest.fixture(scope="module")
def messages() -> list[str]:
    safety = SafetyCheck.load()
    texts = [
        example.text for path in sorted(DATA_DIR.glob("*.yml")) for example in read_examples(path)
    ]
    assert len(texts) > 5000
    return [digits(safety.normalise(text)) for text in texts]


@pytest.mark.parametrize("name", RULE_SETS)
def test_the_set_finds_what_the_joined_pattern_finds(name: str, messages: list[str]) -> None:
    patterns = getattr(rules, name)
    joined = re.compile("|".join(f"(?:{p})" for p in patterns))
    fast = PatternSet(patterns)
    differ = [
        text
        for text in messages
        if [m.span() for m in joined.finditer(text)] != [m.span() for m in fast.finditer(text)]
        or (joined.search(text) is None) != (fast.search(text) is None)
    ]
    fired = sum(joined.search(text) is not None for text in messages)
    assert fired > 50  # the comparison is not empty
    assert differ == []
