"""UK time, for what people and staff see and for when alerts may go: one time zone, one way
to write a day ("3 March 2026")."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

try:
    UK_TIME: dt.tzinfo = ZoneInfo("Europe/London")
except ZoneInfoNotFoundError:  # no time zone data on this machine: UTC is close enough
    UK_TIME = dt.UTC


def uk_today() -> dt.date:
    return dt.datetime.now(UK_TIME).date()


def in_words(day: dt.date) -> str:
    """A day as people write it: "3 March 2026"."""
    return f"{day.day} {day:%B %Y}"
