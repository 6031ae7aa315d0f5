"""One turn of a conversation: state + message -> replies + new state.

The engine knows nothing about Telegram, HTTP or terminals. It reads the message with the
understander, walks the flow in ``dialogues/flows.yml`` and runs the actions in ``actions/``
in-process through rasa-sdk's executor, exactly as a Rasa server would call them.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import rasa_sdk
from rapidfuzz import fuzz
from rasa_sdk.executor import ActionExecutor

from actions import ActionContext, build_actions
from actions.routes import more_payload
from bot.alerts.words import asks_for_alerts
from bot.content.models import Content
from bot.dialogues import Dialogues, Step
from bot.engine.nlu.consent import read_consent
from bot.engine.nlu.requests import (
    asks_to_give_feedback,
    asks_whether_they_may,
    request_start,
    without_topic_only,
)
from bot.engine.nlu.role import STRONG
from bot.engine.nlu.routes import RouteNames
from bot.engine.nlu.text import normalise
from bot.engine.nlu.understand import Understander, Understanding
from bot.engine.replies import Button, Link, Reply, buttons_from, links_from
from bot.engine.state import PROFILE_SLOTS, ConversationState, utcnow
from bot.feedback_rules import may_give_contact, read_contact
from bot.opportunities.chat import opportunity_replies
from bot.opportunities.offers import OpenOpportunities, asks_whats_on
from bot.routing import audience_fits
from bot.safety import Verdict

if TYPE_CHECKING:
    from bot.alerts.signup import AlertSignup
    from bot.polls.desk import PollDesk

logger = logging.getLogger(__name__)

FLOW = "find_my_route"
TYPED_BUTTON_SIMILARITY = 90  # rapidfuzz ratio: "no just anser here" is the button
TYPED_BUTTON_MARGIN = 8  # ... and clearly closer to it than to any other button
ANSWERED_INTENTS = {
    "thanks": "utter_thanks",
    "bye": "utter_bye",
    "ask_who_reads": "utter_who_reads",
    "ask_what_happens": "utter_what_happens",
    "ask_complain": "utter_how_to_complain",
    "ask_delete": "utter_how_to_delete",
}
# Questions about feedback: about a named thing, its `join` answer says how to give it.
FEEDBACK_QUESTIONS = frozenset({"ask_what_happens", "ask_who_reads", "ask_complain"})
CRISIS_RESPONSES = {
    "self": "utter_crisis",
    "abuse": "utter_crisis_abuse",
    "other": "utter_crisis_other",
    "medical": "utter_crisis_medical",
    "fire": "utter_crisis_fire",
}
MAX_MISUNDERSTOOD = 2
FEEDBACK_STEPS = ("feedback_text", "consent", "contact_detail", "publish_consent")
FEEDBACK_IN_ONE_GO = 9  # words: "I want to complain about ..." already says what it is about
_SENTENCES = re.compile(r"[.!?\n]+")
_QUESTION = re.compile(
    r"\b(?:who|what happens|where does it go|where will it go|will anyone|who reads|"
    r"what will you do|what do you do with)\b"
)
_REQUEST_WORDS = frozenset(
    [
        "i",
        "we",
        "want",
        "wanna",
        "would",
        "like",
        "to",
        "can",
        "could",
        "may",
        "please",
        "how",
        "do",
        "give",
        "leave",
        "send",
        "make",
        "share",
        "have",
        "put",
        "in",
        "raise",
        "submit",
        "some",
        "my",
        "a",
        "an",
        "our",
        "feedback",
        "feed",
        "back",
        "complaint",
        "complain",
        "about",
        "on",
        "for",
        "regarding",
        "the",
        "his",
        "her",
        "their",
        "this",
        "that",
    ]
)


# Words that say nothing of what feedback is about ("and", "got", "it")
_LITTLE_WORDS = frozenset(["i'm", "im", "am", "a", "an", "in", "from", "and", "got", "it"])


def _says_something(text: str, profile_words: set[str]) -> bool:
    """Does a "give feedback" message already say what it is about, beyond asking to (and
    beyond who and where the person is)?"""
    words = re.findall(r"[a-z']+", without_topic_only(text.lower()))
    skip = _REQUEST_WORDS | profile_words | _LITTLE_WORDS
    content = [word for word in words if word not in skip]
    return len(words) >= FEEDBACK_IN_ONE_GO and len(content) >= 4


ROLE_WORDS = {
    "young_person": "You are a young person.",
    "parent_carer": "You are a parent or carer.",
    "professional": "You work with children or families.",
    "other": "You are here for another reason.",
}
AREA_WORDS = {
    "west_sussex": "West Sussex",
    "east_sussex": "East Sussex",
}
INTEREST_WORDS = {
    "school": "school or college",
    "health": "health",
    "council": "council help",
    "shaping_services": "planning services",
    "my_plan": "support plans",
    "meeting_others": "meeting others",
}


# A button chosen by where it is: "2nd option", "the first one", "option 3", "number 2".
_ORDINALS = {"1st": 0, "first": 0, "2nd": 1, "second": 1, "3rd": 2, "third": 2, "4th": 3}
_ORDINALS |= {"fourth": 3, "1": 0, "2": 1, "3": 2, "4": 3, "one": 0, "two": 1, "three": 2}
_ORDINAL = re.compile(
    r"(?:(?:option|choice|button) (?P<n>1|2|3|4|one|two|three)|number (?P<n3>1|2|3|4)"
    r"|(?P<n2>1st|2nd|3rd|4th|first|second|third|fourth)(?: one| option| button| choice)?)"
)


def _plain_words(text: str) -> str:
    """Lower-case words only, for comparing what was typed with a button's title."""
    return " ".join(re.findall(r"[a-z0-9]+", text.lower().replace("\u2019", "'")))


