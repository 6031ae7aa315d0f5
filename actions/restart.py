"""Start the conversation again."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, Restarted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import ActionContext


class ActionRestartConversation(Action):
    """Forget the answers so far (not stored feedback) and begin again."""

    def __init__(self, context: ActionContext):
        self._context = context

    def name(self) -> str:
        return "action_restart_conversation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(response="utter_restart")
        return [Restarted(), AllSlotsReset()]
