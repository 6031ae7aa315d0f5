"""Questions about one thing the bot knows ("what is Young Voices?", "how do I join the
parent carer forum?", "whats a PCF"), answered from ``content/answers.yml``.

A name counts only inside a question: a question word or mark, and a cue that says what is
asked: what it is ("what is", "mean", "stand for", "who is it for") or how to join or reach it
("join", "sign up", "email", "contact"). So "my son has an EHCP" is not a question, and "can
I send feedback" is not about SEND. Names that are everyday English words (like "send") need
the "what is" cue right next to them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from wordfreq import zipf_frequency

from bot.engine.nlu.lexicon import PhraseIndex

_WHAT_BEFORE = {
    "what",
    "whats",
    "wat",
    "wats",
    "wot",
    "wots",
    "wht",
    "explain",
    "about",
    "meaning",
    "define",
    "is",
    "are",
}
_WHAT_AFTER = {"mean", "means", "meaning", "stand", "stands", "for", "is", "are"}
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


@dataclass(frozen=True, slots=True)
class AskedAbout:
    answer_id: str
    kind: str  # "what" or "join"


class QuestionReader:
    """Finds a question about a named thing; built once from the answers' names."""

    def __init__(self, names: Iterable[tuple[str, str]]):
        pairs = list(names)
        self._index = PhraseIndex(pairs)
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
        for match in self._index.find(words):
            before = words[max(0, match.start - 4) : match.start]
            after = words[match.end : match.end + 2]
            near_before = words[max(0, match.start - 2) : match.start]
            if match.phrase in self._everyday:
                strict = bool({"what", "whats", "wat", "wot"} & set(near_before)) or (
                    after[:1] in (["mean"], ["means"], ["stand"], ["stands"])
                )
                if not strict:
                    continue
                return AskedAbout(match.value, "what")
            alone = question_mark and (
                len(words) == match.end - match.start or (match.start == 0 and len(words) <= 6)
            )
            if not (questioning or alone):
                continue
            if _JOIN & set(words[: match.start]) or _JOIN & set(after):
                return AskedAbout(match.value, "join")
            if alone or _WHAT_BEFORE & set(before) or _WHAT_AFTER & set(after[:1]):
                return AskedAbout(match.value, "what")
        return None
