"""Everything we can understand from one message, in one pass."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.engine.nlu.age import find_ages
from bot.engine.nlu.area import Gazetteer
from bot.engine.nlu.crisis import is_crisis
from bot.engine.nlu.intents import IntentMatcher, parse_payload
from bot.engine.nlu.interests import INTERESTS, find_interests
from bot.engine.nlu.lexicon import PhraseIndex, Speller
from bot.engine.nlu.role import CHILD_NOUNS, STRONG, WEAK, find_role
from bot.engine.nlu.text import NUMBER_WORDS, digits, tokenise, without_boundaries

ROLES = ("young_person", "parent_carer", "professional", "other")
AGE_BANDS = {
    "under_11": (0, 10),
    "11_15": (11, 15),
    "16_18": (16, 18),
    "19_25": (19, 25),
    "over_25": (26, 120),
}
_CRISIS_WORDS = [
    "suicide",
    "suicidal",
    "overdose",
    "harm",
    "harming",
    "myself",
    "himself",
    "herself",
    "abuse",
    "abused",
    "abusing",
    "kill",
    "killing",
    "die",
    "dying",
]
YOUNG_PERSON_MAX_AGE = 25
_VAGUE = frozenset(
    ["idk", "dunno", "unsure", "anything", "whatever", "everything", "stuff", "things", "general"]
)
# Outside the interests question, topics count only when the person says they want something
# about them ("I want to help his school"), not when they are background ("she is at college").
_WANTING = frozenset(
    [
        "want",
        "wants",
        "wanting",
        "would",
        "like",
        "love",
        "help",
        "helping",
        "say",
        "involved",
        "involvement",
        "change",
        "changing",
        "improve",
        "improving",
        "better",
        "feedback",
        "join",
        "joining",
        "interested",
        "interest",
        "looking",
        "how",
        "shape",
        "shaping",
        "talk",
        "complain",
        "complaint",
        "problem",
        "problems",
        "issue",
        "issues",
        "meet",
        "meeting",
        "worried",
        "worry",
        "concern",
        "concerns",
        "concerned",
        "unhappy",
        "struggle",
        "struggling",
        "fix",
        "views",
        "voice",
        "opinion",
        "input",
        "contribute",
        "share",
        "tell",
        "about",
        "with",
        "on",
        "into",
        "find",
        "hear",
        "support",
        "never",
        "listen",
        "hate",
        "hates",
        "rubbish",
        "mess",
        "nightmare",
        "awful",
        "terrible",
        "useless",
        "poor",
        "bad",
        "failing",
        "fails",
        "wrong",
        "need",
        "needs",
        "waiting",
        "wait",
        "fight",
        "battle",
        "angry",
        "upset",
        "frustrated",
    ]
)


@dataclass(slots=True)
class Understanding:
    """What one message told us. ``None`` means the message did not say."""

    text: str
    normalised: str = ""
    intent: str | None = None
    from_button: bool = False
    crisis: bool = False
    age: int | None = None
    age_band: str | None = None
    child_age: int | None = None
    role: str | None = None
    role_strength: int = 0
    area: str | None = None
    council: str | None = None
    place: str | None = None
    area_ambiguous: bool = False
    interests: list[str] = field(default_factory=list)
    vague: bool = False  # wants to get involved, but named no topic
    consent: str | None = None  # anonymous | contact | none, from a consent button

    def has_profile_facts(self) -> bool:
        return any(
            (
                self.age is not None,
                self.age_band,
                self.role,
                self.area,
                self.interests,
                self.area_ambiguous,
            )
        )


class Understander:
    """Built once at start-up from the NLU examples, synonyms and the gazetteer."""

    def __init__(
        self,
        *,
        intent_examples: Mapping[str, Iterable[str]],
        synonyms: Mapping[str, Iterable[str]],
        places: Mapping[str, Iterable[str]],
        needs_context: Iterable[str],
    ):
        def clean(phrases: Iterable[str]) -> list[str]:
            return [digits(without_boundaries(tokenise(phrase))) for phrase in phrases]

        self._intents = IntentMatcher(
            {intent: clean(phrases) for intent, phrases in intent_examples.items()}
        )
        self._roles = PhraseIndex(
            (phrase, value) for value in ROLES for phrase in clean(synonyms.get(value, []))
        )
        self._interests = PhraseIndex(
            (phrase, value) for value in INTERESTS for phrase in clean(synonyms.get(value, []))
        )
        self._role_words = self._roles.words()
        self.gazetteer = Gazetteer(
            {council: clean(names) for council, names in places.items()}, clean(needs_context)
        )
        vocabulary: set[str] = set(NUMBER_WORDS) | set(_CRISIS_WORDS) | set(CHILD_NOUNS)
        vocabulary |= self._roles.words() | self._interests.words() | self.gazetteer.words()
        for phrases in intent_examples.values():
            for phrase in clean(phrases):
                vocabulary.update(phrase.split())
        self._speller = Speller(vocabulary)

    def profile_words(self, understood: Understanding) -> list[str]:
        """Words of a message that only say who and where the person is."""
        words = (understood.place or "").split()
        if understood.role:
            words += [w for w in understood.normalised.split() if w in self._role_words]
        return words

    def understand(self, text: str, *, asking: str | None = None) -> Understanding:
        """Read one message; ``asking`` is the question the bot is waiting on, if any."""
        payload = parse_payload(text)
        if payload is not None:
            return self._from_payload(text, payload.intent, payload.entities)

        tokens = tokenise(text)
        plain = digits(without_boundaries(tokens))
        corrected_tokens = self._speller.correct_tokens(tokens)
        marked = digits(" ".join(corrected_tokens))
        corrected = digits(without_boundaries(corrected_tokens))
        words = marked.split()
        result = Understanding(text=text, normalised=corrected)
        result.crisis = is_crisis(plain) or is_crisis(corrected)
        result.intent = self._intents.match(corrected) or self._intents.match(plain)

        role = find_role(
            words,
            self._roles,
            asking_role=asking == "role",
            asking_other=asking not in (None, "role"),
        )
        if role is not None:
            result.role, result.role_strength = role.role, role.strength
        ages = find_ages(
            marked,
            asking_age=asking == "age",
            speaker_is_parent=result.role in ("parent_carer", "professional"),
        )
        result.age, result.child_age = ages.speaker, ages.child
        if ages.band and (asking == "age" or result.role in (None, "young_person")):
            result.age_band = ages.band
        if result.age is not None and result.role is None and result.age <= YOUNG_PERSON_MAX_AGE:
            result.role, result.role_strength = "young_person", WEAK
        if result.age_band == "under_11" and result.role is None:
            result.role, result.role_strength = "young_person", WEAK

        place = self.gazetteer.find(words, asking_area=asking == "area")
        if place is not None:
            result.place = place.place
            result.council = place.council
            result.area = place.area
            result.area_ambiguous = place.area is None

        ignore = range(role.start, role.end) if role and role.strength == STRONG else None
        interests = find_interests(
            words, self._interests, asking=asking == "interests", ignore=ignore
        )
        wanting = bool(_WANTING.intersection(words)) or "involved" in words
        if asking == "interests" or wanting:
            result.interests = interests
        result.vague = (
            asking == "interests"
            and not interests
            and (wanting or bool(_VAGUE.intersection(words)))
        )
        if result.intent in ("greet", "affirm", "deny") and result.has_profile_facts():
            result.intent = None
        return result

    @staticmethod
    def _from_payload(text: str, intent: str, entities: Mapping[str, Any]) -> Understanding:
        result = Understanding(text=text, normalised=text, intent=intent, from_button=True)
        role = entities.get("role")
        if role in ROLES:
            result.role, result.role_strength = role, STRONG
        area = entities.get("area")
        if area in ("west_sussex", "east_sussex", "elsewhere"):
            result.area, result.council = area, area
        band = entities.get("age_band")
        if band in AGE_BANDS:
            result.age_band = band
        age = entities.get("age")
        if isinstance(age, int | float) and 0 < age < 120:
            result.age = int(age)
        level = entities.get("level")
        if level in ("anonymous", "contact", "none"):
            result.consent = level
        interests = entities.get("interests")
        if isinstance(interests, str):
            interests = [interests]
        if isinstance(interests, list):
            result.interests = [i for i in INTERESTS if i in interests]
        if intent == "inform" and result.has_profile_facts():
            result.intent = None
        return result
