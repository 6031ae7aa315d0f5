"""``content/themes.yml``: the themes staff see, with the words that point to each."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.errors import ContentError

THEMES_FILE = "themes.yml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Theme(_Strict):
    """One theme: a stable id, a plain name, and what the suggester learns from."""

    id: str = Field(pattern=r"^[a-z][a-z_]*$", max_length=40)
    name: str = Field(min_length=3, max_length=80)
    description: str = Field(min_length=10, max_length=300)
    keywords: list[str] = Field(min_length=3)
    examples: list[str] = Field(min_length=8)


class LocalOfferRule(_Strict):
    """Which feedback the Local Offer report counts."""

    topics: list[str] = Field(default_factory=list)
    teams: list[str] = Field(default_factory=list)
    information_words: list[str] = Field(default_factory=list)

    def names_local_offer(self, text: str) -> bool:
        lowered = re.sub(r"\s+", " ", text.lower())
        return any(word in lowered for word in self.information_words)


class ThemeBook(_Strict):
    reviewed: dt.date
    local_offer: LocalOfferRule
    themes: list[Theme] = Field(min_length=2)

    @property
    def by_id(self) -> dict[str, Theme]:
        return {theme.id: theme for theme in self.themes}


def load_themes(content_dir: Path) -> ThemeBook:
    """Read and check ``content/themes.yml``; an error names the file, the theme and the field."""
    from bot.content.loader import explain, read_yaml

    path = content_dir / THEMES_FILE
    data = read_yaml(path)
    try:
        book = ThemeBook.model_validate(data)
    except ValidationError as error:
        field, message = explain(error)
        entry = None
        location = error.errors()[0]["loc"]
        if len(location) >= 2 and location[0] == "themes" and isinstance(location[1], int):
            themes = data.get("themes", []) if isinstance(data, dict) else []
            if location[1] < len(themes) and isinstance(themes[location[1]], dict):
                entry = str(themes[location[1]].get("id", f"number {location[1] + 1}"))
                field = ".".join(str(part) for part in location[2:]) or field
        raise ContentError(str(path), message, entry=entry, field=field) from error
    seen: set[str] = set()
    for theme in book.themes:
        if theme.id in seen:
            raise ContentError(str(path), "this theme id is used twice", entry=theme.id, field="id")
        seen.add(theme.id)
        for keyword in theme.keywords:
            if not keyword.strip() or keyword != keyword.strip().lower():
                raise ContentError(
                    str(path),
                    f"keyword {keyword!r} must be lower case with no spaces at the ends",
                    entry=theme.id,
                    field="keywords",
                )
    return book
