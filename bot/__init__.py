"""Get Involved: a chat bot that finds the right way for families in Sussex to have a say."""

from __future__ import annotations

__version__ = "0.1.0"
