"""Understanding free text: ages, roles, places, interests, commands and crisis messages.

Rules, gazetteers and fuzzy matching, built once at start-up from `dialogues/nlu.yml` and
`content/places.yml`. See :class:`bot.engine.nlu.understand.Understander`.
"""

from __future__ import annotations

from bot.engine.nlu.understand import Understander, Understanding

__all__ = ["Understander", "Understanding"]
