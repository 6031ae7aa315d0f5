"""Plain-language checks for one message: the GOV.UK reading age of 9, roughly.

A message passes when every sentence has at most 20 words, its Flesch reading ease is at least
70, and any jargon word is avoided or explained in the same message. Email addresses, web
addresses and phone numbers are left out of the score: they are not prose.

Easy-read texts (``easy=True``: a route's ``easy_read`` text and the easy-read variants in
dialogues/domain.yml) are held to a stricter limit, in the spirit of easy-read guidance (one
idea per short sentence, everyday words): every sentence has at most 12 words, the Flesch
reading ease is at least 80, and the whole text has at most 40 words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.content.flesch import reading_ease

MAX_SENTENCE_WORDS = 20
MIN_READING_EASE = 70.0
EASY_MAX_SENTENCE_WORDS = 12
EASY_MIN_READING_EASE = 80.0
EASY_MAX_WORDS = 40
# Jargon and how to spot an explanation next to it. "SEND" counts only in capitals.
JARGON = {
    "co-production": re.compile(r"\bco-?production\b", re.IGNORECASE),
    "SEND": re.compile(r"\bSEND\b"),
    "EHCP": re.compile(r"\bEHCPs?\b", re.IGNORECASE),
    "stakeholder": re.compile(r"\bstakeholders?\b", re.IGNORECASE),
    "strategic": re.compile(r"\bstrategic(?:ally)?\b", re.IGNORECASE),
    "facilitate": re.compile(r"\bfacilitat\w*\b", re.IGNORECASE),
}
_EXPLAINED = re.compile(
    r"^\W{0,3}(?:\(|means\b|is short for\b|stands for\b|is an?\b|is when\b)", re.IGNORECASE
)
_NOT_PROSE = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|\b\d[\d ]{2,}\d\b|\b\d+\b")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")


@dataclass(frozen=True, slots=True)
class Assessment:
    reading_ease: float
    longest_sentence: int
    jargon: tuple[str, ...] = field(default_factory=tuple)
    words: int = 0
    easy: bool = False  # held to the easy-read limits

    @property
    def problems(self) -> list[str]:
        found = []
        most = EASY_MAX_SENTENCE_WORDS if self.easy else MAX_SENTENCE_WORDS
        least = EASY_MIN_READING_EASE if self.easy else MIN_READING_EASE
        kind = "easy read: " if self.easy else ""
        if self.longest_sentence > most:
            found.append(f"{kind}a sentence has {self.longest_sentence} words (at most {most})")
        if self.reading_ease < least:
            found.append(
                f"{kind}reading ease is {self.reading_ease:.0f} (needs {least:.0f} or more)"
            )
        if self.easy and self.words > EASY_MAX_WORDS:
            found.append(f"{kind}it has {self.words} words (at most {EASY_MAX_WORDS})")
        found.extend(f"'{word}' is jargon: avoid it or explain it here" for word in self.jargon)
        return found


def sentences(text: str) -> list[str]:
    """Sentences and separate lines (titles, bullets) of ``text``."""
    return [part.strip(" -•") for part in _SENTENCE_END.split(text) if part.strip(" -•")]


def prose(text: str) -> str:
    """The text as the score sees it: lines become sentences, contact details are left out."""
    lines = []
    for sentence in sentences(_NOT_PROSE.sub(" ", text)):
        cleaned = sentence.strip()
        if cleaned and cleaned[-1] not in ".!?:":
            cleaned += "."
        lines.append(cleaned)
    return " ".join(lines)


def _unexplained(pattern: re.Pattern[str], text: str) -> bool:
    """True when the jargon appears and no use of it is followed by an explanation."""
    uses = list(pattern.finditer(text))
    return bool(uses) and not any(
        _EXPLAINED.search(text[use.end() : use.end() + 30]) for use in uses
    )


def assess(text: str, *, easy: bool = False) -> Assessment:
    """Score one message the bot can send (``easy``: by the easy-read limits)."""
    longest = max((len(_WORD.findall(s)) for s in sentences(text)), default=0)
    plain = prose(text)
    words = _WORD.findall(plain)
    ease = reading_ease(plain) if len(words) >= 3 else 100.0
    jargon = tuple(word for word, pattern in JARGON.items() if _unexplained(pattern, text))
    return Assessment(ease, longest, jargon, len(_WORD.findall(text)), easy)
