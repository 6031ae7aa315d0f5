"""Where the person lives, from a gazetteer of places (content/places.yml).

Names that are also everyday words ("Battle", "Rye") count only after "in", "near", "from"
and similar, or as the whole answer to "where do you live?". Brighton and Hove is its own
council area, so it counts as "elsewhere" with a note.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

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
    "past",
    "beyond",
}
# A county named as part of an organisation's name ("the west sussex forum") says less about
# where someone lives than another place they name.
_COUNTY_NAMES = {"west sussex", "east sussex", "sussex"}
_ORGANISATION = {"forum", "parent", "pcf", "council", "county", "cc", "nhs", "local", "send"}
# "HS2 is late": words after a code that is the subject of a sentence, not where someone lives
_SAID_OF = {
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "line",
    "train",
}
# "M14 postcode", "B13. Dad.": a one-letter area is a postcode only when marked so
_CODE_WORDS = {"postcode", "post", "area", ".", ","}
_LIVING_IN_CUES = {"in", "from", "near", "live", "living", "based", "postcode", "nr"}
_LIVING_CUES = {"live", "living", "based", "now", "reside", "home", "stay", "staying"}
# "i go to skool in burges hil": where their school is says the area too
_WHERE_I_GO = {"lives", "we", "school", "skool", "skl", "college", "are"}
_LIVING_CUES |= {"liv", "lve", "livin", "lving"}  # slips: "i liv in lewis"
_SIDE_FILLERS = {
    "the",
    "side",
    "bit",
    "part",
    "end",
    "half",
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
_CORRECTING = {"mean", "meant", "actually", "correction", "oops", "sorry", "wait", "sry"}
_MOVING = {"moved", "moving", "move", "relocated", "relocating"}
_DENYING = {"not", "no", "never", "nt"}
_NOW = {"now", "currently", "live", "living", "based", "reside", "stay", "staying", "home"}
_PAST_BEFORE = {
    "used",
    "lived",
    "was",
    "were",
    "previously",
    "originally",
    "formerly",
    "grew",
    "born",
    "left",
    "ago",
}
_PAST_AFTER = {"till", "until", "before", "previously", "ago", "originally"}
_OWNERS_OF_OTHERS = {
    "mum",
    "mums",
    "dad",
    "dads",
    "nan",
    "gran",
    "sister",
    "brother",
    "son",
    "daughter",
    "school",
    "college",
    "work",
    "office",
    "aunt",
    "uncle",
    "parents",
    "grandparents",
    "grandma",
    "grandad",
    "inlaws",
    "laws",
    "cousins",
    "family",
}
_CLAUSE_BREAKS = {",", ".", "but", "and", "then", "so", "though", "although", "whereas"}
_DISTRICT = re.compile(r"^([a-z]{1,2})(\d{1,2}|\d[a-z])$")
_INWARD = re.compile(r"^\d[a-z]{2}$")
_FULL = re.compile(r"^([a-z]{1,2})(\d{1,2}|\d[a-z])(\d[a-z]{2})$")


@dataclass(slots=True)
class AreaFact:
    area: str | None  # west_sussex | east_sussex | elsewhere | None when ambiguous ("sussex")
    council: str  # one of COUNCIL_AREAS, or "sussex" when we cannot tell which
    place: str
    start: int
    end: int
    choices: tuple[str, ...] = ()  # when ambiguous: the areas it could be


class PostcodeBook(Protocol):
    sussex_letters: list[str]
    uk_areas: list[str]

    def council_of(self, district: str) -> list[str]: ...


def _area_of(council: str) -> str:
    """The area a council is in: Brighton and Hove is outside both counties (SPEC.md)."""
    return "elsewhere" if council == "brighton_and_hove" else council


class Gazetteer:
    """Place names to council areas."""

    def __init__(
        self,
        places: Mapping[str, Iterable[str]],
        needs_context: Iterable[str],
        postcodes: PostcodeBook | None = None,
    ):
        self.postcodes = postcodes
        self._sussex_letters = {
            letters.lower() for letters in (postcodes.sussex_letters if postcodes else [])
        }
        self._uk_areas = {letters.lower() for letters in (postcodes.uk_areas if postcodes else [])}
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
                # a close slip anywhere (88), or a looser one that starts the same ("bexil")
                for name, score, _ in process.extract(
                    phrase, self._name_list, scorer=fuzz.ratio, score_cutoff=80.0, limit=3
                ):
                    close = score >= 88.0 or name[:2].lower() == phrase[:2]
                    if close and (best is None or score > best[0]):
                        best = (score, name, start, start + size)
        return None if best is None else self._named_fact(*best[1:])

    def _named_fact(self, name: str, start: int, end: int) -> AreaFact:
        council = self._names[name]
        return AreaFact(_area_of(council), council, name, start, end)

    def cued_fuzzy_find(self, tokens: Sequence[str]) -> AreaFact | None:
        """A place typed with a slip straight after "from" or "live in" ("im 14 from burges
        hil"): only a close slip (88) of the words that start there."""
        best: tuple[float, str, int, int] | None = None
        for index, token in enumerate(tokens[:-1]):
            previous = tokens[index - 1] if index else ""
            if not (
                token == "from"
                or (token in ("in", "at", "near") and previous in _LIVING_CUES | _WHERE_I_GO)
                or (token == "to" and previous in ("moved", "move", "moving"))
            ):
                continue
            following: list[str] = []
            for word in tokens[index + 1 : index + 4]:
                if not word.isalpha() or word in _PLACE_CUES:
                    break
                following.append(word)
            for size in range(1, len(following) + 1):
                phrase = " ".join(following[:size])
                if len(phrase) < 5:
                    continue
                found = process.extractOne(
                    phrase, self._name_list, scorer=fuzz.ratio, score_cutoff=88.0
                )
                if found is None:
                    # a short Sussex name one letter out ("lewis" for Lewes), if only one fits
                    near = process.extract(
                        phrase,
                        self._name_list,
                        scorer=Levenshtein.distance,
                        score_cutoff=1,
                        limit=2,
                    )
                    if (
                        len(near) == 1
                        and near[0][0][:2] == phrase[:2]
                        and _area_of(self._names[near[0][0]]) in ("west_sussex", "east_sussex")
                    ):
                        found = (near[0][0], 80.0, near[0][2])  # only a Sussex name: not "cambs"
                if found and (best is None or found[1] > best[0]):
                    best = (found[1], found[0], index + 1, index + 1 + size)
        return None if best is None else self._named_fact(*best[1:])

    def postcode_facts(self, tokens: Sequence[str], *, asking_area: bool) -> list[AreaFact]:
        """Postcodes and postcode districts: "RH12", "BN43 5AB", "tn345ab"."""
        found: list[AreaFact] = []
        if self.postcodes is None:
            return found
        for index, token in enumerate(tokens):
            full = _FULL.match(token)
            district = _DISTRICT.match(token)
            if full:
                letters, number = full.group(1), full.group(2)
            elif district:
                letters, number = district.group(1), district.group(2)
                following = tokens[index + 1] if index + 1 < len(tokens) else ""
                before = tokens[index - 1] if index else ""
                sure = (
                    letters in self._sussex_letters
                    or bool(_INWARD.match(following))
                    or (asking_area and len(tokens) <= 3)
                    # "LS6 parent carer - ...", "we live in CF14": a two-letter district that
                    # opens the message or follows a place word
                    or (
                        (len(letters) == 2 or following in _CODE_WORDS)
                        and (
                            before in _LIVING_IN_CUES
                            or (index == 0 and following not in _SAID_OF)
                            # "parent carer, ME14": a clause of its own at the end
                            or (before in (",", ".") and following in ("", ".", ","))
                        )
                    )
                )
                if not sure:
                    continue
            else:
                continue
            if letters not in self._uk_areas:
                continue
            name = f"{letters}{number}".upper()
            councils = self.postcodes.council_of(name) if letters in self._sussex_letters else []
            councils = councils or ["elsewhere"]
            if len(councils) == 1:
                council = councils[0]
                found.append(AreaFact(_area_of(council), council, name, index, index + 1))
            else:
                choices = tuple(dict.fromkeys(_area_of(council) for council in councils))
                if len(choices) == 1:
                    found.append(AreaFact(choices[0], councils[0], name, index, index + 1))
                else:
                    found.append(AreaFact(None, "postcode", name, index, index + 1, choices))
        return found

    def _standing(
        self, tokens: Sequence[str], fact: AreaFact, previous_end: int | None = None
    ) -> int | None:
        """How much a mention says where the person lives now: None when it is denied ("not
        Brighton"); more for "now" and corrections ("sorry, I mean Horsham"); less for the past
        ("we used to live in Eastbourne", "Crawley till last year")."""
        window = [t for t in tokens[max(0, fact.start - 4) : fact.start] if t not in (",", ".")]
        clause: list[str] = []
        for token in reversed(tokens[: fact.start]):
            if token in _CLAUSE_BREAKS:
                break
            clause.append(token)
            if token == "now":
                break
        clause.reverse()
        after = list(tokens[fact.end : fact.end + 3])
        just_before = tokens[max(0, fact.start - 3) : fact.start]
        # "sorry no, Bognor" and "sorry no Bognor" correct; "Hastings not Horsham" denies
        corrected = (
            len(just_before) >= 2 and just_before[-1] == "," and just_before[-2] in _DENYING
        ) or (len(window) >= 2 and window[-1] in _DENYING and window[-2] in _CORRECTING)
        if window and window[-1] in _DENYING and not corrected:
            return None  # "not Brighton"; but "sorry no, Bognor" is a correction
        if window[-2:] in (["not", "in"], ["not", "from"], ["not", "at"]):
            return None
        if window[-3:] in (["not", "live", "in"], ["not", "living", "in"], ["not", "based", "in"]):
            return None  # "no i dont live in west sussex, its east sussex"
        moved_to = clause[-1:] == ["to"] and bool(_MOVING & set(clause))
        score = 0
        between = tokens[previous_end : fact.start] if previous_end is not None else []
        if _CORRECTING & set(window) or _CORRECTING & set(between) or corrected:
            score += 3  # "Worthing... wait no, that's his school, I live in Uckfield"
        elif previous_end is not None and after[:1] in (["sorry"], ["sry"], ["soz"]):
            score += 3  # "Brighton... no, Burgess Hill sorry"
        if clause[-3:] in (["i", "am", "in"], ["we", "are", "in"]):
            score += 2
        elif clause[-3:] == ["i", "am", "from"]:
            score += 1  # "I am from Ukraine, now live in Crawley": where they live wins
        if set(clause) & _OWNERS_OF_OTHERS and "i" not in clause and "we" not in clause:
            score -= 2  # "my mum lives in Hastings"
        if _NOW & set(clause) or moved_to:
            score += 2
        # "Seaford now", "Seaford right now"; not "crawley but now reigate", whose "now" is
        # the next place's
        now_at = 0 if after[:1] == ["now"] else 1 if after[:2] == ["right", "now"] else None
        following_now = (
            tokens[fact.end + now_at + 1 : fact.end + now_at + 2] if now_at is not None else []
        )
        # "but were in Seaford now"; not "from Spain and now I live in Worthing"
        now_after = (
            now_at is not None
            and not moved_to
            and following_now[:1] not in (["i"], ["we"], ["live"], ["living"], ["based"])
        )
        if now_after:
            score += 2  # "but were in Seaford now"
        past = _PAST_BEFORE & set(clause)
        if "now" in clause or now_after:
            past -= {"were", "was"}  # "now were in Worthing": a typed "we're", not the past
        if not moved_to and (past or ("from" in clause and _MOVING & set(clause))):
            score -= 3
        if after[:1] in (["next"], ["soon"], ["later"]):
            score -= 2  # "moving to Horsham next month": not yet
        if not moved_to and (
            (after and after[0] in _PAST_AFTER) or after[:2] in (["last", "year"], ["years", "ago"])
        ):
            score -= 3
        return score

    def find(self, tokens: Sequence[str], *, asking_area: bool) -> AreaFact | None:
        """The most likely place the person lives now, or None."""
        if asking_area:
            words = [t for t in tokens if t not in _SIDE_FILLERS]
            if words in (["west"], ["w"], ["western"]):
                return AreaFact("west_sussex", "west_sussex", "west sussex", 0, len(tokens))
            if words in (["east"], ["e"], ["eastern"]):
                return AreaFact("east_sussex", "east_sussex", "east sussex", 0, len(tokens))
            # "not west sussex, east": the side said last, after a denial
            if len(words) >= 3 and words[-1] in ("east", "west") and set(words[:-1]) & _DENYING:
                side = f"{words[-1]}_sussex"
                return AreaFact(side, side, f"{words[-1]} sussex", 0, len(tokens))
        facts = self.postcode_facts(tokens, asking_area=asking_area)
        for match in self.index.find(tokens):
            if any(fact.start <= match.start < fact.end for fact in facts):
                continue
            before = tokens[max(0, match.start - 3) : match.start]
            if match.phrase in self.needs_context:
                cued = bool(before) and (before[-1] in _PLACE_CUES or before[-1].isdigit())
                # "oh actually ... it's Battle now": a correction names a place
                cued = cued or bool(
                    _CORRECTING & set(tokens[max(0, match.start - 8) : match.start])
                )
                # "Rye. Dad. Boy of 10", "just a parent. Rye. My boy is 8": the place said on
                # its own, as a whole clause
                alone = (match.start == 0 or tokens[match.start - 1] in (",", ".")) and tokens[
                    match.end : match.end + 1
                ] in ([","], ["."], [])
                if not cued and not alone and not (asking_area and len(tokens) <= 4):
                    continue
            council = match.value
            area = None if council == AMBIGUOUS else _area_of(council)
            facts.append(AreaFact(area, council, match.phrase, match.start, match.end))
        if not facts:
            if asking_area and len(tokens) <= 8:
                return self.fuzzy_find(tokens)
            return self.cued_fuzzy_find(tokens)
        scored: list[tuple[int, int, AreaFact]] = []
        facts.sort(key=lambda fact: fact.start)
        previous_end: int | None = None
        for fact in facts:
            standing = self._standing(tokens, fact, previous_end)
            previous_end = fact.end
            if (
                standing is not None
                and fact.place in _COUNTY_NAMES
                and tokens[fact.end : fact.end + 1]
                and tokens[fact.end] in _ORGANISATION
                and len(facts) > 1
            ):
                standing -= 2  # "Mum from Portsmouth, does the west sussex forum cover us?"
            if standing is not None:
                scored.append((standing, -fact.start, fact))
        if not scored:
            return None
        best_score = max(score for score, _, _ in scored)
        best = [fact for score, _, fact in sorted(scored, reverse=True) if score == best_score]
        best.sort(key=lambda fact: fact.start)
        if best_score >= 3:  # a correction: the last thing said wins
            best.reverse()
        for fact in best:
            if fact.area:
                return fact
        return best[0]
