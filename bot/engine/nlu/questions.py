"""Questions about one thing the bot knows ("what is Young Voices?", "how do I join the
parent carer forum?", "whats a PCF"), answered from ``content/answers.yml``.

A name counts only inside a question (a question word first, or a question mark), and the
answer says what it is and who it is for, or how to join or reach it when the question says
"join", "sign up", "email", "contact" and the like. So "my son has an EHCP" is not a
question, and "can I send feedback" is not about SEND: names that are everyday English words
(like "send") need "what is" right next to them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from wordfreq import zipf_frequency

from bot.engine.nlu.lexicon import PhraseIndex

_QUESTION_STARTS = {
    "what",
    "whats",
    "wat",
    "wats",
    "wot",
    "wots",
    "who",
    "whos",
    "how",
    "where",
    "can",
    "could",
    "is",
    "are",
    "do",
    "does",
    "tell",
    "explain",
    "any",
    "whens",
    "when",
    "which",
    "why",
}
_JOIN = {
    "join",
    "joining",
    "sign",
    "signup",
    "become",
    "apply",
    "contact",
    "email",
    "phone",
    "number",
    "website",
    "link",
    "reach",
    "touch",
    "member",
    "part",
    "involved",
    "address",
    "into",
    "find",
}
_EVERYDAY_ZIPF = 4.0
# Questions that ask for a time, an amount or a detail our short answers do not hold.
_SPECIFIC = {
    "when",
    "whens",
    "open",
    "opening",
    "times",
    "hours",
    "cost",
    "costs",
    "price",
    "date",
    "dates",
    "day",
    "today",
    "tomorrow",
    "tonight",
    "weekend",
    "sunday",
    "saturday",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "next",
}
_SPECIFIC_STARTS = {
    "what time",
    "how long",
    "how much",
    "how many",
    "where is",
    "where does",
    "which day",
}


@dataclass(frozen=True, slots=True)
class AskedAbout:
    answer_id: str
    kind: str  # "what" or "join"


_YEAR = re.compile(r"(?:19|20)\d\d")


def _asks_to_take_part(before: Sequence[str]) -> bool:
    """ "how do I join", "how can I have a say in", "how do I find out about" """
    return bool(_JOIN & set(before)) or "say" in before


class QuestionReader:
    """Finds a question about a named thing; built once from the answers' names."""

    def __init__(
        self,
        names: Iterable[tuple[str, str]],
        texts: Mapping[str, Sequence[str]] | None = None,
    ):
        pairs = list(names)
        self._index = PhraseIndex(pairs)
        # answer -> the other things its own words mention: a question about two things ("what
        # did Young Voices do at the family hubs?") is best answered by the one that covers both
        self._covers = {
            answer_id: {match.value for match in self._index.find(list(words))} - {answer_id}
            for answer_id, words in (texts or {}).items()
        }
        # answers whose own words give a year: they can answer "when did it start?"
        self._dated = {
            answer_id
            for answer_id, words in (texts or {}).items()
            if any(_YEAR.fullmatch(word) for word in words)
        }
        self._everyday = {
            name
            for name, _ in pairs
            if " " not in name and zipf_frequency(name, "en") >= _EVERYDAY_ZIPF
        }

    def words(self) -> set[str]:
        return self._index.words()

    def read(self, tokens: Sequence[str], *, question_mark: bool) -> AskedAbout | None:
        words = [t for t in tokens if t not in (",", ".")]
        if not words:
            return None
        questioning = question_mark or words[0] in _QUESTION_STARTS
        matches = self._index.find(words)
        named = {match.value for match in matches}
        if len(named) > 1:  # the answer that covers the others comes first
            matches.sort(key=lambda match: -len(self._covers.get(match.value, set()) & named))
        for match in matches:
            after = words[match.end : match.end + 2]
            near_before = words[max(0, match.start - 2) : match.start]
            if match.phrase in self._everyday:
                strict = bool({"what", "whats", "wat", "wot"} & set(near_before)) or (
                    after[:1] in (["mean"], ["means"], ["stand"], ["stands"])
                )
                if strict:
                    return AskedAbout(match.value, "what")
                if words[0] in _QUESTION_STARTS and _asks_to_take_part(words[: match.start]):
                    return AskedAbout(match.value, "join")  # "how can I have a say in NHS stuff"
                continue
            alone = question_mark and (
                len(words) == match.end - match.start or (match.start == 0 and len(words) <= 6)
            )
            if not (questioning or alone):
                continue
            if _JOIN & set(words[: match.start]) or _JOIN & set(after):
                return AskedAbout(match.value, "join")
            if words[0] in ("when", "whens") and match.value in self._dated:
                return AskedAbout(match.value, "what")  # "when did it start": its answer says
            if _SPECIFIC & set(words) or " ".join(words[:2]) in _SPECIFIC_STARTS:
                continue  # "when does the hub open?": not what our answer says
            return AskedAbout(match.value, "what")  # a question about it: what it is, who for
        return None
