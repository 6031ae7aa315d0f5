"""Everything we can understand from one message, in one pass."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.engine.nlu.age import find_ages
from bot.engine.nlu.area import Gazetteer, PostcodeBook
from bot.engine.nlu.intent_model import (
    MODEL_INTENTS,
    QUESTION_THRESHOLD,
    THRESHOLD,
    load_intent_model,
)
from bot.engine.nlu.intents import IntentMatcher, parse_payload
from bot.engine.nlu.interests import INTERESTS, find_interests
from bot.engine.nlu.language import LanguageGuesser
from bot.engine.nlu.lexicon import PhraseIndex, Speller
from bot.engine.nlu.questions import AskedAbout, QuestionReader
from bot.engine.nlu.requests import asks_to_give_feedback
from bot.engine.nlu.role import CHILD_NOUNS, STRONG, WEAK, RoleFact, find_role
from bot.engine.nlu.statement_model import FEEDBACK, load_statement_model, threshold
from bot.engine.nlu.text import NUMBER_WORDS, digits, tokenise, without_boundaries
from bot.engine.nlu.topic_model import load_topic_model, topic_of
from bot.safety import SAFE, SafetyCheck, Verdict
from bot.textmodel import LinearTextModel

ROLES = ("young_person", "parent_carer", "professional", "other")
AGE_BANDS = {
    "under_11": (0, 10),
    "11_15": (11, 15),
    "16_18": (16, 18),
    "19_25": (19, 25),
    "over_25": (26, 120),
}
YOUNG_PERSON_MAX_AGE = 25
_LIVING_IN = r"\b(?:i am|we are|i live|we live|living|based) (?:in|at|near)"
_PARENT_AFTER_PLACE = [
    [word] for word in ("mum", "mom", "mam", "dad", "parent", "mother", "father", "carer", "nan")
]
_COUNTIES = frozenset(["east sussex", "west sussex", "e sussex", "w sussex", "escc", "wscc"])
# "im 12 wait no 13", "14, sorry i mean 15": the age said last, after a correction, is meant
# "im 12 wait no 13", "i am 41 sorry typo 14", "31 oops 13 lol": a number taken back and
# another said in its place, with only words of correcting between them.
_AGE_CORRECTED = re.compile(r"\b(\d{1,2})((?: [a-z]+){1,5}) (\d{1,2})\b")
_CORRECTING_WORDS = frozenset(
    {"wait", "oops", "whoops", "sorry", "sry", "soz", "actually", "mean", "meant", "typo", "bad"}
    | {"correction"}
)
_BETWEEN_CORRECTIONS = _CORRECTING_WORDS | frozenset(
    [
        "oh",
        "hang",
        "on",
        "no",
        "i",
        "am",
        "im",
        "m",
        "my",
        "bad",
        "lol",
        "haha",
        "its",
        "it",
        "is",
        "not",
        "a",
        "the",
        "ah",
        "turned",
        "just",
        "now",
        "actually",
    ]
)


def _corrected_age(plain: str) -> tuple[int, int] | None:
    """The age taken back and the one said instead, if the message corrects an age."""
    for found in _AGE_CORRECTED.finditer(plain):
        words = found.group(2).split()
        between = set(words)
        said_no = words[-1:] == ["no"]  # "im 12... no 13 sorry": "no" just before the new age
        if (between & _CORRECTING_WORDS or said_no) and between <= _BETWEEN_CORRECTIONS:
            return int(found.group(1)), int(found.group(3))
    return None


YOUNGEST_WHO_TYPES = 6  # an age below this, said with no role, is a child's, not the writer's
_GREETING = re.compile(r"^(?:(?:hi|hello|hey|hiya|yo|ok|okay|so|um|erm|good morning|morning)\s)+")
QUESTION_WORDS = frozenset(
    {"what", "when", "where", "who", "why", "how", "which", "whats", "wheres", "whens", "whos"}
    | {"is", "are", "does", "do", "can", "could", "will", "has", "have"}
)
ADULT_AGE = 16
INTENT_MODEL_MAX_WORDS = 20  # a parent or professional who gives an age under this means a child's
_OWNED_CHILD = re.compile(
    r"\b(?:my|our|his|her|their)\s(?:little\s|baby\s|big\s|twin\s|step\s?)?"
    r"(?:son|daughter|child|kid|boy|girl|brother|sister|sibling|cousin|nephew|niece|friend)s?\b"
)
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
    safety: Verdict = SAFE
    age: int | None = None
    age_band: str | None = None
    child_age: int | None = None
    role: str | None = None
    role_strength: int = 0
    area: str | None = None
    council: str | None = None
    place: str | None = None
    area_ambiguous: bool = False
    area_choices: tuple[str, ...] = ()  # when ambiguous: the areas it could be
    interests: list[str] = field(default_factory=list)
    vague: bool = False  # wants to get involved, but named no topic
    consent: str | None = None  # anonymous | contact | none, from a consent button
    publish: bool | None = None  # from the "may we show your words?" buttons
    route: str | None = None  # from a "tell me more" button: /more{"route": "espcf"}
    route_choices: list[str] = field(default_factory=list)  # routes named in "more about ..."
    asked: AskedAbout | None = None  # a question about one thing in content/answers.yml
    language: str | None = None  # the message is in another language (ISO 639-1)
    plan_mentioned: bool = False  # "my son has an EHCP": their plan, if they name nothing else

    @property
    def starts_with_question(self) -> bool:
        """ "when does the hub open", "is there a forum in Lewes" (not just a question mark)."""
        first = self.normalised.split()[:2]
        return first[1:] != ["not"] and first[:1] != [] and first[0] in QUESTION_WORDS

    @property
    def looks_like_question(self) -> bool:
        """A question mark, or a question word first ("when is the next meeting"); "do not pass
        it on" tells, it does not ask."""
        return "?" in self.text or self.starts_with_question

    @property
    def crisis(self) -> bool:
        """Someone may be in danger: emergency contacts at once, nothing else."""
        return self.safety.danger

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


