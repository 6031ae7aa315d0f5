"""Is a message written in another language, and which? (journey 7)

Detection is lingua's (its models come inside the package; nothing is downloaded). Lingua
reads short English text-speak as other languages ("im 15 n live in horsam" looks Somali to
it), so it is only asked when the message is mostly not English words, and its answer must be
confident. The detector is built the first time it is needed, so start-up pays nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from wordfreq import zipf_frequency

_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH_ZIPF = 3.0
_MOST = 0.5
_CONFIDENT = 0.6


class LanguageGuesser:
    """Guesses the language of messages that are not English, among ``codes`` (ISO 639-1)."""

    def __init__(self, codes: Iterable[str], known_words: Iterable[str] = ()):
        self.codes = sorted(set(codes))
        self._known = set(known_words)
        self._detector: object | None = None

    def _build(self) -> object:
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

        languages = [Language.ENGLISH]
        for code in self.codes:
            iso = getattr(IsoCode639_1, code.upper(), None)
            if iso is not None:
                languages.append(Language.from_iso_code_639_1(iso))
        return LanguageDetectorBuilder.from_languages(*languages).with_low_accuracy_mode().build()

    def english_share(self, words: list[str]) -> float:
        """The share of words that are English (or words the bot knows). Short words are left
        out when there are enough long ones: "a", "ne", "de" are common in English text too."""
        long_words = [word for word in words if len(word) >= 4]
        if len(long_words) >= 2:
            words = long_words
        english = sum(
            1
            for word in words
            if word.isascii()
            and (word in self._known or zipf_frequency(word, "en") >= _ENGLISH_ZIPF)
        )
        return english / len(words) if words else 1.0

    def guess(self, text: str) -> str | None:
        """The code of the language ``text`` is written in, or None for English or unsure."""
        words = [word.lower() for word in _WORD.findall(text)]
        if len(words) < 2 and not (words and not words[0].isascii() and len(words[0]) > 3):
            return None
        if self.english_share(words) >= _MOST:
            return None
        if self._detector is None:
            self._detector = self._build()
        values = self._detector.compute_language_confidence_values(text)  # type: ignore[attr-defined]
        if not values:
            return None
        best = values[0]
        code = best.language.iso_code_639_1.name.lower()
        if code == "en" or best.value < _CONFIDENT or code not in self.codes:
            return None
        return str(code)
