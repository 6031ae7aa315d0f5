"""Where the person lives, from a gazetteer of places (content/places.yml).

Names that are also everyday words ("Battle", "Rye") count only after "in", "near", "from"
and similar, or as the whole answer to "where do you live?". Brighton and Hove is its own
council area, so it counts as "elsewhere" with a note.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from bot.engine.nlu.lexicon import PhraseIndex

AREAS = ("west_sussex", "east_sussex", "elsewhere")
COUNCIL_AREAS = ("west_sussex", "east_sussex", "brighton_and_hove", "elsewhere")
AMBIGUOUS = "sussex"

_BUILT_IN = {
    "west sussex": "west_sussex",
    "w sussex": "west_sussex",
    "west sx": "west_sussex",
    "westsussex": "west_sussex",
    "wsussex": "west_sussex",
    "east sussex": "east_sussex",
    "e sussex": "east_sussex",
    "east sx": "east_sussex",
    "eastsussex": "east_sussex",
    "esussex": "east_sussex",
    "sussex": AMBIGUOUS,
    "somewhere else": "elsewhere",
    "elsewhere": "elsewhere",
    "outside sussex": "elsewhere",
    "out of sussex": "elsewhere",
    "not in sussex": "elsewhere",
    "not sussex": "elsewhere",
    "do not live in sussex": "elsewhere",
    "another county": "elsewhere",
    "other county": "elsewhere",
    "different county": "elsewhere",
    "another area": "elsewhere",
    "different area": "elsewhere",
    "outside the uk": "elsewhere",
}
_PLACE_CUES = {"in", "at", "near", "from", "around", "outside", "nr", "by", "live", "living",
               "based", "to", "of", "area", "towards", "round"}
_LIVING_CUES = {"live", "living", "based", "now", "reside", "home", "stay", "staying"}
_MOVING = {"moved", "moving", "move", "relocated", "relocating"}
_STOP_AFTER_PLACE = {"school", "college", "hospital", "road", "street", "lane"}


@dataclass(slots=True)
class AreaFact:
    area: str | None  # west_sussex | east_sussex | elsewhere | None when ambiguous ("sussex")
    council: str  # one of COUNCIL_AREAS, or "sussex" when we cannot tell which
    place: str
    start: int
    end: int


class Gazetteer:
    """Place names to council areas."""

    def __init__(self, places: Mapping[str, Iterable[str]], needs_context: Iterable[str]):
        pairs: list[tuple[str, str]] = list(_BUILT_IN.items())
        for council, names in places.items():
            pairs.extend((name, council) for name in names)
        self.index = PhraseIndex(pairs)
        self.needs_context = {name for name in needs_context}

    def words(self) -> set[str]:
        return self.index.words()

    def find(self, tokens: Sequence[str], *, asking_area: bool) -> AreaFact | None:
        """The most likely place the person lives, or None."""
        facts: list[tuple[bool, AreaFact]] = []
        for match in self.index.find(tokens):
            before = tokens[max(0, match.start - 3) : match.start]
            if match.phrase in self.needs_context:
                cued = bool(before) and before[-1] in _PLACE_CUES
                if not cued and not (asking_area and len(tokens) <= 4):
                    continue
            council = match.value
            area = None if council == AMBIGUOUS else (
                "elsewhere" if council == "brighton_and_hove" else council
            )
            living = any(token in _LIVING_CUES for token in before) or (
                bool(before) and before[-1] == "to" and bool(_MOVING & set(tokens[: match.start]))
            )
            fact = AreaFact(area, council, match.phrase, match.start, match.end)
            facts.append((living, fact))
        if not facts:
            return None
        for living, fact in facts:
            if living and fact.area:
                return fact
        for _, fact in facts:
            if fact.area:
                return fact
        return facts[0][1]
