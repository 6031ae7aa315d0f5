"""Pydantic models of the files in ``content/``."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from bot.content.links import link_problems, title_problems

Role = Literal["young_person", "parent_carer", "professional", "other"]
Area = Literal["west_sussex", "east_sussex", "elsewhere"]
Interest = Literal["school", "health", "council", "shaping_services", "my_plan", "meeting_others"]
# The pictures the web chat can show beside a route or a button (bot/web/chat/symbols/NAME.svg).
Symbol = Literal[
    "young-person",
    "family",
    "worker",
    "person",
    "skip",
    "school",
    "health",
    "council",
    "ideas",
    "plan",
    "people",
    "speech",
    "news",
    "map",
    "info",
    "yes",
    "no",
    "restart",
    "help",
    "phone",
    "email",
    "web",
    "lock",
    "calendar",
]


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


class _Sourced(_Strict):
    """An entry whose facts come from the seed documents named in ``source``."""

    source: str | list[str]

    @property
    def sources(self) -> list[str]:
        return [self.source] if isinstance(self.source, str) else list(self.source)


class AreaLine(_Strict):
    """A line that holds only in some areas ("In West Sussex, schools can use ...")."""

    text: str = Field(min_length=5)
    areas: list[Area] = Field(min_length=1)


class LinkEntry(_Strict):
    """A way to act at once: "Email the forum", mailto:info@espcf.org.uk."""

    title: str
    url: str

    @field_validator("title")
    @classmethod
    def _plain_title(cls, title: str) -> str:
        problems = title_problems(title)
        if problems:
            raise ValueError(problems[0])
        return title

    @field_validator("url")
    @classmethod
    def _working_url(cls, url: str) -> str:
        problems = link_problems(url)
        if problems:
            raise ValueError(problems[0])
        return url


class Route(_Sourced):
    """One way to get involved."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: str = Field(min_length=2)
    names: list[str] = Field(default_factory=list)  # what people may call it: "the forum"
    symbol: Symbol
    audience: Audience = Field(alias="for")
    summary: str = Field(min_length=10)
    easy_read: str = Field(min_length=10)
    links: list[LinkEntry] = Field(default_factory=list)
    what_you_can_do: list[str | AreaLine] = Field(min_length=1)
    how_to_get_in_touch: str = Field(min_length=10)
    limits: str = Field(min_length=10)
    reviewed: dt.date
    review_by: dt.date | None = None
    needs_review: bool = False
    review_note: str | None = None

    def texts(self) -> dict[str, str]:
        """Every sentence-like text of this route, by field name (titles are names, so they are
        checked as part of the whole message, not alone)."""
        texts = {
            "summary": self.summary,
            "easy_read": self.easy_read,
            "how_to_get_in_touch": self.how_to_get_in_touch,
            "limits": self.limits,
        }
        for number, line in enumerate(self.what_you_can_do, start=1):
            texts[f"what_you_can_do[{number}]"] = line if isinstance(line, str) else line.text
        return texts

    def lines_for(self, area: str | None) -> list[str]:
        """What you can do, leaving out lines for other areas (all lines when the area is
        not known)."""
        return [
            line if isinstance(line, str) else line.text
            for line in self.what_you_can_do
            if isinstance(line, str) or area is None or area in line.areas
        ]


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


Council = Literal["west_sussex", "east_sussex", "brighton_and_hove", "elsewhere"]
_DISTRICT = r"^[A-Z]{1,2}[0-9][0-9A-Z]?$"


class Postcodes(_Strict):
    """Postcode districts ("RH12", "TN34") by council area; some cover two areas."""

    reviewed: dt.date
    needs_review: bool = False
    sussex_letters: list[str] = Field(min_length=1)
    uk_areas: list[str] = Field(min_length=1)
    west_sussex: list[str] = Field(default_factory=list)
    east_sussex: list[str] = Field(default_factory=list)
    brighton_and_hove: list[str] = Field(default_factory=list)
    straddles: dict[str, list[Council]] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _each_district_once(self) -> Postcodes:
        seen: dict[str, str] = {}
        lists = {
            "west_sussex": self.west_sussex,
            "east_sussex": self.east_sussex,
            "brighton_and_hove": self.brighton_and_hove,
            "straddles": list(self.straddles),
        }
        for council, districts in lists.items():
            for district in districts:
                if not re.match(_DISTRICT, district):
                    raise ValueError(f"'{district}' in {council} is not a postcode district")
                if district in seen:
                    raise ValueError(f"'{district}' is in both {seen[district]} and {council}")
                seen[district] = council
        for district, councils in self.straddles.items():
            if len(set(councils)) < 2:
                raise ValueError(f"'{district}' under straddles needs two different areas")
        return self

    def council_of(self, district: str) -> list[str]:
        """The council areas a district is in (two for a straddling district)."""
        district = district.upper()
        for council in ("west_sussex", "east_sussex", "brighton_and_hove"):
            if district in getattr(self, council):
                return [council]
        return list(self.straddles.get(district, ["elsewhere"]))


class Answer(_Sourced):
    """A short answer to "what is ...?" (and "how do I join ...?") about one thing."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    names: list[str] = Field(min_length=1)
    what: str = Field(min_length=10)
    join: str | None = None
    reviewed: dt.date
    needs_review: bool = False
    review_note: str | None = None

    def texts(self) -> dict[str, str]:
        return {"what": self.what, **({"join": self.join} if self.join else {})}


class AnswerBook(_Strict):
    answers: list[Answer] = Field(min_length=1)


class LanguageReply(_Strict):
    """A short answer, in another language, to someone who wrote in it."""

    name: str = Field(min_length=2)
    text: str = Field(min_length=10)
    needs_review: bool = True


class LanguageBook(_Strict):
    reviewed: dt.date
    languages: dict[str, LanguageReply] = Field(min_length=1)

    @field_validator("languages")
    @classmethod
    def _codes(cls, languages: dict[str, LanguageReply]) -> dict[str, LanguageReply]:
        for code in languages:
            if not re.match(r"^[a-z]{2}$", code):
                raise ValueError(f"'{code}' is not a two-letter language code (ISO 639-1)")
        return languages


class Team(_Strict):
    """A team that reads and answers feedback."""

    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    name: str = Field(min_length=2)
    called: str | None = None  # how the bot names it in a sentence: "the Local Offer team"
    does: str = Field(min_length=5)
    source: str | list[str]
    needs_review: bool = False
    review_note: str | None = None

    @property
    def in_a_sentence(self) -> str:
        return self.called or self.name


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
    postcodes: Postcodes
    answers: dict[str, Answer]
    languages: LanguageBook
    teams: dict[str, Team]
    feedback_routing: FeedbackRouting