# Where a feedback statement may start feedback: at the start (the first question is "who are
# you?") and when the bot waits for nothing; how long it must be; and how long a message with a
# question mark must be before it is read as a statement with a question at its end.
STATEMENT_POINTS = frozenset({None, "role"})
STATEMENT_MIN_WORDS = 5
STATEMENT_QUESTION_WORDS = 12
STATEMENT_JUDGING_BAR = 0.5
_JUDGING = re.compile(
    r"\b(?:confusing|confused|complicated|hard to (?:use|find|understand|follow|read|navigate)|"
    r"out of date|outdated|not clear|unclear|"
    r"late|later|delayed|waiting list|wait(?:ed|ing)? (?:for|over|nearly|almost|\d+)|"
    r"(?:over|nearly|almost|more than) (?:a|one|two|\d+) (?:year|years|month|months|week|weeks)|"
    r"nobody|no one|noone|never|not once|cancelled|canceled|ignored|ignore|refused|"
    r"rubbish|awful|terrible|useless|a joke|shocking|disgrace\w*|unacceptable|not ok|not okay|"
    r"not good enough|not fair|unfair|too long|too hard|impossible|broken|"
    r"brilliant|amazing|fantastic|lovely|wonderful|excellent|great job|well done|thank you|"
    r"thanks to|so helpful|really helpful|really kind)\b"
)
# Needs of one's own: "I have autism myself", "I'm autistic", "diagnosed with ADHD as an adult"
_OWN_NEEDS = re.compile(
    r"\b(?:i have|ive got|i got|i was diagnosed with|diagnosed with) (?:\w+ )?(?:autism|adhd|add|"
    r"dyslexia|dyspraxia|a learning disability|learning difficulties|asd|asc|cerebral palsy|"
    r"epilepsy|tourettes|ocd|fasd)\b(?: (?:myself|too|as well|as an adult))?"
    r"|\bi am (?:autistic|dyslexic|dyspraxic|deaf|blind|disabled)(?: myself)?\b"
    r"|\b(?:autistic|dyslexic|dyspraxic|disabled|autism|adhd|dyslexia) myself\b"
    r"|\b(?:an |a )?(?:autistic |disabled )?adult with (?:autism|adhd|add|dyslexia|dyspraxia|a "
    r"learning disability|learning difficulties|asd|asc|send|sen|additional needs)\b"
    r"|\b(?:i am |im )?(?:an |a )?(?:autistic|disabled|neurodivergent) adult\b"
    r"|\badult with (?:my |my own |own |some )?(?:needs|send|sen|additional needs|disabilit\w+)\b"
    r"|\bmy own (?:needs|send|sen|additional needs|disability|disabilities|diagnosis)\b"
)
# A condition or a disability named by a grown-up who names no child: "I'm 40 and was
# diagnosed autistic last year", "35, ADHD, not a parent", "I am 60, I use a wheelchair"
_A_CONDITION = re.compile(
    r"\b(?:autism|autistic|adhd|add|asd|asc|dyslexia|dyslexic|dyspraxia|dyspraxic|dyscalculia|"
    r"learning disabilit(?:y|ies)|learning difficult(?:y|ies)|cerebral palsy|epilepsy|epileptic|"
    r"tourettes|ocd|fasd|deaf|blind|disabled|a disability|wheelchair|visually impaired|"
    r"hearing impaired|neurodivergent|my own needs|additional needs|send|sen)\b"
)
_OTHER_PEOPLE = re.compile(
    r"\b(?:kids|children|child|pupils|students|young people|families|clients|patients|class|"
    r"classes|teens|adults with|people with)\b"
)  # "I'm 30 and work with autistic kids": someone else's needs
_COMPLAINING = re.compile(
    r"\b(?:do not|does not|did not|dont|doesnt|didnt|will not|wont|cannot|cant|can not) "
    r"(?:get it|get (?:me|my|him|his|her|them|their)|understand|listen|help|care|support|"
    r"know how|let)\b|"
    r"\b(?:not|never|no) (?:understand|understanding|listen|listening|help|helping|care|"
    r"support)\b|"
    r"\b(?:struggl\w*|problems?|issues?|bullied|bullying|exclud\w*|exclusions?|suspend\w*|"
    r"kicked out|off ?roll\w*|reduced timetable|part time timetable|no help|no support)\b|"
    r"\b(?:send|sends|sent|sending) (?:him|her|them|me|my \w+) home\b|"
    r"\b(?:do not|does not|did not|dont|doesnt|didnt) (?:have|offer|provide|run|give|do)\b|"
    r"\b(?:is not|isnt|are not|arent|was not|wasnt|not|never|stopped) (?:following|sticking to|"
    r"doing what|reading|using|updating|keeping to)\b|"
    # left out: "I wasn't asked anything", "we were never consulted"
    r"\b(?:was not|wasnt|were not|werent|was never|were never|have not been|havent been|has not "
    r"been|hasnt been|never been|not been) (?:asked|consulted|involved|invited|included|told|"
    r"listened to|heard)\b|"
    r"\b(?:too (?:much|loud|noisy|busy|far|big|small|hot|cold|bright|crowded|slow)|not enough|"
    r"there is no|there are no|has no|have no|bare long|so long|ages)\b"
)
# A question about something names what they want to know about ("is there a template for an
# individual learning plan?", "how do i get into the family hub?").
_ASKING_ABOUT = re.compile(
    r"(?:^|\s[.,]\s)(?:(?:hi|hello|hey|so|ok|um|please)\s)*(?:any (?:groups?|clubs?|meet ?ups?|"
    r"coffee mornings?|support groups?|panels?|forums?)|is there|are there|how (?:do|can|could|"
    r"would) (?:i|we)|where (?:do|can|could) (?:i|we)|can (?:i|we|you)|could (?:i|we|you)|who "
    r"(?:do|can) (?:i|we)|what (?:is|are|about)|do you know|(?:does|do|has|have|did|will|would) "
    r"(?:my|our|his|her|the|their|your|a|any)\b)\b"
)
# How someone found the bot is not what they want a say about: "heard about young voices from
# someone at college", "my school told me about this", "the GP gave us the link".
_HEARD = frozenset(
    [
        "heard",
        "hear",
        "found",
        "saw",
        "seen",
        "read",
        "learnt",
        "learned",
        "told",
        "sent",
        "given",
        "recommended",
        "pointed",
    ]
)
_FROM = frozenset(["from", "at", "by", "through", "via", "in"])
_BEING = frozenset(["be", "being", "been", "get", "getting", "feel", "not", "never", "is", "are"])
_TOLD_ME = re.compile(
    r"\b(?:told|tell|tells|sent|send|gave|give|gives|showed|shown|pointed|recommended|"
    r"suggested|mentioned)(?: (?:me|us|my \w+))?(?: (?:about|to|towards|at))? (?:this|you|it|"
    r"here|the link|a link|this link|this bot|the bot|this chat|young voices|the forum)\b"
)


