"""Deterministic rules for asking for alerts and stopping them (no model is retrained)."""

from __future__ import annotations

import re

START_PAYLOAD = "/alerts"
YES_PAYLOAD = "/alerts_yes"
NO_PAYLOAD = "/alerts_no"

_START = re.compile(
    r"^/alerts?\b|"
    r"\b(?:send|give|get) me (?:the )?(?:alerts?|updates|notifications|messages about)\b|"
    r"\btell me (?:about|when there(?: is| are|s| s)|if there(?: is| are|s| s)) (?:any )?"
    r"(?:new|more|future)? ?(?:chances?|opportunit\w+|things|something)\b|"
    r"\blet me know (?:when|if|about) (?:there(?: is| are|s| s) )?(?:something|anything|new|"
    r"chances?|opportunit\w+)\b|"
    r"\b(?:sign me up|subscribe|signup|sign up)(?: for| to)? (?:the )?(?:alerts?|updates)\b|"
    r"\b(?:i want|can i (?:get|have)|can you send me|i would like) (?:the )?(?:alerts?|updates)\b|"
    r"\b(?:alerts?|notify me|keep me (?:posted|updated|informed))$"
)
_STOP_ALERTS = re.compile(
    r"^/stop\b|\b(?:stop|end|cancel|no more|turn off|unsubscribe(?: me)?(?: from)?)"
    r"(?: the| my| these| sending me)? (?:alerts?|messages|updates)\b|^unsubscribe(?: me)?$"
)
_BARE_STOP = re.compile(r"^(?:stop|stop it|stop please|please stop|stop thanks)$")


def _plain(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("'", "")
    return " ".join(re.findall(r"[a-z0-9/]+", text))


def asks_for_alerts(text: str) -> bool:
    return bool(_START.search(_plain(text)))


def asks_to_stop(text: str) -> str | None:
    """ "alerts" for a stop that is clearly about alerts ("/stop", "stop alerts"), "bare" for
    "stop" alone (about alerts only when the person has them), None otherwise."""
    plain = _plain(text)
    if _STOP_ALERTS.search(plain):
        return "alerts"
    if _BARE_STOP.match(plain):
        return "bare"
    return None
