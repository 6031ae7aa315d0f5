"""Does a message ask to give feedback, or say something for a team to hear?

Feedback starts only when a person asks for it ("I want to complain about the transport",
"feedback: the portal logs us out", "can you tell the council the ramp is broken", "pass on a
thank you to the SEND officer"), never because a message merely mentions complaining ("my dad
said use this coz I moan about school") or asks how feedback works ("how can parents give
their views?", "does anyone read complaints?"). The patterns read normalised text: lower
case, "I'd" written out, clause marks dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_GREETING = re.compile(r"^(?:(?:hi|hello|hey|hiya|yo|morning|good morning|ok|okay|so|um|erm)\s)+")
_SENDING = (
    r"(?:(?:give|leave|send|share|post|add|submit|pass on) (?:my |our |some |a |an |this |"
    r"any |the |a bit of |a little )?(?:feedback|views?|opinions?|thoughts|comments?|complaints?|"
    r"praise|thanks|experiences?|story|suggestions?|review|message)|"
    r"(?:make|raise|put in|file|log|lodge|register) (?:a |an |my |our |some |this )?"
    r"(?:complaint|comment|suggestion|point|concern|issue|problem|report)s?|"
    r"(?:voice|express) (?:my |our |some )?(?:concerns?|views?|opinions?|thoughts|worries)|"
    r"report|feed back|feedback|complain|moan|thank|praise|compliment|flag|point out|mention|"
    r"say something|tell you something|say (?:that|how|what|the|my|our)|"
    r"tell (?:someone|somebody|the|them|east|west|nhs|council|school|college)|"
    r"let (?:someone|somebody|the|them|you|whoever|people|staff|east|west|nhs|council|"
    r"school)(?: [a-z]+){0,3} know|"
    r"pass (?:a |my |this |the |our )?(?:message|note|word|comment|complaint|thanks) on)"
)
_WANTING = r"(?:want|wanna|would like|need|wish|am going|have got|would love|am writing|am here)"
_FEEDBACK_NOUNS = (
    r"(?:feedback|complaint|complaints|comment|comments|suggestion|suggestions|compliment|"
    r"review|concern|concerns|moan|opinion|views|thoughts|experience|praise|issue|problem)"
)
_TEAMS = (
    r"(?:the|my|our|his|her|their|east|west|nhs|council|school|college|team|teams|them|"
    r"someone|somebody|whoever|people|staff|camhs|send|local offer|this|it|on)"
)
_PATTERNS = [
    # I want to complain / I'd like to leave a comment / we need to report ...
    rf"\b(?:i|we)(?: [a-z]+)? {_WANTING} (?:to |2 )?{_SENDING}\b",
    # I want my view heard / we want our voices listened to
    rf"\b(?:i|we)(?: [a-z]+)? {_WANTING} (?:my|our) (?:views?|voices?|opinions?|thoughts|say|"
    r"side|story) (?:to be )?(?:heard|listened to|passed on|known|taken seriously)\b",
    # can I leave some feedback / could we make a complaint
    rf"^(?:can|could|may|please can|please could) (?:i|we) {_SENDING}\b",
    # please tell the council ... / can you pass this on to the NHS / let East Sussex know
    rf"^(?:please |pls |plz |can you |could you |would you |will you |can you please |"
    rf"could you please )?(?:tell|let|pass|inform|remind|forward|send|ask) {_TEAMS}\b",
    # (I) want to give feedback on ... / need to report ...
    rf"^(?:just |really |also )?(?:want|wanna|would like|need|wanted|wish) (?:to )?{_SENDING}\b",
    # a message for whoever runs the Local Offer: ... / note to the SEND team
    r"^(?:a |my |quick |urgent )?(?:message|note|msg) (?:for|to) ",
    # feedback: ... / complaint about ... / a comment on the website
    rf"^(?:a |my |some |quick |small |little )?{_FEEDBACK_NOUNS}(?: about| on| for| re| regarding|"
    r" that| is)?\b",
    # I have some feedback / I have got a complaint / my feedback is
    r"\b(?:i|we) (?:have|have got|got) (?:a |an |some |one |two |a few |a quick |a small )?"
    r"(?:bit of )?(?:feedback|complaint|comment|suggestion|compliment|concern)s?\b",
    r"\bmy (?:feedback|complaint|comment|suggestion) (?:is|would be)\b",
    # pass on a big thank you to ... / thank the staff from me
    r"\b(?:pass|send|give) (?:on )?(?:a |my |our )?(?:big |huge |massive )?"
    r"(?:thank you|thanks) to\b",
    r"\bthank .{1,40} from (?:me|us)\b",
    # my views passed on / pass this on to the council / send a message to the people in charge
    r"\b(?:views?|feedback|comments?|thoughts|this|it|complaint|message)(?: to be)? passed on\b",
    r"\bpass (?:this|it|my views|my feedback|that) on\b",
    r"\bpass (?:a |my |this |the |our )?(?:message|note|comment|complaint|thanks) on\b",
    r"\bsend (?:a |my |this )?message to\b",
    # I want someone at the council to know / I want them to hear
    # (a wish that they "listen more" is a wish to be heard, which the routes answer)
    rf"\b(?:i|we) {_WANTING} {_TEAMS}(?: [a-z]+){{0,4}} to (?:know|hear|listen|see)\b"
    r"(?! (?:more|better|properly|to (?:me|us|kids|children|young people|parents)(?: more)?)$)"
    r"(?!$)",
]
_REQUEST = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))
# Questions about how feedback works, or about other people giving it.
_ASKING_HOW = re.compile(
    r"^(?:how|what|whats|where|why|does|do|is|are|when|who|which|will|would)\b"
    r"(?! (?:i|we) (?:give|leave|send|make) (?:some |a |my )?(?:feedback|complaint))"
)


_CLAUSES = re.compile(r"\s*[?.!]\s*")
# "can I give feedback later, once I've looked around?": asking whether they may, not now.
_NOT_NOW = re.compile(
    r"\b(?:later|another time|some other time|in a bit|in a while|tomorrow|next time|"
    r"one day|at some point|once i|once we|after i|after we|when i have|when ive|when i ve)\b"
)


def asks_to_give_feedback(normalised: str) -> bool:
    """True when the message asks to give feedback or says something for a team. A question
    about how feedback works does not count, but a request after it does ("how do I give
    feedback? I want to say the waiting list is too long")."""
    for clause in _CLAUSES.split(normalised.strip()):
        text = _GREETING.sub("", clause.strip())
        if (
            text
            and not _ASKING_HOW.match(text)
            and not _NOT_NOW.search(text)
            and _REQUEST.search(text)
        ):
            return True
    return False


def request_start(normalised: str) -> int | None:
    """Where the first request to give feedback starts in the message, or None: "mum in
    Crawley and i want to complain about..." has an introduction before it."""
    found = _REQUEST.search(normalised)
    return found.start() if found else None


# "can I give feedback about it somewhere?", "where can i give my views?": asking whether or
# where they may have a say, in a sentence of its own that ends with a question mark.
_MAY_I = re.compile(
    r"^(?:(?:hi|hey|hello|hiya|so|ok|okay|um|erm|and|but)\s)*(?:can|could|may|where can|where "
    r"could|where do|where would|is there (?:a way|anywhere|somewhere|a place)|are there ways|"
    r"how can|how could|how do) (?:i|we|me)\b"
)
_SAY_WORDS = re.compile(
    r"\b(?:feedback|feed back|views?|opinions?|thoughts|say|complain\w*|comments?|voice|input|"
    r"experiences?|suggestions?)\b"
)
_QUESTION_SENTENCE = re.compile(r"[^.!?]*\?")


def asks_whether_they_may(text: str, normalise: Callable[[str], str]) -> bool:
    """True when a sentence asks whether or where the person may give their views ("can i
    give my views on stuff?"): they have not said them yet."""
    for sentence in _QUESTION_SENTENCE.findall(text):
        plain = normalise(sentence).strip()
        if _MAY_I.match(plain) and _SAY_WORDS.search(plain):
            return True
    return False


# Asking to give a view and naming only its topic: "want to give my opinion on mental health
# services for teens" says what it is about, not what the view is.
_TOPIC_ONLY = re.compile(
    r"\b(?:give|share|have|put|add|get|offer)(?: in)? (?:my|our|some|a|an|your|the|more|a bit "
    r"more|any|a real|a proper|a bigger|much more)? ?(?:opinions?|"
    r"views?|thoughts|say|feedback|input|voice|two pennies|2 pennies)(?: in)? (?:on|about|of|"
    r"regarding|re|into|in|for) [^.?!,]*"
)


def without_topic_only(text: str) -> str:
    """``text`` without "(give my) opinion on <topic>", for counting what else it says."""
    return _TOPIC_ONLY.sub(" ", text)