# Their own school year: "year 9 at a school in hailsham", "im in yr 10"
_OWN_SCHOOL_YEAR = re.compile(
    r"^(?:(?:hi|hey|hello|hiya|so|ok)\s)*(?:i am\s)?(?:in\s)?year\s\d{1,2}\b"
    r"|\bi am (?:in )?year\s\d"
)
_DENIAL_ENDS = frozenset(
    [",", ".", "just", "but", "i", "im", "of", "about", "with", "for", "fan", "good", "bad"]
    + ["great", "big", "real", "proper", "very", "huge", "problem", "issue", "place", "way"]
)


def _denied_roles(words: Sequence[str]) -> set[int]:
    """Who the person says they are not ("not a parent or a teacher, just a neighbour") names
    no interest."""
    found: set[int] = set()
    for index, word in enumerate(words[:-1]):
        if word == "not" and words[index + 1] in ("a", "an", "the", "his", "her"):
            for after in range(index + 2, min(index + 8, len(words))):
                if words[after] in _DENIAL_ENDS:
                    break
                found.add(after)
    return found


def _where_they_heard(words: Sequence[str]) -> set[int]:
    """Token positions that only say where the person heard of the bot or a group."""
    found: set[int] = set()
    for index, word in enumerate(words):
        if word in _HEARD and (index == 0 or words[index - 1] not in _BEING):
            for after in range(index + 1, min(index + 8, len(words))):
                if words[after] in (",", "."):
                    break
                if words[after] in _FROM:
                    found.update(range(after + 1, min(after + 5, len(words))))
                    break
    joined = " ".join(words)
    for match in _TOLD_ME.finditer(joined):
        before = joined[: match.start()].split()
        start = max(0, len(before) - 6)  # "my school", "the nurse at his gp"
        for position in range(len(before) - 1, start - 1, -1):
            if before[position] in (",", ".", "and", "but"):
                start = position + 1  # only the clause that tells
                break
        found.update(range(start, len(before)))
    return found


