"""Content: routes, routing rules and places, loaded once from ``content/`` and checked."""

from __future__ import annotations

from bot.content.loader import load_content
from bot.content.models import Content, Route, Rule

__all__ = ["Content", "Route", "Rule", "load_content"]
