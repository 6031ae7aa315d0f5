"""Short commands that work anywhere: help, start again, back, skip, delete my data, more."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

_PAYLOAD = re.compile(r"^/(?P<intent>[a-z_]+)(?P<entities>\{.*\})?\s*$", re.DOTALL)
_TELEGRAM_COMMANDS = {
    "start": "restart",
    "restart": "restart",
    "help": "help",
    "forget": "forget",
    "back": "back",
    "skip": "skip",
    "more": "more",
}
_ANYWHERE = ("forget",)  # intents whose phrases count inside a longer message


@dataclass(slots=True)
class Payload:
    """A button press: ``/inform{"role": "parent_carer"}``."""

    intent: str
    entities: dict[str, Any] = field(default_factory=dict)


def parse_payload(text: str) -> Payload | None:
    """The intent and entities of a Rasa-style payload, or None if ``text`` is not one."""
    found = _PAYLOAD.match(text.strip())
    if not found:
        return None
    intent = found.group("intent")
    entities: dict[str, Any] = {}
    if found.group("entities"):
        try:
            loaded = json.loads(found.group("entities"))
        except json.JSONDecodeError:
            return None
        if not isinstance(loaded, dict):
            return None
        entities = loaded
    return Payload(_TELEGRAM_COMMANDS.get(intent, intent), entities)


class IntentMatcher:
    """Whole-message matching against example phrases, with typo tolerance."""

    def __init__(self, examples: Mapping[str, Iterable[str]]):
        self._exact: dict[str, str] = {}
        for intent, phrases in examples.items():
            for phrase in phrases:
                self._exact.setdefault(phrase, intent)
        self._phrases = list(self._exact)
        self._anywhere = sorted(
            (
                (phrase, intent)
                for phrase, intent in self._exact.items()
                if intent in _ANYWHERE and " " in phrase
            ),
            key=lambda pair: _ANYWHERE.index(pair[1]),
        )
        self._anywhere_patterns = [
            (
                intent,
                re.compile(
                    "|".join(
                        rf"\b{re.escape(phrase)}\b"
                        for phrase, owner in self._anywhere
                        if owner == intent
                    )
                ),
            )
            for intent in _ANYWHERE
            if any(owner == intent for _, owner in self._anywhere)
        ]

    def match(self, normalised: str) -> str | None:
        if not normalised:
            return None
        exact = self._exact.get(normalised)
        if exact:
            return exact
        for intent, pattern in self._anywhere_patterns:
            if pattern.search(normalised):
                return intent
        if normalised.count(" ") > 5:
            return None
        best = process.extractOne(normalised, self._phrases, scorer=fuzz.ratio, score_cutoff=88.0)
        return self._exact[best[0]] if best else None
