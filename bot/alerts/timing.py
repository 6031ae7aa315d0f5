"""When an alert may go: never in quiet hours, at most ``cap`` a person per UK day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.uktime import UK_TIME


def parse_quiet_hours(text: str) -> tuple[int, int] | None:
    """ "21-08" -> (21, 8): quiet from 21:00 to 08:00 UK time; "" or "none" -> no quiet hours."""
    text = text.strip().lower()
    if text in ("", "none", "off"):
        return None
    start, sep, end = text.partition("-")
    if not sep:
        raise ValueError("ALERTS_QUIET_HOURS looks like 21-08 (from hour - to hour, UK time)")
    first, last = int(start), int(end)
    if not (0 <= first <= 23 and 0 <= last <= 23) or first == last:
        raise ValueError("ALERTS_QUIET_HOURS hours are 0 to 23 and not the same")
    return first, last


@dataclass(frozen=True, slots=True)
class Timing:
    quiet: tuple[int, int] | None = (21, 8)
    daily_cap: int = 1

    def is_quiet(self, now: dt.datetime) -> bool:
        if self.quiet is None:
            return False
        hour = now.astimezone(UK_TIME).hour
        start, end = self.quiet
        return start <= hour or hour < end if start > end else start <= hour < end

    def _at_hour(self, day: dt.date, hour: int) -> dt.datetime:
        local = dt.datetime(day.year, day.month, day.day, hour, tzinfo=UK_TIME)
        return local.astimezone(dt.UTC)

    def quiet_ends(self, now: dt.datetime) -> dt.datetime:
        """The first moment after ``now`` that is not in quiet hours."""
        assert self.quiet is not None
        end = self.quiet[1]
        local = now.astimezone(UK_TIME)
        candidate = self._at_hour(local.date(), end)
        if candidate <= now:
            candidate = self._at_hour(local.date() + dt.timedelta(days=1), end)
        return candidate

    def day_start(self, now: dt.datetime) -> dt.datetime:
        """Midnight UK time at the start of ``now``'s day, in UTC."""
        return self._at_hour(now.astimezone(UK_TIME).date(), 0)

    def next_day(self, now: dt.datetime) -> dt.datetime:
        """The first allowed moment of the next UK day (the end of quiet hours, or midnight)."""
        tomorrow = now.astimezone(UK_TIME).date() + dt.timedelta(days=1)
        start = self._at_hour(tomorrow, 0)
        return self.quiet_ends(start) if self.is_quiet(start) else start
