"""What the engine sends back: text with optional buttons. Channels decide how to show them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Button:
    title: str
    payload: str

    def as_dict(self) -> dict[str, str]:
        return {"title": self.title, "payload": self.payload}


@dataclass(frozen=True, slots=True)
class Reply:
    text: str
    buttons: tuple[Button, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, "buttons": [button.as_dict() for button in self.buttons]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Reply:
        buttons = tuple(
            Button(str(b.get("title", "")), str(b.get("payload", "")))
            for b in data.get("buttons") or []
        )
        return cls(str(data.get("text", "")), buttons)
