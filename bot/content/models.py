"""Pydantic models of the files in ``content/``."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Role = Literal["young_person", "parent_carer", "professional", "other"]
Area = Literal["west_sussex", "east_sussex", "elsewhere"]
Interest = Literal["school", "health", "council", "shaping_services", "my_plan", "meeting_others"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Audience(_Strict):
    """Who a route is for."""

    roles: list[Role] = Field(min_length=1)
    areas: list[Area] = Field(min_length=1)
    age_min: int | None = Field(default=None, ge=0, le=120)
    age_max: int | None = Field(default=None, ge=0, le=120)

    @model_validator(mode="after")
    def _ages_in_order(self) -> Audience:
        if self.age_min is not None and self.age_max is not None and self.age_min > self.age_max:
            raise ValueError("age_min must not be more than age_max")
        return self


class Route(_Strict):
    """One way to get involved."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str = Field(min_length=2)
    audience: Audience = Field(alias="for")
    summary: str = Field(min_length=10)
    what_you_can_do: list[str] = Field(min_length=1)
    how_to_get_in_touch: str = Field(min_length=10)
    limits: str = Field(min_length=10)
    source: str | list[str]
    reviewed: dt.date
    review_by: dt.date | None = None
    needs_review: bool = False
    review_note: str | None = None

    @property
    def sources(self) -> list[str]:
        return [self.source] if isinstance(self.source, str) else list(self.source)

    def texts(self) -> dict[str, str]:
        """Every sentence-like text of this route, by field name (titles are names, so they are
        checked as part of the whole message, not alone)."""
        texts = {
            "summary": self.summary,
            "how_to_get_in_touch": self.how_to_get_in_touch,
            "limits": self.limits,
        }
        for number, line in enumerate(self.what_you_can_do, start=1):
            texts[f"what_you_can_do[{number}]"] = line
        return texts


class Condition(_Strict):
    """When a rule fires. Lists mean any of; "unknown" means not given or skipped."""

    roles: list[Role | Literal["unknown"]] | None = None
    areas: list[Area | Literal["unknown"]] | None = None
    interests: list[Interest | Literal["unknown"]] | None = None
    age_min: int | None = Field(default=None, ge=0, le=120)
    age_max: int | None = Field(default=None, ge=0, le=120)


class Rule(_Strict):
    """Offer these routes when the condition fits."""

    id: str
    when: Condition = Field(default_factory=Condition)
    offer: list[str] = Field(min_length=1)
    say: str | None = None
    only: bool = False
    only_if_nothing: bool = False


class RuleBook(_Strict):
    max_routes: int = Field(default=5, ge=1, le=11)
    rules: list[Rule] = Field(min_length=1)


class Places(_Strict):
    """The gazetteer: place names by council area."""

    west_sussex: list[str] = Field(min_length=1)
    east_sussex: list[str] = Field(min_length=1)
    brighton_and_hove: list[str] = Field(default_factory=list)
    elsewhere: list[str] = Field(default_factory=list)
    needs_context: list[str] = Field(default_factory=list)

    @field_validator(
        "west_sussex", "east_sussex", "brighton_and_hove", "elsewhere", "needs_context"
    )
    @classmethod
    def _strings(cls, names: list[str]) -> list[str]:
        return [str(name) for name in names]

    def by_council(self) -> dict[str, list[str]]:
        return {
            "west_sussex": self.west_sussex,
            "east_sussex": self.east_sussex,
            "brighton_and_hove": self.brighton_and_hove,
            "elsewhere": self.elsewhere,
        }


class Team(_Strict):
    """A team that reads and answers feedback."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: str = Field(min_length=2)
    does: str = Field(min_length=5)
    source: str | list[str]


class TopicCondition(_Strict):
    roles: list[Role | Literal["unknown"]] | None = None
    areas: list[Area | Literal["unknown"]] | None = None
    topics: list[Interest | Literal["unknown"]] | None = None


class FeedbackRule(_Strict):
    when: TopicCondition = Field(default_factory=TopicCondition)
    team: str


class FeedbackRouting(_Strict):
    default_team: str
    rules: list[FeedbackRule] = Field(default_factory=list)


class TeamBook(_Strict):
    teams: list[Team] = Field(min_length=1)
    feedback_routing: FeedbackRouting


class Content(_Strict):
    """Everything in ``content/``, checked."""

    routes: dict[str, Route]
    rules: RuleBook
    places: Places
    teams: dict[str, Team]
    feedback_routing: FeedbackRouting
