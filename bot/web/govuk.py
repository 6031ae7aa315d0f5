"""GOV.UK Design System patterns the staff pages share: date inputs, pagination, the success
banner after an action (carried as a fixed code, never as text someone typed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from aiohttp import web
from aiohttp_session import get_session

FIRST_DAY, LAST_DAY = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
PARTS = ("day", "month", "year")

# What the banner says after each action. Only these codes travel (in the signed session).
DONE_MESSAGES = {
    "answer_sent": "Your answer is saved and will go back to the person.",
    "answer_saved": "Your answer is saved. They did not ask to be contacted, so it stays here.",
    "status": "Status saved.",
    "publish": "Published on the You said, we did page.",
    "draft": "Saved as a draft. Nothing is public yet.",
    "withdraw": "Taken off the You said, we did page.",
    "user_created": "Staff member added. They can sign in now.",
    "user_saved": "Changes saved.",
    "team_saved": "The team's email settings are saved.",
}


async def done(request: web.Request, code: str, location: str) -> web.HTTPSeeOther:
    """Post/redirect/get: remember which banner to show on the next page, then go there."""
    if code not in DONE_MESSAGES:
        raise ValueError(f"no banner called {code!r}")
    session = await get_session(request)
    session["done"] = code
    return web.HTTPSeeOther(location)


async def take_done(request: web.Request) -> str | None:
    """The banner message waiting for this page, shown once."""
    session = await get_session(request)
    code = session.pop("done", None) if "done" in session else None
    return DONE_MESSAGES.get(str(code)) if code else None


@dataclass(frozen=True, slots=True)
class DateInput:
    """A GOV.UK date input: three boxes named ``NAME-day``, ``NAME-month``, ``NAME-year``."""

    name: str
    label: str  # as it reads in an error: "The from date"
    day: str = ""
    month: str = ""
    year: str = ""
    error: str | None = None
    value: dt.date | None = None
    wrong: tuple[str, ...] = ("day", "month", "year")  # the boxes the error is about

    @property
    def first_wrong(self) -> str:
        """The id the error summary links to: the first box to put right."""
        return f"{self.name}-{self.wrong[0]}"

    @property
    def boxes(self) -> tuple[tuple[str, str, str, int], ...]:
        """(part, label, value, width in characters) for each box."""
        return (
            ("day", "Day", self.day, 2),
            ("month", "Month", self.month, 2),
            ("year", "Year", self.year, 4),
        )


def read_date(query: Any, name: str, label: str) -> DateInput:
    """The date in the three boxes, or an error in words; all empty is no date. A single
    ``NAME=YYYY-MM-DD`` (links made before the boxes, and page links) still works."""
    day, month, year = (str(query.get(f"{name}-{part}", "")).strip() for part in PARTS)
    if not (day or month or year):
        try:
            old = dt.date.fromisoformat(str(query.get(name, "")))
        except ValueError:
            return DateInput(name, label)
        if not FIRST_DAY <= old <= LAST_DAY:  # "0001-01-01" or "9999-12-31" is no filter
            return DateInput(name, label)
        return DateInput(name, label, str(old.day), str(old.month), str(old.year), value=old)
    shown = DateInput(name, label, day[:4], month[:4], year[:6])
    missing = [part for part, text in (("day", day), ("month", month), ("year", year)) if not text]
    if missing:
        return _with_error(shown, f"{label} must include a {' and a '.join(missing)}", missing)
    if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
        return _with_error(shown, f"{label} must be a real date, for example 27 3 2026")
    try:
        value = dt.date(int(year), int(month), int(day))
    except ValueError:
        return _with_error(shown, f"{label} must be a real date, for example 27 3 2026")
    if not FIRST_DAY <= value <= LAST_DAY:
        return _with_error(shown, f"{label} must be between 2000 and 2100")
    return DateInput(name, label, day, month, year, value=value)


def filled(date: DateInput, value: dt.date) -> DateInput:
    """The same boxes showing ``value``: a default the page uses, shown so it can be changed."""
    return DateInput(
        date.name, date.label, str(value.day), str(value.month), str(value.year), value=value
    )


def _with_error(date: DateInput, error: str, wrong: Sequence[str] = PARTS) -> DateInput:
    return DateInput(
        date.name, date.label, date.day, date.month, date.year, error=error, wrong=tuple(wrong)
    )


def page_numbers(page: int, pages: int) -> list[int | None]:
    """The page numbers the GOV.UK pagination shows: first, last, and those either side of
    this one, with None where numbers are left out (shown as an ellipsis)."""
    shown = sorted({1, pages, page - 1, page, page + 1} & set(range(1, pages + 1)))
    numbers: list[int | None] = []
    for number in shown:
        if numbers and number - (numbers[-1] or 0) > 1:
            numbers.append(None)
        numbers.append(number)
    return numbers


def whole_number(query: Any, name: str, default: int, most: int) -> int:
    """A whole number from the query string, clamped to 1..most; anything else is the default."""
    text = str(query.get(name, "")).strip()
    if not text.isdigit() or len(text) > 12:
        return default if not text.isdigit() else most
    return min(max(1, int(text)), most)
