"""Phrase lists and typo correction.

A :class:`PhraseIndex` finds known phrases (one to five words) in a token list, longest first.
A :class:`Speller` corrects rare words to the nearest known word, so that "horsam" becomes
"horsham" and "parant" becomes "parent", while everyday words are left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein
from wordfreq import zipf_frequency

MAX_PHRASE_WORDS = 5


@dataclass(frozen=True, slots=True)
class Match:
    """A phrase found in a message: its value and the token positions [start, end)."""

    value: str
    start: int
    end: int
    phrase: str


class PhraseIndex:
    """Exact lookup of multi-word phrases, longest match first, without overlaps."""

    def __init__(self, phrases: Iterable[tuple[str, str]]):
        self._values: dict[tuple[str, ...], str] = {}
        longest = 1
        for phrase, value in phrases:
            key = tuple(phrase.split())
            if key:
                self._values.setdefault(key, value)
                longest = max(longest, len(key))
        self._longest = min(longest, MAX_PHRASE_WORDS + 2)
        self._firsts = frozenset(key[0] for key in self._values)  # most words start none

    def __contains__(self, phrase: str) -> bool:
        return tuple(phrase.split()) in self._values

    def words(self) -> set[str]:
        """Every single word used in any phrase."""
        return {word for key in self._values for word in key}

    def find(self, tokens: Sequence[str]) -> list[Match]:
        """All phrases in ``tokens``, scanning left to right and preferring the longest."""
        found: list[Match] = []
        firsts = self._firsts
        position = 0
        while position < len(tokens):
            token = tokens[position]
            if token not in firsts and not (
                len(token) > 3 and token.endswith("s") and token[:-1] in firsts
            ):
                position += 1  # no phrase starts with this word, in the singular or not
                continue
            for size in range(min(self._longest, len(tokens) - position), 0, -1):
                key = tuple(tokens[position : position + size])
                value = self._values.get(key)
                if value is None and len(key[-1]) > 3 and key[-1].endswith("s"):
                    value = self._values.get((*key[:-1], key[-1][:-1]))
                if value is not None:
                    found.append(Match(value, position, position + size, " ".join(key)))
                    position += size
                    break
            else:
                position += 1
        return found


class Speller:
    """Corrects rare words to a known vocabulary word that looks almost the same."""

    COMMON_WORD_ZIPF = 3.2

    def __init__(self, vocabulary: Iterable[str], *, prefer: Callable[[str], bool] | None = None):
        """``prefer`` picks among equally close words: the safety check prefers words of harm
        ("hert" is "hurt", not "heart")."""
        self._prefer = prefer or (lambda word: False)
        self._known = {word for word in vocabulary if word.isalpha()}
        self._choices = sorted(word for word in self._known if len(word) >= 4)
        self._by_letter: dict[str, list[str]] = {}
        for word in self._choices:
            self._by_letter.setdefault(word[0], []).append(word)

    def correct_tokens(self, tokens: Sequence[str]) -> list[str]:
        """Correct each word; punctuation tokens pass through."""
        return [self.correct(token) for token in tokens]

    def correct(self, token: str) -> str:
        return self._correct(token)

    @lru_cache(maxsize=8192)  # noqa: B019 - the speller lives as long as the process
    def _correct(self, token: str) -> str:
        if len(token) < 4 or not token.isalpha() or token in self._known:
            return token
        if zipf_frequency(token, "en") >= self.COMMON_WORD_ZIPF:
            return token
        for spoken in _spoken_variants(token):  # "worfing" for "worthing", said as heard
            if spoken in self._known:
                return spoken
        choices = self._by_letter.get(token[0], [])
        allowed = 1 if len(token) <= 7 else 2
        close = process.extract(
            token, choices, scorer=DamerauLevenshtein.distance, score_cutoff=allowed, limit=12
        )
        if not close:
            return token
        # Among equally close words prefer those the typo is missing a letter from: people
        # drop letters ("horsam", "helth") more often than they add or swap them.
        best = min(
            close,
            key=lambda found: (
                found[1],
                not self._prefer(found[0]),
                len(found[0]) < len(token),
                len(found[0]) <= len(token),
                abs(len(found[0]) - len(token)),
            ),
        )
        return str(best[0])


def _spoken_variants(token: str) -> list[str]:
    """The word as it sounds: one "f" or "v" read as "th" ("worfing", "bruvver"), a silent
    first letter left out ("nife", "rite"), "f" for "ph" ("fone"). Tried before any other
    correction."""
    variants = [
        token[:index] + "th" + token[index + 1 :]
        for index, letter in enumerate(token)
        if letter in "fv"
    ]
    if token.startswith("n"):
        variants.append("k" + token)
    if token.startswith("r"):
        variants.append("w" + token)
    if token.startswith("f"):
        variants.append("ph" + token[1:])
    return variants
