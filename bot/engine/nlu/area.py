"""Where the person lives, from a gazetteer of places (content/places.yml).

Names that are also everyday words ("Battle", "Rye") count only after "in", "near", "from"
and similar, or as the whole answer to "where do you live?". Brighton and Hove is its own
council area, so it counts as "elsewhere" with a note.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from bot.engine.nlu.lexicon import PhraseIndex

AREAS = ("west_sussex", "east_sussex", "elsewhere")
COUNCIL_AREAS = ("west_sussex", "east_sussex", "brighton_and_hove", "elsewhere")
AMBIGUOUS = "sussex"

_BUILT_IN = {
    "west sussex": "west_sussex",
    "w sussex": "west_sussex",
    "west sx": "west_sussex",
    "westsussex": "west_sussex",
    "wsx": "west_sussex",
    "ws": "west_sussex",
    "es": "east_sussex",
    "w sx": "west_sussex",
    "esx": "east_sussex",
    "e sx": "east_sussex",
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
_PLACE_CUES = {
    "in",
    "at",
    "near",
    "from",
    "around",
    "outside",
    "nr",
    "by",
    "live",
    "living",
    "based",
    "to",
    "of",
    "area",
    "towards",
    "round",
}
_LIVING_CUES = {"live", "living", "based", "now", "reside", "home", "stay", "staying"}
_SIDE_FILLERS = {
    "the",
    "side",
    "one",
    "its",
    "it",
    "is",
    "sussex",
    ".",
    ",",
    "i",
    "am",
    "in",
    "live",
    "we",
    "are",
    "think",
    "please",
}
_CORRECTING = {"mean", "meant", "actually", "correction", "oops"}
_MOVING = {"moved", "moving", "move", "relocated", "relocating"}


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
        self._names = {
            name: council
            for name, council in pairs
            if len(name) >= 5 and name not in self.needs_context and council != AMBIGUOUS
        }
        self._name_list = list(self._names)

    def words(self) -> set[str]:
        return self.index.words()

    def fuzzy_find(self, tokens: Sequence[str]) -> AreaFact | None:
        """A place name typed with a slip ("hayward heath"), for a direct answer only."""
        words = [t for t in tokens if t.isalpha() and t not in _PLACE_CUES]
        best: tuple[float, str, int, int] | None = None
        for size in range(1, min(4, len(words)) + 1):
            for start in range(len(words) - size + 1):
                phrase = " ".join(words[start : start + size])
                if len(phrase) < 5:
                    continue
                found = process.extractOne(
                    phrase, self._name_list, scorer=fuzz.ratio, score_cutoff=88.0
                )
                if found and (best is None or found[1] > best[0]):
                    best = (found[1], found[0], start, start + size)
        if best is None:
            return None
        council = self._names[best[1]]
        area = "elsewhere" if council == "brighton_and_hove" else council
        return AreaFact(area, council, best[1], best[2], best[3])

    def find(self, tokens: Sequence[str], *, asking_area: bool) -> AreaFact | None:
        """The most likely place the person lives, or None."""
        if asking_area:
            words = [t for t in tokens if t not in _SIDE_FILLERS]
            if words in (["west"], ["w"], ["western"]):
                return AreaFact("west_sussex", "west_sussex", "west sussex", 0, len(tokens))
            if words in (["east"], ["e"], ["eastern"]):
                return AreaFact("east_sussex", "east_sussex", "east sussex", 0, len(tokens))
        facts: list[tuple[bool, AreaFact]] = []
        for match in self.index.find(tokens):
            before = tokens[max(0, match.start - 3) : match.start]
            if match.phrase in self.needs_context:
                cued = bool(before) and before[-1] in _PLACE_CUES
                if not cued and not (asking_area and len(tokens) <= 4):
                    continue
            council = match.value
            area = (
                None
                if council == AMBIGUOUS
                else ("elsewhere" if council == "brighton_and_hove" else council)
            )
            if before and before[-1] in {"not", "no", "never"}:
                continue  # "Hastings, not Horsham"
            living = any(token in _LIVING_CUES for token in before) or (
                bool(before) and before[-1] == "to" and bool(_MOVING & set(tokens[: match.start]))
            )
            fact = AreaFact(area, council, match.phrase, match.start, match.end)
            facts.append((living, fact))
        if not facts:
            return self.fuzzy_find(tokens) if asking_area and len(tokens) <= 8 else None
        for _, fact in facts:
            if fact.area and _CORRECTING & set(tokens[max(0, fact.start - 3) : fact.start]):
                return fact  # "Crawley... sorry I mean Crowborough"
        for living, fact in facts:
            if living and fact.area:
                return fact
        for _, fact in facts:
            if fact.area:
                return fact
        return facts[0][1]
