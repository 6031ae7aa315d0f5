"""What comes in from outside, made safe before anything else reads it.

JSON bodies (the chat API, Telegram's webhook) are parsed with limits by
:func:`parse_json_body`: a clear 400 for a number of 5,000 digits or a body nested 10,000 deep,
never a 500.


Every channel's text passes :func:`clean_typed` in :meth:`bot.app.GetInvolved.converse`, so
no null byte (PostgreSQL refuses it in text) or lone surrogate (no database can store it) can
make a person's feedback impossible to save, and control characters cannot hide in what staff
read. Nothing else is changed.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from typing import Any

MAX_JSON_DEPTH = 32
MAX_JSON_DIGITS = 30

_SURROGATES = re.compile("[\ud800-\udfff]")
# C0 and C1 control characters except tab and newline, and the zero-width and bidirectional
# marks that can hide or reorder text on a staff page.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def clean_typed(text: str) -> str:
    """Lone surrogates become U+FFFD, control characters go, the rest is NFC as typed."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", _SURROGATES.sub("\ufffd", text))
    return _CONTROLS.sub("", text).replace("\r\n", "\n").replace("\r", "\n")


class JsonTooDeep(ValueError):
    """A JSON body nested deeper than MAX_JSON_DEPTH."""


def _small_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_JSON_DIGITS:
        raise ValueError("a number in the body is too long")
    return int(digits)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value) or len(text) > MAX_JSON_DIGITS * 2:
        raise ValueError("a number in the body is too large")
    return value


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not allowed in the body")


def _check_depth(value: Any, depth: int = 0) -> None:
    if depth > MAX_JSON_DEPTH:
        raise JsonTooDeep("the body is nested too deeply")
    if isinstance(value, dict):
        for item in value.values():
            _check_depth(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            _check_depth(item, depth + 1)


def parse_json_body(raw: str) -> Any:
    """JSON with limits: no number over 30 digits, no NaN or Infinity, at most 32 levels deep.
    Anything else raises ValueError (a clear 400, never a 500)."""
    try:
        value = json.loads(
            raw, parse_int=_small_int, parse_float=_finite_float, parse_constant=_no_constant
        )
    except RecursionError as error:
        raise JsonTooDeep("the body is nested too deeply") from error
    _check_depth(value)
    return value
