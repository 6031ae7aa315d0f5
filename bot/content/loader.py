"""Load ``content/`` into pydantic models once, with errors that name file, entry and field."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bot.content.models import (
    Answer,
    AnswerBook,
    Content,
    FeedbackRouting,
    LanguageBook,
    Places,
    Postcodes,
    Route,
    RuleBook,
    Team,
    TeamBook,
)
from bot.errors import ContentError

M = TypeVar("M", bound=BaseModel)
# libyaml's parser (in PyYAML's wheels) reads the same data about 20 times faster
_SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str | IO[str]) -> Any:
    """Safe YAML, parsed by libyaml when PyYAML has it."""
    return yaml.load(text, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader


def read_yaml(path: Path) -> Any:
    """Parse one YAML file; a syntax error names the file and line."""
    try:
        with path.open(encoding="utf-8") as handle:
            return parse_yaml(handle)
    except FileNotFoundError as error:
        raise ContentError(str(path), "the file is missing") from error
    except yaml.YAMLError as error:
        raise ContentError(str(path), f"this is not valid YAML: {error}") from error


def explain(error: ValidationError) -> tuple[str, str]:
    """The first problem in a validation error as (field, words an editor understands)."""
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "(whole entry)"
    message = first["msg"]
    if first["type"] == "missing":
        message = "this field is missing"
    elif first["type"] == "extra_forbidden":
        message = "this field is not known (is it spelt right?)"
    elif first["type"] == "value_error":
        message = str(first.get("ctx", {}).get("error", message))
    elif first["type"] == "literal_error":
        message = f"{message} (you wrote {first.get('input')!r})"
    return field, message


def _load_routes(path: Path) -> dict[str, Route]:
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("routes"), list):
        raise ContentError(str(path), "the file must have a list called 'routes'")
    routes: dict[str, Route] = {}
    for number, entry in enumerate(data["routes"], start=1):
        name = (
            entry.get("id", f"number {number}") if isinstance(entry, dict) else f"number {number}"
        )
        try:
            route = Route.model_validate(entry)
        except ValidationError as error:
            field, message = explain(error)
            raise ContentError(str(path), message, entry=str(name), field=field) from error
        if route.id in routes:
            raise ContentError(str(path), "this id is used twice", entry=route.id, field="id")
        routes[route.id] = route
    return routes


def _load_rules(path: Path, routes: dict[str, Route]) -> RuleBook:
    data = read_yaml(path)
    try:
        book = RuleBook.model_validate(data)
    except ValidationError as error:
        field, message = explain(error)
        entry = None
        location = error.errors()[0]["loc"]
        if len(location) >= 2 and location[0] == "rules" and isinstance(location[1], int):
            rules = data.get("rules", []) if isinstance(data, dict) else []
            if location[1] < len(rules) and isinstance(rules[location[1]], dict):
                entry = str(rules[location[1]].get("id", f"number {location[1] + 1}"))
        raise ContentError(str(path), message, entry=entry, field=field) from error
    seen: set[str] = set()
    for rule in book.rules:
        if rule.id in seen:
            raise ContentError(str(path), "this rule id is used twice", entry=rule.id, field="id")
        seen.add(rule.id)
        for route_id in rule.offer:
            if route_id not in routes:
                raise ContentError(
                    str(path),
                    f"there is no route called '{route_id}' in routes.yml",
                    entry=rule.id,
                    field="offer",
                )
    return book


def _load_model(path: Path, model: type[M]) -> M:
    """One file that is one pydantic model, with errors that name the file and the field."""
    data = read_yaml(path)
    try:
        return model.model_validate(data)
    except ValidationError as error:
        field, message = explain(error)
        raise ContentError(str(path), message, field=field) from error


def _load_answers(path: Path) -> dict[str, Answer]:
    data = read_yaml(path)
    try:
        book = AnswerBook.model_validate(data)
    except ValidationError as error:
        field, message = explain(error)
        raise ContentError(str(path), message, field=field) from error
    answers: dict[str, Answer] = {}
    for answer in book.answers:
        if answer.id in answers:
            raise ContentError(str(path), "this answer id is used twice", entry=answer.id)
        answers[answer.id] = answer
    return answers


def _load_teams(path: Path) -> tuple[dict[str, Team], FeedbackRouting]:
    data = read_yaml(path)
    try:
        book = TeamBook.model_validate(data)
    except ValidationError as error:
        field, message = explain(error)
        raise ContentError(str(path), message, field=field) from error
    teams: dict[str, Team] = {}
    for team in book.teams:
        if team.id in teams:
            raise ContentError(str(path), "this team id is used twice", entry=team.id, field="id")
        teams[team.id] = team
    routing = book.feedback_routing
    if routing.default_team not in teams:
        raise ContentError(
            str(path),
            f"there is no team called '{routing.default_team}'",
            entry="feedback_routing",
            field="default_team",
        )
    for number, rule in enumerate(routing.rules, start=1):
        if rule.team not in teams:
            raise ContentError(
                str(path),
                f"there is no team called '{rule.team}'",
                entry=f"feedback_routing rule {number}",
                field="team",
            )
    return teams, routing


def load_content(directory: Path) -> Content:
    """Read and check every file in ``directory`` (normally ``content/``)."""
    routes = _load_routes(directory / "routes.yml")
    rules = _load_rules(directory / "rules.yml", routes)
    places = _load_model(directory / "places.yml", Places)
    postcodes = _load_model(directory / "postcodes.yml", Postcodes)
    answers = _load_answers(directory / "answers.yml")
    languages = _load_model(directory / "languages.yml", LanguageBook)
    teams, feedback_routing = _load_teams(directory / "teams.yml")
    return Content(
        routes=routes,
        rules=rules,
        places=places,
        postcodes=postcodes,
        answers=answers,
        languages=languages,
        teams=teams,
        feedback_routing=feedback_routing,
    )
