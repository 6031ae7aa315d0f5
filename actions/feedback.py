"""Save feedback the person agreed to pass on."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.context import ActionContext
from bot.feedback import FeedbackDraft


class ActionSaveFeedback(Action):
    """Store the feedback at the consent level given, route it to a team, say which team."""

    def __init__(self, context: ActionContext):
        self._context = context

    def name(self) -> str:
        return "action_save_feedback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        text = tracker.get_slot("feedback_text")
        consent = tracker.get_slot("consent")
        service = self._context.feedback
        if not text or consent not in ("anonymous", "contact") or service is None:
            dispatcher.utter_message(response="utter_feedback_not_kept")
            return [SlotSet("feedback_text", None)]
        channel, _, sender = str(tracker.sender_id).partition(":")
        contact = {
            key: value
            for key, value in (
                ("email", tracker.get_slot("contact_email")),
                ("phone", tracker.get_slot("contact_phone")),
            )
            if value
        }
        age = tracker.get_slot("age")
        turn = tracker.get_slot("turn")
        saved = await service.save(
            FeedbackDraft(
                conversation_key=str(tracker.sender_id),
                channel=channel,
                sender=sender,
                text=str(text),
                consent=str(consent),
                role=tracker.get_slot("role"),
                area=tracker.get_slot("area"),
                age=int(age) if isinstance(age, int | float) else None,
                age_band=tracker.get_slot("age_band"),
                interests=tracker.get_slot("interests") or [],
                contact=contact,
                turn=int(turn) if isinstance(turn, int | float) else None,
            )
        )
        kept = "contact" if consent == "contact" and saved.with_contact else "anonymous"
        if kept == "contact" and saved.by_email:
            kept = "email"  # the answer also goes to the email they gave
        dispatcher.utter_message(response=f"utter_feedback_saved_{kept}", team=saved.team_name)
        return [SlotSet("feedback_id", saved.id), SlotSet("feedback_text", None)]


class ActionAllowPublishing(Action):
    """The person said yes: staff may show their own words (personal details removed) on the
    public "You said, we did" page."""

    def __init__(self, context: ActionContext):
        self._context = context

    def name(self) -> str:
        return "action_allow_publishing"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[dict[str, Any]]:
        feedback_id = tracker.get_slot("feedback_id")
        service = self._context.feedback
        if service is not None and isinstance(feedback_id, int | float):
            await service.allow_publishing(int(feedback_id), str(tracker.sender_id))
        return []