_RELATIVES_WHO_MAY_NOT_CARE = frozenset(
    ["grandad", "granddad", "grandpa", "grandfather", "grandma", "gran", "granny", "nan", "nana"]
    + ["nanna", "nanny", "grandmother", "grandparent", "aunt", "auntie", "aunty", "uncle"]
)
# "my grandson has autism": said by a grandparent (or an aunt or uncle)
_GRANDCHILDREN = frozenset(
    ["grandson", "granddaughter", "grandchild", "grandchildren", "grandkids", "grandsons"]
    + ["granddaughters", "nephew", "niece", "nephews", "nieces"]
)
_NOT_CARING = re.compile(
    r"\b(?:do not|dont|does not|doesnt|never|no longer|not) (?:live with|look after|care for) "
    r"(?:him|her|them)\b|\bnot (?:his|her|their|the) (?:main |full time |primary )?carer\b"
    # someone else does the caring: "my daughter does the caring", "his mum looks after him"
    r"|\b(?:his|her|their|my|the) (?:mum|mom|dad|mother|father|daughter|son|parents|mam)\b"
    r"(?: [a-z]+){0,2} (?:does|do|did) (?:all |most |most of |the most of )?(?:the caring|the "
    r"care|it|everything|the looking after)\b"
    r"|\b(?:his|her|their) (?:mum|mom|dad|mother|father|parents|mam)(?: and (?:dad|mum|mom|"
    r"father|mother))? (?:looks|look|cares|care) (?:after|for) (?:him|her|them)\b"
    r"|\bjust (?:interested|curious|looking|wondering|nosy|nosey)\b"
)
# A mention of the person's or their child's plan: "my son has an EHCP"
_PLAN_MENTION = re.compile(
    r"\b(?:ehcp|ehcps|ehc plan|ehc plans|education health and care plan|support plan|ilp|"
    r"individual learning plan)\b"
)
_TERSE_CLAUSE = re.compile(r"[.!;\n]+")
# Wanting to understand what the family lives with, not caring for the child: "I'm an aunt, I
# just want to understand what my sister is going through" (unless they say they care too)
_ONLY_LEARNING = re.compile(
    r"\b(?:want|wanted|trying|hoping|like) to (?:understand|learn about|learn more|know more|find "
    r"out more|support my (?:sister|brother|daughter|son))\b|\bwhat my (?:sister|brother|"
    r"daughter|son|niece|nephew) (?:is|has been|are|have been) going through\b"
)
# Saying they care for the child: "I look after him full time", "special guardianship", "she
# lives with us", "bringing up my grandson" (a grown-up brother or sister who says so is not
# taken for "other")
_CARING = re.compile(
    r"\b(?:look|looks|looking|looked) after\b|\bcar(?:e|es|ing) for\b|\bcarer\b|\bguardian\w*|"
    r"\b(?:take|takes|taking|took) care of\b|\b(?:full|have|has|got|had) care of\b|"
    r"\bcustody\b|\bkinship\b|\bfoster\w*|\badopt\w*|\bin my care\b|\bfull time\b|"
    r"\b(?:lives?|living|lived|stays?|staying|been) with (?:me|us)\b|\b(?:live|living) with "
    r"(?:him|her|them|my|our)\b|"
    r"\b(?:bringing|bring|brought|raising|raise|raised) (?:him|her|them|up|my|our)\b|"
    r"\b(?:have|had|got|has|i have) (?:him|her|them|my \w+|our \w+|the \w+) (?:\d|most|every|at|"
    r"for|three|two|four|half|a lot|some|during|after|before|while|when)\b|"
    r"\bhelp(?:ing|s)? (?:my|his|her|their) \w+ (?:with|look after|care for)\b|"
    r"\bhelp(?:ing)? (?:to )?(?:look after|care for)\b"
)
# "I'm his big sister", "I'm the older brother (30) of someone with SEND"
_SIBLING = re.compile(
    r"\b(?:i am|im|i m) (?:his|her|their|the) (?:big |older |elder |little |younger |twin )?"
    r"(?:sister|brother|sibling|sis|bro)\b"
)
_WHAT_THERE_IS = re.compile(
    r"^(?:(?:hi|hello|hey|so|ok|um|please)\s)*(?:is there|are there|is anything|anything|any|"
    r"what is there|whats there|what groups|what support)\b"
)
# "can i be a young inspector?", "can we join": asking to take part names what in
_CAN_I = re.compile(r"\b(?:can|could|may) (?:i|we|my \w+) (?:be|become|join|do|help|get into)\b")
# "I'd like to be a rep on a board", "I'd love parents to be part of it": wanting to take part,
# which the routes answer, not a view to pass on.
_TAKING_PART = re.compile(
    r"\b(?:like|love|want|wanna|wants|keen|interested|hoping|hope)(?: [a-z]+){0,4}? "
    r"(?:to be|to join|to help|to take part|to get (?:more )?involved|to sit on|to become|"
    r"to have a say|in joining|in helping|in being|in taking part)\b"
    r"|\bhow (?:i|we|they|you|families|parents|people|others) (?:can|could) (?:get (?:more )?"
    r"involved|join|help|take part|have a say)\b"
    r"|\b(?:looking for|want to know|wanting to know|need to know) (?:the )?(?:best )?(?:ways?|"
    r"how)(?: to| families| parents| young people| we| i)\b"
    r"|\bhow (?:families|parents|carers|young people|children|kids|pupils|patients) (?:can|"
    r"could) (?:input|get involved|have a say|take part|give (?:their )?views|join)\b"
)
# "..., does that go to the same place as this?", "... How do we hear from families?": a
# statement that ends by asking something ("how is that acceptable?" and "why does nobody
# answer?" are still feedback).
_ASKS_AT_THE_END = re.compile(
    r"(?:^|[.,;:!?\n-]\s*)(?:so |and |but )?(?:does|do|is|are|can|could|will|would|should|where|"
    r"who|what|whats|when|which|am|have|has|did|how (?:do|does|can|could|would|should|will) (?:i|"
    r"we|you|they|families|parents|people))\b[^.,;:!?]*\?"
)


