"""The features of a text: character n-grams inside words and word n-grams.

Character n-grams (3 to 5 letters, each word padded with a space at both ends) let a model
see "wna", "wanna" and "want" as near neighbours, and survive typos; word unigrams and
bigrams (prefixed ``w:``) carry the order of short phrases ("end it", "no one"). Training and
prediction call this same function, so they can never disagree.
"""

from __future__ import annotations

from functools import lru_cache

FEATURES_VERSION = 1
CHAR_SIZES = (3, 4, 5)


@lru_cache(maxsize=32768)
def _word_features(word: str) -> tuple[str, ...]:
    """The character n-grams of one word, and the word itself (words repeat a lot)."""
    padded = f" {word} "
    length = len(padded)
    grams = [
        padded[start : start + size]
        for size in CHAR_SIZES
        if length >= size
        for start in range(length - size + 1)
    ]
    grams.append(f"w:{word}")
    return tuple(grams)


def features(normalised: str) -> list[str]:
    """Every feature of ``normalised`` text (lower case, words split by single spaces)."""
    words = normalised.split()
    found: list[str] = []
    for word in words:
        found.extend(_word_features(word))
    found.extend(f"w:{first} {second}" for first, second in zip(words, words[1:], strict=False))
    return found
