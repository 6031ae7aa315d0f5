"""Recommend routes for the profile, and tell more about them."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import ActionContext
from bot.content.models import Route
from bot.routing import recommend

PROFILE_KEYS = ("role", "age", "age_band", "area", "interests")


def route_message(route: Route) -> str:
    """A route as it appears in the list: title, what it is, and who it is for."""
    return f"{route.title}\n{route.summary}\n{route.limits}"


def route_details(route: Route, area: str | None = None) -> str:
    """A route in full: what you can do (in the person's area) and how to get in touch."""
    lines = [route.title]
    lines.extend(f"- {line}" for line in route.lines_for(area))
    lines.append(route.how_to_get_in_touch)
    return "\n".join(lines)


class ActionRecommendRoutes(Action):
    """Offer the routes that fit the profile; stores their ids in the ``routes`` slot."""

    def __init__(self, context: ActionContext):
        self._context = context

    def name(self) -> str:
        return "action_recommend_routes"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        profile = {key: tracker.get_slot(key) for key in PROFILE_KEYS}
        for key, value in profile.items():  # skipped answers in a Rasa form mean "unknown"
            if value == "skipped" or (
                key == "age" and isinstance(value, int | float) and value < 0
            ):
                profile[key] = None
        found = recommend(self._context.content, profile)
        if found.routes:
            dispatcher.utter_message(response="utter_routes_intro")
            for route_id in found.routes:
                dispatcher.utter_message(text=route_message(self._context.content.routes[route_id]))
        elif not found.notes:
            dispatcher.utter_message(response="utter_no_routes")
        for note in found.notes:
            dispatcher.utter_message(response=note)
        dispatcher.utter_message(response="utter_what_next")
        return [SlotSet("routes", found.routes)]


class ActionMoreAboutRoutes(Action):
    """Tell more about each route already offered: what you can do and how to get in touch."""

    def __init__(self, context: ActionContext):
        self._context = context

    def name(self) -> str:
        return "action_more_about_routes"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        route_ids = tracker.get_slot("routes") or []
        routes = [
            self._context.content.routes[r] for r in route_ids if r in self._context.content.routes
        ]
        if not routes:
            dispatcher.utter_message(response="utter_no_routes")
            return []
        dispatcher.utter_message(response="utter_more_intro")
        area = tracker.get_slot("area")
        for route in routes:
            dispatcher.utter_message(text=route_details(route, area if area != "skipped" else None))
        dispatcher.utter_message(response="utter_what_next")
        return []