_TAKING_BACK = (("just", "kidding"), ("only", "joking"), ("just", "joking"), ("only", "kidding"))


def _taken_back(words: list[str]) -> int:
    """Where what is meant starts, after the last "just kidding" that has words after it."""
    start = 0
    for index in range(len(words) - 2):
        if (words[index], words[index + 1]) in _TAKING_BACK:
            start = index + 2
    return start if start < len(words) else 0


class Understander:
    """Built once at start-up from the NLU examples, synonyms and the gazetteer."""

    def __init__(
        self,
        *,
        intent_examples: Mapping[str, Iterable[str]],
        synonyms: Mapping[str, Iterable[str]],
        places: Mapping[str, Iterable[str]],
        needs_context: Iterable[str],
        safety: SafetyCheck | None = None,
        postcodes: PostcodeBook | None = None,
        answer_names: Mapping[str, Iterable[str]] | None = None,
        answer_texts: Mapping[str, str] | None = None,
        languages: Iterable[str] = (),
        intent_model: LinearTextModel | None = None,
        topic_model: LinearTextModel | None = None,
        statement_model: LinearTextModel | None = None,
    ):
        self.safety = safety or SafetyCheck.load()
        self._intent_model = intent_model or load_intent_model()
        self._topic_model = topic_model or load_topic_model()
        self._statement_model = statement_model or load_statement_model()
        self._statement_bar = threshold(self._statement_model)

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
        self._place_names = {clean([name])[0]: name for names in places.values() for name in names}
        self.gazetteer = Gazetteer(
            {council: clean(names) for council, names in places.items()},
            clean(needs_context),
            postcodes,
        )
        self._questions = QuestionReader(
            [
                (phrase, answer_id)
                for answer_id, names in (answer_names or {}).items()
                for phrase in clean(names)
            ],
            {answer_id: tokenise(text) for answer_id, text in (answer_texts or {}).items()},
        )
        vocabulary: set[str] = set(NUMBER_WORDS) | set(CHILD_NOUNS)
        vocabulary |= self._roles.words() | self._interests.words() | self.gazetteer.words()
        vocabulary |= self._questions.words()
        for phrases in intent_examples.values():
            for phrase in clean(phrases):
                vocabulary.update(phrase.split())
        # the longer words the complaint patterns look for ("lisen" is "listen"; not short ones
        # such as "were", which "weve" is not)
        for pattern in (_COMPLAINING, _JUDGING):
            vocabulary.update(re.findall(r"(?<![\\?])\b[a-z]{6,}\b(?!\\w)", pattern.pattern))
        self._speller = Speller(vocabulary)
        self._languages = LanguageGuesser(languages, vocabulary)

    def _topics_said_alone(self, text: str) -> set[str]:
        """Interests named as a whole clause of one or two words: "mum. autism. school."."""
        found: set[str] = set()
        for clause in _TERSE_CLAUSE.split(text):
            words = digits(without_boundaries(tokenise(clause))).split()
            if 1 <= len(words) <= 2:
                found.update(find_interests(words, self._interests, asking=True, ignore=set()))
        return found

    def topic_of(self, text: str) -> str | None:
        """What a piece of feedback is about, when its words say so clearly."""
        return topic_of(self._topic_model, text)

    def place_name(self, place: str) -> str:
        """A place as the gazetteer spells it ("Brighton and Hove", "Shoreham-by-Sea")."""
        return self._place_names.get(
            place,
            place.upper()
            if place[:1].isalpha() and any(ch.isdigit() for ch in place)
            else place.title(),
        )

    def profile_words(self, understood: Understanding) -> list[str]:
        """Words of a message that only say who and where the person is."""
        words = (understood.place or "").split()
        if understood.role:
            words += [w for w in understood.normalised.split() if w in self._role_words]
        return words

    def understand(
        self, text: str, *, asking: str | None = None, known_role: str | None = None
    ) -> Understanding:
        """Read one message; ``asking`` is the question the bot is waiting on, if any, and
        ``known_role`` who the person already said they are."""
        payload = parse_payload(text)
        if payload is not None:
            return self._from_payload(text, payload.intent, payload.entities)

        safety = self.safety.check(text)  # first: the engine answers danger before anything
        tokens = tokenise(text)
        plain = digits(without_boundaries(tokens))
        corrected_tokens = self._speller.correct_tokens(tokens)
        marked = digits(" ".join(corrected_tokens))
        corrected = digits(without_boundaries(corrected_tokens))
        words = marked.split()
        taken_back = _taken_back(words)
        if taken_back:  # "im a parent. jk im 14": what came before the joke is not meant
            words = words[taken_back:]
            marked = " ".join(words)
        result = Understanding(text=text, normalised=corrected, safety=safety)
        result.intent = self._read_intent(
            corrected,
            plain,
            digits(" ".join(tokens)),
            question=result.looks_like_question,
            model=asking not in ("feedback_text", "consent", "contact_detail"),
        )
        result.asked = self._questions.read(words, question_mark="?" in text)

        role = find_role(
            words,
            self._roles,
            asking_role=asking == "role",
            asking_other=asking not in (None, "role"),
        )
        if role is not None:
            result.role, result.role_strength = role.role, role.strength
            if (
                role.role == "parent_carer"
                and (
                    _RELATIVES_WHO_MAY_NOT_CARE.intersection(words[role.start : role.end])
                    or (role.start == role.end and _GRANDCHILDREN.intersection(words))
                )
                and (
                    _NOT_CARING.search(plain)
                    or (_ONLY_LEARNING.search(plain) and not _CARING.search(plain))
                )
            ):
                # "I'm his grandad in Bexhill, I don't live with them", "my daughter does the
                # caring": family, not the child's carer
                result.role = "other"
        ages = find_ages(
            marked,
            asking_age=asking == "age",
            speaker_is_parent=result.role in ("parent_carer", "professional"),
        )
        result.age, result.child_age = ages.speaker, ages.child
        corrected_age = _corrected_age(plain)
        if corrected_age and result.age == corrected_age[0]:
            result.age = corrected_age[1]  # "im 12 wait no 13 now"
        self._whose_age(result, words, asking, role, known_role)
        if ages.band and (asking == "age" or result.role in (None, "young_person")):
            result.age_band = ages.band
        if (
            result.age is not None
            and result.age < YOUNGEST_WHO_TYPES
            and result.role is None
            and asking != "age"
        ):
            # "Hove BN3, 5yo with speech delay": a child that young is who they write about
            result.child_age, result.age, result.age_band = result.age, None, None
            result.role, result.role_strength = "parent_carer", WEAK
        if result.age is not None and result.role is None and result.age <= YOUNG_PERSON_MAX_AGE:
            result.role, result.role_strength = "young_person", WEAK
        if result.role is None and result.child_age is None and _OWN_SCHOOL_YEAR.search(plain):
            result.role, result.role_strength = "young_person", WEAK  # "year 9 at a school in..."
        grown_up = result.age is not None and result.age > YOUNG_PERSON_MAX_AGE
        if (
            grown_up
            and result.role == "young_person"
            and result.child_age is None
            and _A_CONDITION.search(plain)
        ):
            result.role = None  # "im not a parent, im the one with dyspraxia, im 30"
        own_needs = _OWN_NEEDS.search(plain) if result.role is None else None
        if (
            result.role is None
            and grown_up
            and own_needs is None
            and result.child_age is None
            and not _OTHER_PEOPLE.search(plain)
        ):
            own_needs = _A_CONDITION.search(plain)
        if own_needs and (grown_up or (result.age is None and "adult" in own_needs.group())):
            # "I am 44 and I have autism myself", "an adult with ADHD, not a parent": a
            # grown-up with their own needs (at 24 they are a young person, as Young Voices is
            # for 11 to 25)
            result.role, result.role_strength = "other", STRONG
        if (
            (result.role is None or result.role_strength == WEAK)
            and (result.age is None or result.age >= 18)
            and _SIBLING.search(plain)
            and not _CARING.search(plain)
        ):
            # "I'm his big sister, I'm 23, I want to help my brother get heard": family
            result.role, result.role_strength = "other", STRONG
        if result.age_band == "under_11" and result.role is None:
            result.role, result.role_strength = "young_person", WEAK

        place = self.gazetteer.find(words, asking_area=asking == "area")
        if place is not None:
            result.place = place.place
            result.council = place.council
            result.area = place.area
            result.area_ambiguous = place.area is None
            result.area_choices = place.choices

        if (
            result.role is None
            and place is not None
            and place.start == 0
            and words[place.end : place.end + 1] in _PARENT_AFTER_PLACE
        ):
            result.role, result.role_strength = "parent_carer", STRONG  # "East Sussex mum - ..."
        ignore = (
            range(role.start, role.end)
            if role
            and role.strength == STRONG
            and (role.role != "professional" or asking == "role" or len(words) < 6)
            else None
        )  # "my son's teacher" is a parent, not school; "GP in Hailsham, parents ask me..."
        # works on health (but "social worker", or "I work for the NHS" alone, is asked what
        # they want to work on)
        ignore_at = set(ignore or ()) | _where_they_heard(words) | _denied_roles(words)
        interests = find_interests(
            words, self._interests, asking=asking == "interests", ignore=ignore_at
        )
        # a complaint about a topic says what they want a say about ("ppl at school dont get
        # it"); a mention alone does not ("she is at college")
        wanting = (
            bool(_WANTING.intersection(words))
            or "involved" in words
            or _JUDGING.search(plain) is not None
            or _COMPLAINING.search(plain) is not None
            or _ASKING_ABOUT.search(marked) is not None
            or _CAN_I.search(plain) is not None
        )
        if asking == "interests" or wanting or result.role == "professional":
            # a professional's own field is what they work on ("GP in Eastbourne", "SENCO")
            result.interests = interests
        elif interests:
            # a topic said as a clause of its own, in a terse list ("BN17. mum. autism.
            # school."), is what they want a say about
            alone = self._topics_said_alone(text)
            result.interests = [interest for interest in interests if interest in alone]
        if (
            not result.interests
            and asking in (None, "role", "age", "area")
            and result.role in (None, "parent_carer", "young_person")
            and _PLAN_MENTION.search(plain) is not None
        ):
            result.plan_mentioned = True  # "my son has an EHCP": the interests question is
            # still asked; skipped, it is their plan
        result.vague = (
            asking == "interests"
            and not interests
            and (wanting or bool(_VAGUE.intersection(words)))
        )
        if (
            result.starts_with_question
            and result.role_strength == WEAK
            and result.age is None
            and asking != "role"
        ):
            result.role = None  # "what's the number for the senco at my school?": not a role
        if (
            result.starts_with_question
            and result.role is None
            and result.age is None
            and asking not in ("area", "interests")
        ):
            # "when does the hub in Bognor open?": a place or a topic in a question is what
            # they ask about, not where they live or what they want a say about; but "I'm in
            # Hailsham" after the question says where they live
            lives_there = result.place is not None and (
                re.search(rf"{_LIVING_IN} {re.escape(result.place)}\b", plain)
                # "is there anything for young people in east sussex": a question about the
                # whole county they are in
                or result.place.lower() in _COUNTIES
                # "is there a parent carer forum for Bexhill?": asking what there is near
                # them (not "when does the hub in Bognor open?")
                or (
                    _WHAT_THERE_IS.match(plain) is not None
                    and re.search(rf"\b(?:for|in|near|around) {re.escape(result.place)}\b", plain)
                )
            )
            if not lives_there:
                result.area = result.council = result.place = None
            result.area_ambiguous, result.area_choices, result.interests = False, (), []
        strong_facts = result.has_profile_facts() and not (
            result.role_strength == WEAK and result.age is None and not result.area
        )
        if strong_facts and (
            result.intent in ("greet", "affirm", "deny") or result.intent in MODEL_INTENTS
        ):
            result.intent = None  # "why? Hailsham", "ok parent": the facts are the answer
        if not text.isascii() and not text.startswith("/"):
            # Another alphabet or accents: ask whatever was read from it ("la maman d'un
            # enfant" as a parent, "est-ce que" as a question): a reply in that language wins.
            result.language = self._languages.guess(text)
            if result.language is not None:
                result.intent = result.asked = None
        elif (
            result.asked is None
            and not result.has_profile_facts()
            and (result.intent is None or not text.startswith("/"))
        ):
            # "je peux donner mon avis": the intent model may read "feedback" into it
            result.language = self._languages.guess(text)
            if result.language is not None:
                result.intent = None
        if result.asked is not None and result.intent in ("help", "why"):
            result.intent = None  # "what is WSPCF": the answer about it, not the help text
        if self._says_feedback(result, plain, asking):
            result.intent = "feedback"
        return result

    def _says_feedback(self, result: Understanding, plain: str, asking: str | None) -> bool:
        """A view about a service said straight out, where the bot is not waiting for an
        answer to something else ("CAMHS discharged my son without telling us"): feedback,
        though the person did not ask to give it. Questions are not ("why did CAMHS...")."""
        words = plain.split()
        if (
            result.intent is not None
            or result.asked is not None
            or result.language is not None
            or asking not in STATEMENT_POINTS
            or len(words) < STATEMENT_MIN_WORDS
            or result.starts_with_question
            or ("?" in result.text and len(words) < STATEMENT_QUESTION_WORDS)
            or _ASKS_AT_THE_END.search(result.text.lower()) is not None
            or _TAKING_PART.search(plain) is not None
        ):
            return False
        judging = _JUDGING.search(plain) is not None
        says_who = result.role_strength == STRONG or result.age is not None
        if says_who and result.area:
            # "mum in Horsham, my son is 9, the school is rubbish": an introduction first; the
            # routes come, and "give feedback" is one tap away from them
            return False
        p_feedback = self._statement_model.predict(plain)[FEEDBACK]
        if p_feedback >= self._statement_bar:
            return True
        # a lower bar when the words judge how a service did: late, a wait, nobody, brilliant
        return judging and p_feedback >= STATEMENT_JUDGING_BAR

    def _read_intent(
        self, corrected: str, plain: str, marked: str, *, question: bool, model: bool = True
    ) -> str | None:
        """Exact commands first; then a request to give feedback; then the intent model, for
        questions and small talk said in any words."""
        intent = self._intents.match(corrected) or self._intents.match(plain)
        if intent is None and _GREETING.match(corrected):
            intent = self._intents.match(_GREETING.sub("", corrected))  # "hello, how does it work"
        if intent in ("forget", "restart", "back", "help", "skip", "more"):
            return intent
        if asks_to_give_feedback(marked):
            return "feedback"
        if intent is not None:
            return intent
        if not model or plain.count(" ") >= INTENT_MODEL_MAX_WORDS:
            return None  # small talk and questions to the bot are short; answers to "may I
            # pass this on?" are read by bot/engine/nlu/consent.py instead
        prediction = self._intent_model.predict(plain)
        best = max(MODEL_INTENTS, key=prediction.__getitem__)
        enough = QUESTION_THRESHOLD if question and best.startswith("ask_") else THRESHOLD
        return best if prediction[best] >= enough else None

    @staticmethod
    def _whose_age(
        result: Understanding,
        words: list[str],
        asking: str | None,
        role: RoleFact | None,
        known_role: str | None,
    ) -> None:
        """A parent or a professional is not 8 or in year 6: a young age in their message is a
        child's, and so is a parent's answer of "9" or "he is 9" to "how old are you?". A young
        person who says "I'm the kid, 14" is the child they talk about."""
        said_by_an_adult = asking != "age" and result.role in ("parent_carer", "professional")
        asked_an_adult = (
            asking == "age"
            and known_role in ("parent_carer", "professional")
            and not (result.role == "young_person" and result.role_strength == STRONG)
        )
        if (
            result.age is not None
            and result.age < ADULT_AGE
            and (said_by_an_adult or asked_an_adult)
        ):
            parent = (known_role if asking == "age" else result.role) == "parent_carer"
            if parent and result.child_age is None:
                result.child_age = result.age
            result.age = None
        if (
            result.age is None
            and result.child_age is not None
            and role is not None
            and role.role == "young_person"
            and role.strength == STRONG
            and not _OWNED_CHILD.search(" ".join(words))
        ):
            result.age, result.child_age = result.child_age, None

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
        if isinstance(entities.get("ok"), bool):
            result.publish = entities["ok"]
        if isinstance(entities.get("route"), str):
            result.route = entities["route"]
        interests = entities.get("interests")
        if isinstance(interests, str):
            interests = [interests]
        if isinstance(interests, list):
            result.interests = [i for i in INTERESTS if i in interests]
        if intent == "inform" and result.has_profile_facts():
            result.intent = None
        return result
