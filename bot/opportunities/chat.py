"""The opportunities in the conversation: offered after the routes, and listed on "what's on?".

Only the engine's in-memory snapshot is read (:class:`bot.opportunities.offers.OpenOpportunities`),
so a turn never waits for the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from actions.routes import card_text, route_card
from bot.engine.replies import Reply, links_from
from bot.opportunities.offers import offer_replies
from bot.routing import audience_fits

if TYPE_CHECKING:
    from bot.engine.engine import Engine
    from bot.engine.state import ConversationState

FOLLOW_ROUTE = "follow-updates"  # how to hear about new chances, where it fits


def opportunity_replies(
    engine: Engine, state: ConversationState, *, asked: bool = False
) -> list[Reply]:
    """The open opportunities that fit the person, as cards; when they ``asked`` and none
    fit, a kind word saying so and how to hear about new ones."""
    profile = state.slots()

    def say(name: str, **values: str) -> Reply:
        return engine.say(name, state, **values)

    offered = offer_replies(engine.opportunities.fitting(profile), say)
    if offered:
        return offered
    if not asked:
        return []
    replies = [engine.say("utter_opportunities_none", state)]
    route = engine.content.routes.get(FOLLOW_ROUTE)
    if route is not None and audience_fits(route.audience, _known(profile)):
        card: dict[str, Any] = route_card(route)
        replies.append(
            Reply(
                card_text(route, easy_read=bool(state.easy_read)),
                links=links_from(card["links"]),
                title=card["title"],
                symbol=card["symbol"],
            )
        )
    return replies


def _known(profile: dict[str, Any]) -> dict[str, Any]:
    return {key: (None if value == "skipped" else value) for key, value in profile.items()}
