"""What the actions need from the rest of the bot, passed in explicitly."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.content.models import Content
from bot.engine.nlu.understand import Understander

if TYPE_CHECKING:
    from bot.feedback import FeedbackService

ForgetFunction = Callable[[str], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class ActionContext:
    content: Content
    understander: Understander
    forget: ForgetFunction | None = None
    feedback: FeedbackService | None = None
