"""What the person wants a say about: school, health, council, shaping_services, my_plan,
meeting_others."""

from __future__ import annotations

from collections.abc import Container, Sequence

from bot.engine.nlu.lexicon import PhraseIndex

INTERESTS = ("school", "health", "council", "shaping_services", "my_plan", "meeting_others")
_EVERYTHING = {
    ("everything",),
    ("all",),
    ("all", "of", "them"),
    ("all", "of", "it"),
    ("all", "of", "those"),
    ("all", "of", "these"),
    ("anything",),
    ("the", "lot"),
    ("all", "the", "above"),
    ("all", "of", "the", "above"),
    ("a", "bit", "of", "everything"),
}


def find_interests(
    tokens: Sequence[str], index: PhraseIndex, *, asking: bool, ignore: Container[int] = ()
) -> list[str]:
    """Topics named in ``tokens`` in the order of INTERESTS; ``ignore`` skips a token span."""
    fillers = {
        "i",
        "want",
        "say",
        "about",
        "a",
        "tbh",
        "really",
        "honestly",
        "just",
        "guess",
        "lol",
        "please",
        "basically",
        "think",
        "to",
        "be",
        "honest",
        ",",
        ".",
        "well",
        "um",
    }
    if asking and tuple(t for t in tokens if t not in fillers) in (_EVERYTHING):
        return list(INTERESTS)
    found: set[str] = set()
    for match in index.find(tokens):
        if match.start in ignore:
            continue
        found.add(match.value)
    return [interest for interest in INTERESTS if interest in found]
