"""What the engine sends back: text with optional buttons and links, or a route card.
Channels decide how to show them.

A reply with a ``title`` is a route card: the title as a heading, then the text (what it is
and who it is for), then the links, each a way to act at once (``https:``, ``mailto:`` or
``tel:``). A ``symbol`` names a picture from the project's set (easy read shows them).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Link:
    title: str
    url: str

    def as_dict(self) -> dict[str, str]:
        return {"title": self.title, "url": self.url}

    @property
    def scheme(self) -> str:
        return self.url.partition(":")[0].lower()

    @property
    def address(self) -> str:
        """What the link points at, as a person would write it: the email address, the phone
        number or the web address."""
        if self.scheme in ("mailto", "tel"):
            return self.url.partition(":")[2]
        return self.url

    def written_in(self, text: str) -> bool:
        """Is the address already written in ``text``, as the crisis reply writes its phone
        numbers ("0800 1111")? Then a channel need not write it again."""
        if self.scheme == "tel":
            joined = re.sub(r"(?<=\d) (?=\d)", "", text)
            return re.search(rf"(?<!\d){re.escape(self.address)}(?!\d)", joined) is not None
        return self.address in text


@dataclass(frozen=True, slots=True)
class Button:
    title: str
    payload: str
    symbol: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {"title": self.title, "payload": self.payload, "symbol": self.symbol}


@dataclass(frozen=True, slots=True)
class Reply:
    text: str
    buttons: tuple[Button, ...] = field(default_factory=tuple)
    links: tuple[Link, ...] = field(default_factory=tuple)
    title: str | None = None  # set only on a route card
    symbol: str | None = None

    @property
    def is_card(self) -> bool:
        return self.title is not None

    def as_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "buttons": [button.as_dict() for button in self.buttons],
            "links": [link.as_dict() for link in self.links],
            "title": self.title,
            "symbol": self.symbol,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reply:
        """The reverse of :meth:`as_dict`; also reads replies stored before links existed."""
        return cls(
            str(data.get("text", "")),
            buttons_from(data.get("buttons")),
            links_from(data.get("links")),
            _text_or_none(data.get("title")),
            _text_or_none(data.get("symbol")),
        )


def buttons_from(items: Iterable[Any] | None) -> tuple[Button, ...]:
    """Buttons from dicts (``title``, ``payload`` and maybe ``symbol``)."""
    return tuple(
        Button(str(b.get("title", "")), str(b.get("payload", "")), _text_or_none(b.get("symbol")))
        for b in items or []
        if isinstance(b, dict)
    )


def links_from(items: Iterable[Any] | None) -> tuple[Link, ...]:
    """Links from dicts (``title``, ``url``)."""
    return tuple(
        Link(str(item.get("title", "")), str(item.get("url", "")))
        for item in items or []
        if isinstance(item, dict)
    )


def _text_or_none(value: Any) -> str | None:
    return str(value) if value else None
