"""Text as people really type it, made plain enough to check for danger.

The shared tokeniser (:func:`bot.engine.nlu.text.tokenise`) already lower-cases, expands
"im" and "dont", and writes number words as digits. For safety we go further, because a
missed word here costs more than anywhere else:

- letters typed again and again come down to one or two ("pleaseee", "diee", "sooo");
- text-speak becomes words ("i rly wna die", "want 2 end it", "2nite", "sum1", "kms");
- a digit between words is read as the word it stands for ("want 2 die", "4 ever").

The list of text-speak lives in ``textspeak.yml`` beside this file, so it can grow without
code changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from wordfreq import zipf_frequency

from bot.content.loader import parse_yaml
from bot.engine.nlu.text import BOUNDARIES, tokenise

_RUNS = re.compile(r"(\w)\1{2,}")
_DIGIT_WORDS = {"2": "to", "4": "for", "1": "one"}
# A number before these counts them ("waited 2 years", "4 kids"): it is not a word.
# "i am 2", "about 2 and 4": before these, a number is a number, not "to" or "for"
_BEFORE_A_COUNT = frozenset(
    ["am", "is", "are", "about", "around", "aged", "age", "nearly", "almost", "roughly", "approx"]
)
_COUNTED = frozenset(
    ("years", "year", "yrs", "months", "month", "weeks", "week", "days", "day", "hours")
    + ("hour", "mins", "minutes", "times", "kids", "children", "sons", "daughters", "boys")
    + ("girls", "people", "schools", "teachers", "terms", "goes", "tries")
)
_KNOWN_ZIPF = 2.5


def _load_textspeak() -> dict[str, str]:
    raw = resources.files("bot.safety").joinpath("textspeak.yml").read_text(encoding="utf-8")
    data = parse_yaml(raw) or {}
    table: dict[str, str] = {}
    for words, written in (data.get("textspeak") or {}).items():
        for word in str(words).split("|"):
            table[word.strip().lower()] = str(written)
    return table


TEXTSPEAK = _load_textspeak()


def _load_emoji() -> dict[str, str]:
    raw = resources.files("bot.safety").joinpath("textspeak.yml").read_text(encoding="utf-8")
    data = parse_yaml(raw) or {}
    return {str(picture): str(word) for picture, word in (data.get("emoji") or {}).items()}


EMOJI = _load_emoji()
_EMOJI = re.compile("|".join(re.escape(picture) for picture in EMOJI)) if EMOJI else None


@lru_cache(maxsize=16384)
def _unrepeat(token: str) -> str:
    """ "diee" -> "die", "sooo" -> "so", "killl" -> "kill", "feeel" -> "feel"."""
    if not _RUNS.search(token):
        return token
    two = _RUNS.sub(r"\1\1", token)
    one = _RUNS.sub(r"\1", token)
    best = two if zipf_frequency(two, "en") >= zipf_frequency(one, "en") else one
    if zipf_frequency(best, "en") < _KNOWN_ZIPF:
        # a doubled letter that is also wrong: try dropping each double in turn
        for index in range(len(two) - 1):
            if two[index] == two[index + 1]:
                candidate = two[:index] + two[index + 1 :]
                if zipf_frequency(candidate, "en") >= _KNOWN_ZIPF:
                    return candidate
    return best


def _is_word(token: str) -> bool:
    return token.isalpha() and token not in BOUNDARIES


@lru_cache(maxsize=8192)
def normalise_for_safety(text: str) -> str:
    """Lower-case words with text-speak written out; clause marks are kept as " , " and " . "."""
    text = text[:4000]
    if _EMOJI is not None and not text.isascii():
        text = _EMOJI.sub(lambda found: f" {EMOJI[found.group()]} ", text)
    tokens = list(tokenise(text))
    out: list[str] = []
    for index, token in enumerate(tokens):
        token = _unrepeat(token)
        if token in TEXTSPEAK:
            out.extend(TEXTSPEAK[token].split())
            continue
        if token in _DIGIT_WORDS:
            before = tokens[index - 1] if index else ""
            after = tokens[index + 1] if index + 1 < len(tokens) else ""
            if (
                _is_word(before)
                and _is_word(after)
                and before not in _BEFORE_A_COUNT
                and after not in _COUNTED
            ):
                out.append(_DIGIT_WORDS[token])
                continue
        out.append(token)
    return " ".join(out)


@dataclass(frozen=True, slots=True)
class Cues:
    """The words from the field of harm (``cues.yml``): whole words, word starts ("suicid*")
    and phrases, each checked the fastest way."""

    words: frozenset[str]
    starts: tuple[str, ...]
    phrases: re.Pattern[str] | None

    def found_in(self, normalised: str) -> bool:
        tokens = normalised.split()
        if not self.words.isdisjoint(tokens):
            return True
        if self.starts and any(token.startswith(self.starts) for token in tokens):
            return True
        return self.phrases is not None and self.phrases.search(normalised) is not None


def _load_cues() -> Cues:
    raw = resources.files("bot.safety").joinpath("cues.yml").read_text(encoding="utf-8")
    entries = [str(entry).strip().lower() for entry in (parse_yaml(raw) or {}).get("cues", [])]
    words: set[str] = set()
    starts: list[str] = []
    phrases: list[str] = []
    for entry in entries:
        if " " not in entry:
            if entry.endswith("*"):
                starts.append(entry[:-1])
            else:
                words.update((entry, entry + "s", entry + "es"))
            continue
        body = r"\s".join(re.escape(word) for word in entry.rstrip("*").split())
        phrases.append(body + (r"\w*" if entry.endswith("*") else r"(?:s|es)?\b"))
    pattern = re.compile(r"\b(?:" + "|".join(phrases) + ")") if phrases else None
    return Cues(frozenset(words), tuple(starts), pattern)


CUES = _load_cues()


# Cue words in their everyday sense: where someone lives ("my sister lives in Pulborough"),
# a thing, not a person, that is useless ("this form is useless"), and "get in touch".
_EVERYDAY_SENSE = re.compile(
    r"\b(?:lives|live|living|lived) (?:in|at|with|near|on|by|round|next to|up|down|over|"
    r"abroad|nearby|locally|close)\b"
    r"|\b(?:get|getting|got|be|keep|keeping|stay|staying|in) (?:in )?touch\b"
    r"|\b(?:this|that|it|its|the \w+|these|those|they|the \w+ \w+) (?:is|was|are|were) (?:so |"
    r"completely |totally |just |bloody |pretty |utterly |absolutely )?useless\b"
)


def has_cue(normalised: str) -> bool:
    """Does the (normalised) message touch the field of harm, danger or distress at all?"""
    return CUES.found_in(_EVERYDAY_SENSE.sub(" ", normalised))