def _join(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def _consent_level(understood: Understanding) -> str | None:
    """The answer to "may I pass this on?": a button's level, or the typed words read."""
    return understood.consent or read_consent(understood.text)


@dataclass(slots=True)
class TurnResult:
    replies: list[Reply] = field(default_factory=list)
    state: ConversationState | None = None
    crisis: bool = False
    forgotten: bool = False


class Engine:
    """Holds the loaded dialogues, content and actions; stateless between turns."""

    polls: PollDesk | None = None  # quick polls (bot/polls), set by whoever builds the engine

    def __init__(
        self,
        *,
        dialogues: Dialogues,
        content: Content,
        understander: Understander,
        context: ActionContext,
        max_message_chars: int = 1000,
    ):
        self.dialogues = dialogues
        self.content = content
        self.understander = understander
        self.max_message_chars = max_message_chars
        self.opportunities = OpenOpportunities()  # the open ones, in memory (bot/opportunities)
        self.alerts: AlertSignup | None = None  # set by create_bot
        self._executor = ActionExecutor()
        for action in build_actions(context):
            self._executor.register_action(action)
        self._steps = dialogues.flows[FLOW].steps
        self._button_words: dict[int, list[tuple[str, str]]] = {}
        self._route_names = RouteNames(
            {route.id: [route.title, *route.names] for route in content.routes.values()}
        )
        self._route_buttons = {
            route.id: (
                _plain_words(route.title).removeprefix("the ").removeprefix("a "),
                more_payload(route.id),
            )
            for route in content.routes.values()
        }

    # ---- rendering -------------------------------------------------------------------
    def say(self, name: str, state: ConversationState, **values: str) -> Reply:
        variation = self.dialogues.response(name, state.slots())
        text = variation.text.strip()
        for key, value in values.items():
            text = text.replace("{" + key + "}", value)
        return Reply(
            text,
            tuple(Button(b.title, b.payload, b.symbol) for b in variation.buttons),
            tuple(Link(link.title, link.url) for link in variation.links),
        )

    def _render(self, messages: Iterable[dict[str, Any]], state: ConversationState) -> list[Reply]:
        """Replies from an action's messages: a response by name (its buttons replaced by the
        message's own, when it has some), or a text; a card's title, symbol and links come in
        the message's ``custom`` part."""
        replies = []
        for message in messages:
            custom = message.get("custom") or {}
            if message.get("response"):
                values = {
                    k: v
                    for k, v in message.items()
                    if isinstance(v, str) and k not in ("response", "template", "text")
                }
                said = self.say(str(message["response"]), state, **values)
                if message.get("buttons"):
                    said = Reply(said.text, buttons_from(message["buttons"]), said.links)
                replies.append(said)
            elif message.get("text"):
                replies.append(
                    Reply(
                        str(message["text"]),
                        buttons_from(message.get("buttons")),
                        links_from(custom.get("links")),
                        title=str(custom["title"]) if custom.get("title") else None,
                        symbol=str(custom["symbol"]) if custom.get("symbol") else None,
                    )
                )
        return replies

    # ---- actions ---------------------------------------------------------------------
    async def run_action(
        self,
        name: str,
        state: ConversationState,
        text: str = "",
        candidates: dict[str, Any] | None = None,
        entities: list[dict[str, Any]] | None = None,
    ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Run one rasa-sdk action in-process; returns (events, messages). ``entities`` are
        the message's, as Rasa would read them from a button's payload."""
        events: list[dict[str, Any]] = [
            {"event": "action", "name": "action_listen"},
            {"event": "user", "text": text},
        ]
        events.extend(
            {"event": "slot", "name": slot, "value": value}
            for slot, value in (candidates or {}).items()
        )
        call = {
            "next_action": name,
            "sender_id": state.key,
            "version": rasa_sdk.__version__,
            "domain": self.dialogues.raw_domain,
            "tracker": {
                "sender_id": state.key,
                "slots": state.slots(),
                "latest_message": (
                    {} if candidates else {"text": text, "entities": list(entities or [])}
                ),
                "events": events,
                "paused": False,
                "followup_action": None,
                "active_loop": {"name": "profile_form"} if candidates else {},
                "latest_action_name": "action_listen",
            },
        }
        result = await self._executor.run(call)
        if result is None:
            return [], []
        return list(result.events), list(result.responses)

    # ---- the turn --------------------------------------------------------------------
    async def handle(self, state: ConversationState, text: str) -> TurnResult:
        """Answer one message. ``state`` is not changed; the new state is in the result."""
        state = state.clone()
        result = TurnResult(state=state)
        first_turn = state.turns == 0
        choosing_route, state.choosing_route = state.choosing_route, False
        state.turns += 1
        state.updated_at = utcnow()

        if len(text) > self.max_message_chars:
            understood = self.understander.understand(text[: self.max_message_chars * 4])
            if understood.crisis:
                return self._crisis(state, result, understood.safety)
            result.replies.append(self.say("utter_too_long", state))
            result.replies.extend(self._reask(state))
            return result
        if not text.strip():
            result.replies.append(self.say("utter_empty", state))
            result.replies.extend(self._reask(state))
            return result

        pressed = self._typed_button(state, text)
        understood = self.understander.understand(
            pressed or text, asking=state.asking, known_role=state.role
        )
        if pressed and understood.from_button:
            understood.text = text  # what they typed, for anything that reads it
        if understood.crisis or understood.intent == "crisis":
            return self._crisis(state, result, understood.safety)
        if self.polls is not None and (vote := self.polls.vote_in(state, text)):
            # a quick poll's answer, by button or typed (bot/polls/desk.py)
            result.replies.extend(await self.polls.answer(self.say, state, *vote))
            result.replies.extend(self._reask(state))  # then where they were
            return result
        state.crisis = False
        if understood.safety.level == "checkin":
            result.crisis = True  # the support lines are shown, before anything else
            result.replies.append(self.say("utter_checkin", state))
            if state.asking not in FEEDBACK_STEPS and not understood.has_profile_facts():
                return result  # the question waits until they are ready
            if state.asking == "consent" and _consent_level(understood) in ("anonymous", "contact"):
                # a yes said in distress is not taken now: they are asked again when ready
                result.replies.append(self._consent_question(state))
                return result
        if first_turn:
            result.replies.append(self.say("utter_greet", state))

        if asks_whats_on(text):  # "what's on?": the open opportunities that fit, at any time
            result.replies.extend(opportunity_replies(self, state, asked=True))
            result.replies.extend(self._reask(state))
            return result
        intent = understood.intent
        if first_turn and intent == "restart":
            intent = "greet"  # "/start" on a new chat just starts it
        if intent == "forget":
            _, messages = await self.run_action("action_forget_me", state, text)
            fresh = state.fresh()
            result.state = fresh
            result.forgotten = True
            result.replies.extend(self._render(messages, fresh))
            return result
        if intent == "restart":
            _, messages = await self.run_action("action_restart_conversation", state, text)
            fresh = state.fresh()
            fresh.turns = 1
            result.state = fresh
            if text.strip().lower().startswith("/start"):
                result.replies.append(self.say("utter_greet", fresh))  # a new chat: say hello
            else:
                result.replies.extend(self._render(messages, fresh))
            result.replies.extend(await self._advance(fresh))
            return result
        if self.alerts is not None:  # opt-in alerts (bot/alerts/signup.py): asked for, or stop
            if understood.has_profile_facts() and asks_for_alerts(text):
                learned = await self._learn(state, understood)  # "im 15 in crawley, alert me"
                if learned:
                    result.replies.append(self._acknowledge(state, learned, understood))
            handled = await self.alerts.turn(self, state, pressed or text)
            if handled is not None:
                result.replies.extend(handled)
                return result
        if intent == "help":
            result.replies.append(self.say("utter_help", state))
            result.replies.extend(self._reask(state))
            return result
        if intent == "back":
            result.replies.extend(await self._back(state))
            return result
        if intent in ("why", "human") and state.asking != "feedback_text" and not understood.asked:
            result.replies.append(self.say(f"utter_{intent}", state))
            result.replies.extend(self._reask(state))
            return result
        if state.asking in FEEDBACK_STEPS and intent not in ("restart", "forget", "help", "back"):
            result.replies.extend(await self._feedback_step(state, understood))
            return result
        if intent == "feedback":
            learned = await self._learn(state, understood)
            if learned and not understood.from_button:
                result.replies.append(self._acknowledge(state, learned, understood))
            if self._introduced(state, understood) or self._looking_for_a_way(state, understood):
                # "Parent carer in Midhurst. The Local Offer website is hard to use and I want
                # to tell someone": who and where first, so the routes come first (one may be
                # the very door they want); what they said is passed on after, with consent
                state.feedback_after_routes = True
                state.pending_feedback = self._said_already(understood) or state.pending_feedback
                result.replies.extend(await self._advance(state))
                return result
            result.replies.extend(self._start_feedback(state, understood))
            return result
        if state.routes_shown and not understood.from_button:
            named = self._route_names.asked_about(
                understood.text, state.routes, choosing=choosing_route
            )
            if named or (named == [] and understood.asked is None):
                intent = "more"  # "tell me more about the forum"
                understood.route_choices = named
        if intent == "more" and state.routes_shown:
            chosen = understood.route_choices or ([understood.route] if understood.route else [])
            _, messages = await self.run_action(
                "action_more_about_routes",
                state,
                text,
                entities=[{"entity": "route", "value": route_id} for route_id in chosen],
            )
            replies = self._render(messages, state)
            state.choosing_route = bool(replies) and any(
                button.payload.startswith("/more{") for button in replies[-1].buttons
            )
            result.replies.extend(replies)
            return result
        answers = self._answers(state, understood)
        if answers:
            result.replies.extend(answers)
            if not understood.has_profile_facts():
                if intent != "bye":  # after goodbye, no new question
                    result.replies.extend(self._reask(state))
                return result

        learned = await self._learn(state, understood)
        if learned and not understood.from_button:
            result.replies.append(self._acknowledge(state, learned, understood))
        if understood.council == "brighton_and_hove":
            result.replies.append(self.say("utter_brighton_and_hove", state))

        asking = state.asking
        if understood.area_ambiguous and not state.area:
            state.asking = "area"
            outside = "elsewhere" in understood.area_choices
            question = "utter_ask_which_area" if outside else "utter_ask_which_sussex"
            result.replies.append(self.say(question, state))
            return result
        if asking and not state.has(asking):
            if (
                asking == "age"
                and "age" not in learned
                and state.role in ("parent_carer", "professional")
                and understood.child_age is not None
            ):
                self._skip(state, asking)  # their child's age: we do not need their own
                result.replies.append(self.say("utter_thanks_go_on", state))
            elif intent in ("skip", "deny") or (understood.vague and not learned):
                self._skip(state, asking)
                result.replies.append(self.say("utter_skip_ok", state))
            elif not learned:
                if answers or (intent in ("greet", "affirm", "laugh") and not first_turn):
                    result.replies.extend(self._reask(state))  # nothing was misunderstood
                    return result
                state.misunderstood += 1
                if state.misunderstood >= MAX_MISUNDERSTOOD:
                    self._skip(state, asking)
                    result.replies.append(self.say("utter_skip_ok", state))
                else:
                    sorry = self.say(f"utter_sorry_{asking}", state)
                    buttons = self.say(f"utter_ask_{asking}", state).buttons
                    result.replies.append(Reply(sorry.text, buttons))
                    return result
        elif state.routes_shown and not learned and not first_turn:
            if intent in ("affirm", "greet", "deny", "skip", "laugh"):
                result.replies.append(self.say("utter_what_next", state))
            else:
                result.replies.append(self.say("utter_sorry_menu", state))
                result.replies.append(self.say("utter_what_next", state))
            return result

        if state.routes_shown and learned:
            state.routes_shown = False
        result.replies.extend(await self._advance(state))
        return result

    # ---- buttons typed as words ---------------------------------------------------------
    def _buttons_on_offer(
        self, state: ConversationState, *, question_only: bool = False
    ) -> list[tuple[str, str]]:
        """The buttons the person can see now (the question's, or the menu after routes), as
        (title in plain words, payload); only the question's own with ``question_only``."""
        names: list[str] = []
        if state.asking == "consent":
            contact = may_give_contact(state.role, state.age, state.age_band)
            names.append("utter_ask_consent" if contact else "utter_ask_consent_anonymous_only")
        elif state.asking in ("feedback_text", "contact_detail"):
            names.append(f"utter_ask_{state.asking}")
        elif state.asking:
            names += [f"utter_ask_{state.asking}", "utter_ask_which_area"]
        elif state.routes_shown:
            names.append("utter_what_next")
        found: list[tuple[str, str]] = []
        if question_only:
            names = names[:1]
        else:
            if state.routes_shown and not state.asking:  # a route's title asks for more about it
                found += [self._route_buttons[r] for r in state.routes if r in self._route_buttons]
            if state.crisis:
                names.append("utter_crisis")
            names.append("utter_checkin")
        slots = state.slots()
        for name in names:
            if name in self.dialogues.responses:
                found.extend(self._plain_buttons(self.dialogues.response(name, slots)))
        return found

    def _plain_buttons(self, variation: Any) -> list[tuple[str, str]]:
        key = id(variation)
        cached = self._button_words.get(key)
        if cached is None:
            cached = [
                (_plain_words(b.title).removeprefix("the ").removeprefix("a "), b.payload)
                for b in variation.buttons
            ]
            self._button_words[key] = cached
        return cached

    def _typed_button(self, state: ConversationState, text: str) -> str | None:
        """The payload of a button whose words were typed ("No, just answer here"), if any."""
        if len(text) > 60 or text.lstrip().startswith("/"):
            return None
        typed = _plain_words(text).removeprefix("the ").removeprefix("a ")
        if not typed:
            return None
        ordinal = _ORDINAL.fullmatch(typed)
        if ordinal and state.asking:
            # "2nd option", "the first one": the question's buttons, counted in order
            position = _ORDINALS[next(n for n in ordinal.group("n", "n2", "n3") if n)]
            buttons = self._buttons_on_offer(state, question_only=True)
            return buttons[position][1] if position < len(buttons) else None
        scored: list[tuple[float, str]] = []
        for title, payload in self._buttons_on_offer(state):
            if typed == title:
                return payload
            if len(title) >= 8:
                scored.append((fuzz.ratio(typed, title), payload))
        scored.sort(reverse=True)
        if not scored or scored[0][0] < TYPED_BUTTON_SIMILARITY:
            return None
        if len(scored) > 1 and scored[1][0] > scored[0][0] - TYPED_BUTTON_MARGIN:
            return None  # "east sussex" is one letter from "west sussex": not a slip to guess
        return scored[0][1]

    # ---- questions and small talk ----------------------------------------------------
    def _answers(self, state: ConversationState, understood: Understanding) -> list[Reply]:
        """A short answer to a question, a thank-you or a goodbye (journey 7); none if the
        message is not one."""
        intent = understood.intent
        if understood.asked is not None:
            answer = self.content.answers[understood.asked.answer_id]
            # "what does the Local Offer do with feedback?": how to give it feedback, and what
            # happens to it, is its `join` answer
            joining = understood.asked.kind == "join" or intent in FEEDBACK_QUESTIONS
            text = answer.join if joining and answer.join else answer.what
            return [Reply(text.strip())]
        if intent in ANSWERED_INTENTS:
            return [self.say(ANSWERED_INTENTS[intent], state)]
        if understood.language and understood.language in self.content.languages.languages:
            return [
                Reply(self.content.languages.languages[understood.language].text.strip()),
                self.say("utter_other_language", state),
            ]
        if intent is None and understood.looks_like_question and not understood.has_profile_facts():
            return [self.say("utter_dont_know", state)]
        return []

    # ---- feedback with consent --------------------------------------------------------
    def _introduced(self, state: ConversationState, understood: Understanding) -> bool:
        """Asked to give feedback after first saying who they are ("Mum in Midhurst. I want
        to tell someone..."), with where, before any routes: the routes come first. A request
        that comes first ("I want to tell someone the OT in Worthing was great with my son")
        is feedback first."""
        if (
            understood.from_button
            or state.routes_shown
            or state.asking not in (None, *PROFILE_SLOTS)
            or understood.area is None
        ):
            return False
        start = request_start(understood.normalised)
        sentences = [sentence for sentence in _SENTENCES.split(understood.text) if sentence.strip()]
        if start is None:
            # "16, eastbourne. want to tell the NHS the waiting list is too long": a request
            # that opens a later sentence
            if not any(asks_to_give_feedback(normalise(sentence)) for sentence in sentences[1:]):
                return False
        elif start and self._introduces(understood.normalised[:start]):
            return True
        # "...and i want to tell someone. i am 20 and live in Littlehampton": who they are
        # said in a sentence of its own, not inside the request ("...with my son")
        return any(
            request_start(sentence.lower()) is None
            and not asks_to_give_feedback(normalise(sentence))
            and self._introduces(sentence)
            for sentence in sentences
        )

    def _looking_for_a_way(self, state: ConversationState, understood: Understanding) -> bool:
        """Said who or where they are and asked whether they may have a say ("can i give my
        views on stuff? im 18"), or named only what about ("BN21 here. 17. want to give my
        opinion on mental health services"): the routes are the answer, so they come first;
        what they want to say is asked for after."""
        if (
            understood.from_button
            or state.routes_shown
            or state.asking not in (None, *PROFILE_SLOTS)
            or not (understood.role or understood.age is not None or understood.area)
        ):
            return False
        return asks_whether_they_may(understood.text, normalise) or not self._said_already(
            understood
        )

    def _introduces(self, text: str) -> bool:
        said = self.understander.understand(text)
        return said.role_strength == STRONG or said.age is not None

    def _feedback_after_routes(self, state: ConversationState) -> list[Reply]:
        """After the routes: pass on what they said at the start, or ask what it is."""
        state.feedback_after_routes = False
        state.resume = None
        state.consent = None
        state.contact = {}
        if state.pending_feedback:
            return [self.say("utter_feedback_you_told_me", state), self._ask_consent(state)]
        state.asking = "feedback_text"
        return [
            self.say("utter_feedback_you_want_to_tell", state),
            self.say("utter_ask_feedback_text", state),
        ]

    def _start_feedback(self, state: ConversationState, understood: Understanding) -> list[Reply]:
        """Ask what they want to say; a long message that asks to complain already says it."""
        state.resume = state.asking
        state.pending_feedback = self._said_already(understood)
        state.consent = None
        state.contact = {}
        if state.pending_feedback:
            return [self._ask_consent(state)]
        state.asking = "feedback_text"
        return [self.say("utter_ask_feedback_text", state)]

    def _said_already(self, understood: Understanding) -> str | None:
        """What a message that asks to give feedback already says, if it says enough."""
        profile_words = set(self.understander.profile_words(understood))
        if not understood.from_button and _says_something(understood.text, profile_words):
            return understood.text.strip()
        return None

    def _ask_consent(self, state: ConversationState) -> Reply:
        state.asking = "consent"
        state.misunderstood = 0
        return self._consent_question(state)

    def _consent_question(self, state: ConversationState) -> Reply:
        if may_give_contact(state.role, state.age, state.age_band):
            return self.say("utter_ask_consent", state)
        return self.say("utter_ask_consent_anonymous_only", state)

    async def _feedback_step(
        self, state: ConversationState, understood: Understanding
    ) -> list[Reply]:
        """One answer in the feedback steps: the text, the consent, a contact detail."""
        intent = understood.intent
        if state.asking == "feedback_text":
            if intent in ("deny", "skip") and len(understood.text.split()) <= 3:
                return [self.say("utter_feedback_not_kept", state), *await self._resume(state)]
            if understood.from_button or not understood.text.strip():
                return [self.say("utter_sorry_feedback_text", state)]
            state.pending_feedback = understood.text.strip()
            return [self._ask_consent(state)]
        if state.asking == "consent":
            level = _consent_level(understood)
            if level is None:  # unclear, mixed or a question: asked once more, then no
                state.misunderstood += 1
                if state.misunderstood < MAX_MISUNDERSTOOD:
                    asked = not understood.from_button and (
                        _QUESTION.search(understood.normalised) is not None
                        or intent in ("ask_who_reads", "ask_what_happens")
                    )
                    again = self.say(
                        "utter_consent_explain" if asked else "utter_sorry_consent", state
                    )
                    return [Reply(again.text, self._consent_question(state).buttons)]
                level = "none"  # never store without a clear yes
            if level == "none":
                state.pending_feedback = None
                return [self.say("utter_feedback_not_kept", state), *await self._resume(state)]
            replies: list[Reply] = []
            if level == "contact" and not may_give_contact(state.role, state.age, state.age_band):
                level = "anonymous"
                replies.append(self.say("utter_feedback_anonymous_only", state))
            state.consent = level
            if level == "contact":
                state.asking = "contact_detail"
                state.misunderstood = 0
                return [*replies, self.say("utter_ask_contact_detail", state)]
            return [*replies, *await self._save_feedback(state)]
        if state.asking == "publish_consent":
            return await self._publish_step(state, understood)
        # contact_detail
        if intent in ("skip", "deny") or understood.from_button:
            return await self._save_feedback(state)
        detail = read_contact(understood.text)
        if not detail:
            state.misunderstood += 1
            if state.misunderstood < MAX_MISUNDERSTOOD:
                sorry = self.say("utter_sorry_contact_detail", state)
                return [Reply(sorry.text, self.say("utter_ask_contact_detail", state).buttons)]
        state.contact = detail
        return await self._save_feedback(state)

    async def _save_feedback(self, state: ConversationState) -> list[Reply]:
        events, messages = await self.run_action("action_save_feedback", state)
        for event in events:
            if event.get("event") == "slot" and event.get("name") == "feedback_id":
                value = event.get("value")
                state.feedback_id = int(value) if value is not None else None
        state.pending_feedback = None
        state.contact = {}
        replies = self._render(messages, state)
        if state.feedback_id is not None and may_give_contact(
            state.role, state.age, state.age_band
        ):
            state.asking = "publish_consent"  # their own words on the public page? default no
            state.misunderstood = 0
            return [*replies, self.say("utter_ask_publish", state)]
        return [*replies, *await self._resume(state)]

    async def _publish_step(
        self, state: ConversationState, understood: Understanding
    ) -> list[Reply]:
        """Only a clear yes lets staff show the person's own (redacted) words in public; any
        other answer is a no, and it is not asked again."""
        if understood.from_button:
            allowed = understood.publish is True
        else:
            allowed = read_consent(understood.text) in ("anonymous", "contact")
        if allowed:
            await self.run_action("action_allow_publishing", state)
        reply = self.say("utter_publish_yes" if allowed else "utter_publish_no", state)
        return [reply, *await self._resume(state)]

    async def _resume(self, state: ConversationState) -> list[Reply]:
        """Carry on where the person was before they gave feedback."""
        state.asking = None
        state.misunderstood = 0
        resume, state.resume = state.resume, None
        if state.routes_shown or resume is None and self._next_step(state) is None:
            return [self.say("utter_what_next", state)]
        return await self._advance(state)

    # ---- pieces of a turn ------------------------------------------------------------
    def _crisis(self, state: ConversationState, result: TurnResult, verdict: Verdict) -> TurnResult:
        """Emergency contacts at once, in the words that fit: someone hurting themselves,
        someone hurting them (a disclosure), or someone else in danger."""
        state.crisis = True
        result.crisis = True
        state.feedback_after_routes = False
        if state.asking in FEEDBACK_STEPS:  # never keep a crisis message as feedback
            state.asking, state.resume = state.resume, None
        state.pending_feedback = None
        response = CRISIS_RESPONSES.get(verdict.kind or "", "utter_crisis")
        result.replies.append(self.say(response, state))
        return result

    def _skip(self, state: ConversationState, slot: str) -> None:
        if slot not in state.skipped:
            state.skipped.append(slot)
        if slot == "interests" and not state.interests:
            # "my son has an EHCP", then no topic named: the plan is what they have a say in
            state.interests = ["my_plan"] if state.plan_mentioned else []
        state.answered.append(slot)
        state.misunderstood = 0

    async def _learn(self, state: ConversationState, understood: Understanding) -> list[str]:
        """Put what the message told us into the state; returns the slots that changed."""
        if understood.plan_mentioned:
            state.plan_mentioned = True
        candidates: dict[str, Any] = {}
        if understood.role and (understood.role_strength > 1 or state.role is None):
            candidates["role"] = understood.role
        if understood.age is not None:
            candidates["age"] = understood.age
        if understood.age_band:
            candidates["age_band"] = understood.age_band
        if understood.area:
            candidates["area"] = understood.area
        if understood.interests:
            merged = list(dict.fromkeys((state.interests or []) + understood.interests))
            candidates["interests"] = merged
        if (
            state.asking == "age"
            and understood.age is None
            and understood.child_age is not None
            and state.role is None
            and "role" not in candidates
        ):
            candidates["role"] = "parent_carer"
        if understood.child_age is not None:
            state.child_age = understood.child_age
        if not candidates:
            return []
        events, _ = await self.run_action(
            "validate_profile_form", state, understood.text, candidates
        )
        changed: list[str] = []
        for event in events:
            if event.get("event") != "slot":
                continue
            slot, value = event.get("name"), event.get("value")
            if value is None or slot not in ("role", "age", "age_band", "area", "interests"):
                continue
            if slot == "age_band":
                state.age_band, state.age = value, None
                slot = "age"
            else:
                setattr(state, slot, value)
            if slot == "area":
                state.council = understood.council or value
            if slot in state.skipped:
                state.skipped.remove(slot)
            if slot not in state.answered:
                state.answered.append(slot)
            changed.append(slot)
        if changed:
            state.misunderstood = 0
        return changed

    def _acknowledge(
        self, state: ConversationState, learned: list[str], understood: Understanding
    ) -> Reply:
        sentences = []
        if "role" in learned and state.role:
            sentences.append(ROLE_WORDS[state.role])
        if "age" in learned and state.age is not None:
            sentences.append(f"You are {state.age}.")
        if "area" in learned and state.area:
            county = AREA_WORDS.get(state.area)
            place = self.understander.place_name(understood.place) if understood.place else ""
            if county and place and place.lower() != county.lower():
                sentences.append(f"You live in {place}, in {county}.")
            elif county:
                sentences.append(f"You live in {county}.")
            elif place and state.area == "elsewhere":
                sentences.append(f"You live in {place}.")
            else:
                sentences.append("You live outside West Sussex and East Sussex.")
        if "interests" in learned and state.interests:
            words = [INTEREST_WORDS[i] for i in state.interests if i in INTEREST_WORDS]
            if state.role == "professional":
                sentences.append(f"You want to work with families on {_join(words)}.")
            else:
                sentences.append(f"You want a say about {_join(words)}.")
        return self.say("utter_understood", state, facts=" ".join(sentences))

    def _next_step(self, state: ConversationState) -> Step | None:
        slots = state.slots()
        for step in self._steps:
            if step.collect:
                if not step.applies(slots) or state.has(step.collect):
                    continue
                return step
            if step.action:
                return step
        return None

    async def _advance(self, state: ConversationState) -> list[Reply]:
        """Ask the next question, or offer routes when we know enough."""
        step = self._next_step(state)
        if step is None:
            state.asking = None
            return []
        if step.collect:
            if state.asking != step.collect:
                state.misunderstood = 0
            state.asking = step.collect
            return [self.say(step.utter or f"utter_ask_{step.collect}", state)]
        state.asking = None
        assert step.action is not None
        events, messages = await self.run_action(step.action, state)
        for event in events:
            if event.get("event") == "slot" and event.get("name") == "routes":
                self._offer(state, list(event.get("value") or []))
        state.routes_shown = True
        if state.feedback_after_routes:
            # what they asked for at the start comes next, instead of "what next?"
            messages = [m for m in messages if m.get("response") != "utter_what_next"]
            replies = [*self._render(messages, state), *opportunity_replies(self, state)]
            return [*replies, *self._feedback_after_routes(state)]
        replies = self._render(messages, state)
        offers = opportunity_replies(self, state)  # after the routes, before "what next?"
        replies = replies[:-1] + offers + replies[-1:] if replies else offers
        if self.polls is not None:  # a quick poll that fits them, shown once (bot/polls)
            replies.extend(self.polls.offer(self.say, state))
        return replies

    def _offer(self, state: ConversationState, offered: list[str]) -> None:
        """Remember offered routes; drop earlier ones that no longer fit after a correction."""
        profile = state.slots()
        kept = [
            route_id
            for route_id in state.routes
            if route_id in self.content.routes
            and audience_fits(self.content.routes[route_id].audience, profile)
        ]
        state.routes = list(dict.fromkeys(offered + kept))

    def _reask(self, state: ConversationState) -> list[Reply]:
        if state.asking:
            return [self.say(f"utter_ask_{state.asking}", state)]
        if state.routes_shown:
            return [self.say("utter_what_next", state)]
        step = self._next_step(state)
        if step and step.collect:
            state.asking = step.collect
            return [self.say(step.utter or f"utter_ask_{step.collect}", state)]
        return []

    async def _back(self, state: ConversationState) -> list[Reply]:
        if not state.answered:
            return [self.say("utter_back_nothing", state), *self._reask(state)]
        slot = state.answered.pop()
        state.clear_slot(slot)
        state.routes_shown = False
        state.asking = slot
        state.misunderstood = 0
        return [self.say(f"utter_ask_{slot}", state)]
