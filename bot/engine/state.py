"""Conversation state: everything the bot remembers between two messages of one person."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

PROFILE_SLOTS = ("role", "age", "area", "interests")


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class ConversationState(BaseModel):
    """Kept per channel and sender; stored as JSON by :mod:`bot.store.conversations`."""

    channel: str
    sender: str
    role: str | None = None
    age: int | None = None
    age_band: str | None = None
    child_age: int | None = None
    area: str | None = None
    council: str | None = None
    interests: list[str] | None = None
    plan_mentioned: bool = False  # said they or their child have a plan: skipping interests
    skipped: list[str] = Field(default_factory=list)
    asking: str | None = None
    resume: str | None = None
    misunderstood: int = 0
    answered: list[str] = Field(default_factory=list)
    routes: list[str] = Field(default_factory=list)
    routes_shown: bool = False
    choosing_route: bool = False  # just asked "which one would you like to know more about?"
    crisis: bool = False
    feedback_id: int | None = None
    # held, encrypted with the rest of the state, only until the person answers the consent
    # question (or, when they said it with who and where they are, until the routes are shown
    # and that question is asked)
    pending_feedback: str | None = None
    feedback_after_routes: bool = False  # asked to give feedback in the introduction
    consent: str | None = None
    contact: dict[str, str] = Field(default_factory=dict)
    easy_read: bool = False  # shorter texts and easy-read variants; the channel says when
    turns: int = 0
    updated_at: dt.datetime = Field(default_factory=utcnow)
    # the last message's id and answer, when the channel sends ids (the web chat's message id):
    # the same message sent again after a lost answer gets that answer, and nothing is done twice
    last_message_id: str | None = None
    last_answer: list[dict[str, Any]] | None = None
    last_crisis: bool = False
    polls_offered: list[int] = Field(default_factory=list)  # quick polls shown (bot/polls)
    poll_asking: int | None = None  # the poll just shown: its answers may be typed

    @property
    def key(self) -> str:
        return f"{self.channel}:{self.sender}"

    def has(self, slot: str) -> bool:
        """True when the slot is filled or the person chose to skip it."""
        if slot in self.skipped:
            return True
        if slot == "age":
            return self.age is not None or self.age_band is not None
        return getattr(self, slot) is not None

    def slots(self) -> dict[str, Any]:
        """Slot values as Rasa would see them."""
        return {
            "role": self.role,
            "age": self.age,
            "age_band": self.age_band,
            "child_age": self.child_age,
            "area": self.area,
            "council": self.council,
            "interests": self.interests,
            "routes": self.routes,
            "feedback_text": self.pending_feedback,
            "consent": self.consent,
            "contact_email": self.contact.get("email"),
            "contact_phone": self.contact.get("phone"),
            "feedback_id": self.feedback_id,
            "turn": self.turns,
            "easy_read": self.easy_read,
        }

    def profile(self) -> dict[str, Any]:
        """The profile in the shape of the `replay` contract."""
        return {
            "age": self.age,
            "role": self.role,
            "area": self.area,
            "interests": list(self.interests or []),
        }

    def clear_slot(self, slot: str) -> None:
        if slot == "age":
            self.age = None
            self.age_band = None
        elif slot == "area":
            self.area = None
            self.council = None
        else:
            setattr(self, slot, None)
        if slot in self.skipped:
            self.skipped.remove(slot)
        if slot in self.answered:
            self.answered.remove(slot)

    def clone(self) -> ConversationState:
        """A copy whose lists and dicts can be changed without touching this one."""
        return self.model_copy(
            update={
                "interests": list(self.interests) if self.interests is not None else None,
                "skipped": list(self.skipped),
                "answered": list(self.answered),
                "routes": list(self.routes),
                "contact": dict(self.contact),
                "polls_offered": list(self.polls_offered),
            }
        )

    def fresh(self) -> ConversationState:
        """A new, empty conversation for the same person (easy read stays as they chose, and
        the quick polls shown are not shown again)."""
        return ConversationState(
            channel=self.channel,
            sender=self.sender,
            easy_read=self.easy_read,
            polls_offered=list(self.polls_offered),
        )
