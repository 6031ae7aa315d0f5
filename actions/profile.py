"""Validate the profile form: typed answers become clean slot values ("fifteen" -> 15)."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction
from rasa_sdk.types import DomainDict

from actions.context import ActionContext
from bot.engine.nlu.interests import INTERESTS
from bot.engine.nlu.understand import AGE_BANDS, ROLES

AREAS = ("west_sussex", "east_sussex", "elsewhere")
SKIPPED = "skipped"  # a Rasa form needs a value to move on; the routes read it as unknown


class ValidateProfileForm(FormValidationAction):
    """Checks each profile answer; free text is read with the bot's own understanding."""

    def __init__(self, context: ActionContext):
        super().__init__()
        self._context = context

    def name(self) -> str:
        return "validate_profile_form"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        """The form's slots (no age for a professional, as in dialogues/flows.yml), plus the age
        band when an age button filled it."""
        slots = list(domain_slots)
        given = tracker.slots_to_validate()
        role = given.get("role", tracker.get_slot("role"))
        if role == "professional" and "age" in slots and "age" not in given:
            slots.remove("age")
        if "age_band" in given:
            slots.append("age_band")
        return slots

    # ---- extraction, for a Rasa server: read the whole message with our understanding ----
    def _latest(self, tracker: Tracker) -> Any:
        """What the latest message says; None in-process (the engine passes values itself)."""
        text = (tracker.latest_message or {}).get("text")
        if not text or not tracker.active_loop:
            return None
        asking = str(tracker.get_slot("requested_slot") or "")
        return self._read(str(text), asking, self._known_role(tracker))

    def _skipped(self, tracker: Tracker, slot: str, understood: Any) -> bool:
        return bool(
            tracker.get_slot("requested_slot") == slot and understood.intent in ("skip", "deny")
        )

    async def extract_role(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        understood = self._latest(tracker)
        if understood is None:
            return {}
        if understood.crisis:
            dispatcher.utter_message(response="utter_crisis")
            return {}
        if understood.role:
            return {"role": understood.role}
        return {"role": SKIPPED} if self._skipped(tracker, "role", understood) else {}

    async def extract_age(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        understood = self._latest(tracker)
        if understood is None or understood.crisis:
            return {}
        if understood.age is not None:
            return {"age": understood.age}
        if understood.age_band:
            return {
                "age": float(AGE_BANDS[understood.age_band][0]),
                "age_band": understood.age_band,
            }
        return {"age": -1.0} if self._skipped(tracker, "age", understood) else {}

    async def extract_area(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        understood = self._latest(tracker)
        if understood is None or understood.crisis:
            return {}
        if understood.area:
            return {"area": understood.area}
        return {"area": SKIPPED} if self._skipped(tracker, "area", understood) else {}

    async def extract_interests(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        understood = self._latest(tracker)
        if understood is None or understood.crisis:
            return {}
        if understood.interests:
            return {"interests": understood.interests}
        skipped = self._skipped(tracker, "interests", understood) or (
            understood.vague and tracker.get_slot("requested_slot") == "interests"
        )
        return {"interests": []} if skipped else {}

    async def extract_age_band(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        """The age band comes only from the age buttons, already in the slot candidates."""
        return {}

    def _read(self, text: str, asking: str, known_role: str | None = None) -> Any:
        """Our understanding of ``text``, told who the person already said they are (so a
        parent's "he is 9" at the age question is read as the child's age, not theirs)."""
        return self._context.understander.understand(text, asking=asking, known_role=known_role)

    @staticmethod
    def _known_role(tracker: Tracker) -> str | None:
        role = tracker.get_slot("role")
        return role if role in ROLES else None

    async def validate_role(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        """Keep a known role; read typed text ("I'm his mum") as a role."""
        if slot_value in ROLES or slot_value == SKIPPED:
            return {"role": slot_value}
        if isinstance(slot_value, str):
            return {"role": self._read(slot_value, "role").role}
        return {"role": None}

    async def validate_age(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        """Keep an age from 1 to 120; read typed text ("fifteen", "year 9") as an age."""
        if isinstance(slot_value, int | float) and not isinstance(slot_value, bool):
            if slot_value == -1:
                return {"age": -1.0}  # skipped
            return {"age": int(slot_value) if 0 < slot_value <= 120 else None}
        if isinstance(slot_value, str):
            return {"age": self._read(slot_value, "age", self._known_role(tracker)).age}
        return {"age": None}

    async def validate_age_band(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        """Keep one of the age bands offered on the buttons."""
        return {"age_band": slot_value if slot_value in AGE_BANDS else None}

    async def validate_area(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        """Keep a known area; read a typed town or village with the gazetteer."""
        if slot_value in AREAS or slot_value == SKIPPED:
            return {"area": slot_value}
        if isinstance(slot_value, str):
            return {"area": self._read(slot_value, "area").area}
        return {"area": None}

    async def validate_interests(
        self,
        slot_value: Any,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> dict[str, Any]:
        """Keep known topics; read typed words ("the doctors", "college") as topics."""
        if isinstance(slot_value, list):
            chosen = [i for i in INTERESTS if i in slot_value]
            return {"interests": chosen}
        if isinstance(slot_value, str):
            if slot_value in INTERESTS:
                return {"interests": [slot_value]}
            return {"interests": self._read(slot_value, "interests").interests or None}
        return {"interests": None}
