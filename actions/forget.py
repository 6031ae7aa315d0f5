"""Delete everything the person told us: "delete my data" or /forget."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import AllSlotsReset, Restarted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import ActionContext


class ActionForgetMe(Action):
    """Remove the conversation and the person's stored data, then say so."""

    def __init__(self, context: ActionContext):
        self._context = context

    def name(self) -> str:
        return "action_forget_me"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        if self._context.forget is not None:
            await self._context.forget(tracker.sender_id)
        dispatcher.utter_message(response="utter_forget_done")
        return [Restarted(), AllSlotsReset()]
