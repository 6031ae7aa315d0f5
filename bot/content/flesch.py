"""Flesch reading ease, counted exactly as textstat 0.7.3 counts it (English), with Pyphen.

textstat 0.7.3 needs ``pkg_resources`` (so setuptools at run time) and its later releases fetch
the CMU dictionary through nltk, which needs the network. This module keeps its figures: the
same words (punctuation removed), the same sentences (those of two words or fewer not
counted), syllables as Pyphen's hyphenation points plus one, and the same rounding.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

_PUNCTUATION = re.compile(r"[^\w\s]")
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)


@lru_cache(maxsize=1)
def _hyphenator() -> object:
    from pyphen import Pyphen

    return Pyphen(lang="en_US")


def _round(number: float, points: int) -> float:
    """Half away from zero, as textstat rounds (not Python's round-half-to-even)."""
    scale = float(10**points)
    return float(math.floor(number * scale + math.copysign(0.5, number))) / scale


def words(text: str) -> int:
    return len(_PUNCTUATION.sub("", text).split())


def sentences(text: str) -> int:
    found = _SENTENCE.findall(text)
    return max(1, len(found) - sum(1 for sentence in found if words(sentence) <= 2))


def syllables(text: str) -> int:
    positions = _hyphenator().positions  # type: ignore[attr-defined]
    return sum(len(positions(word)) + 1 for word in _PUNCTUATION.sub("", text.lower()).split())


def reading_ease(text: str) -> float:
    """206.835 - 1.015 x words per sentence - 84.6 x syllables per word."""
    count = words(text)
    per_sentence = _round(count / sentences(text), 1)
    per_word = _round(syllables(text) / count, 1) if count else 0.0
    return _round(206.835 - 1.015 * per_sentence - 84.6 * per_word, 2)
