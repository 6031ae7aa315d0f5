"""Recommend routes for the profile, and tell more about one of them.

Each route is sent as a card: its text, with the title, symbol and links in the message's
``custom`` part (rasa-sdk's ``json_message``), so a channel can show the title as a heading and
the links as working links. The ``easy_read`` slot picks the route's easy-read text.
"""

from __future__ import annotations

import json
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import ActionContext
from bot.content.models import Route
from bot.routing import recommend

PROFILE_KEYS = ("role", "age", "age_band", "area", "interests")


def card_text(route: Route, *, easy_read: bool = False) -> str:
    """A route as it appears in the list: what it is, and who it is for."""
    if easy_read:
        return route.easy_read.strip()
    return f"{route.summary.strip()}\n{route.limits.strip()}"


def route_details(route: Route, area: str | None = None, *, easy_read: bool = False) -> str:
    """One route in full: what you can do (in the person's area) and how to get in touch."""
    if easy_read:
        return f"{route.easy_read.strip()}\n{route.how_to_get_in_touch.strip()}"
    lines = [f"- {line}" for line in route.lines_for(area)]
    lines.append(route.how_to_get_in_touch.strip())
    return "\n".join(lines)


def route_card(route: Route) -> dict[str, Any]:
    """The parts of a card that are not its text: title, symbol and links."""
    return {
        "title": route.title,
        "symbol": route.symbol,
        "links": [{"title": link.title, "url": link.url} for link in route.links],
    }


def more_payload(route_id: str) -> str:
    """The payload of the button that asks for one route: ``/more{"route": "espcf"}``."""
    return "/more" + json.dumps({"route": route_id})


def more_button(route: Route) -> dict[str, Any]:
    return {"title": route.title, "payload": more_payload(route.id), "symbol": route.symbol}


def _known(value: Any) -> Any:
    return None if value == "skipped" else value


class ActionRecommendRoutes(Action):
    """Offer the routes that fit the profile, each as a card; stores their ids in ``routes``."""

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
        easy_read = bool(tracker.get_slot("easy_read"))
        found = recommend(self._context.content, profile)
        if found.routes:
            dispatcher.utter_message(response="utter_routes_intro")
            for route_id in found.routes:
                route = self._context.content.routes[route_id]
                dispatcher.utter_message(
                    text=card_text(route, easy_read=easy_read), json_message=route_card(route)
                )
        elif not found.notes:
            dispatcher.utter_message(response="utter_no_routes")
        for note in found.notes:
            dispatcher.utter_message(response=note)
        dispatcher.utter_message(response="utter_what_next")
        return [SlotSet("routes", found.routes)]


class ActionMoreAboutRoutes(Action):
    """Tell more about one offered route: what you can do and how to get in touch.

    The route is the ``route`` entity of the message (``/more{"route": "espcf"}``, or a name
    the engine read from "tell me more about the forum"). With no route, or more than one,
    it asks which, with a button for each; with only one route offered, it shows it at once.
    """

    def __init__(self, context: ActionContext):
        self._context = context

    def name(self) -> str:
        return "action_more_about_routes"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        routes = self._context.content.routes
        offered = [routes[r] for r in tracker.get_slot("routes") or [] if r in routes]
        if not offered:
            dispatcher.utter_message(response="utter_no_routes")
            return []
        asked = {
            str(entity.get("value"))
            for entity in (tracker.latest_message or {}).get("entities") or []
            if entity.get("entity") == "route"
        }
        chosen = [route for route in offered if route.id in asked] or offered
        if len(chosen) > 1:
            buttons = [more_button(route) for route in chosen]
            dispatcher.utter_message(response="utter_which_route", buttons=buttons)
            return []
        route = chosen[0]
        easy_read = bool(tracker.get_slot("easy_read"))
        dispatcher.utter_message(
            text=route_details(route, _known(tracker.get_slot("area")), easy_read=easy_read),
            json_message=route_card(route),
        )
        dispatcher.utter_message(response="utter_what_next")
        return []
