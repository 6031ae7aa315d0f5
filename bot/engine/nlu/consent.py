"""A typed answer to "may I pass this on?".

Only an unambiguous yes may store what someone wrote (journey 2). So the answer is read for
three kinds of signal, after the idioms that merely look negative ("no problem", "no
worries", "I don't mind") and the ways of saying "without my name" are taken out:

- yes ("yes", "sure", "go ahead", "pass it on", "no problem");
- no ("no", "don't", "leave it", "rather not", "cancel", "changed my mind");
- unsure ("not sure", "maybe", "idk", "hmm", "I guess", a question).

A yes with nothing against it is a yes (``anonymous``, or ``contact`` when they ask to be
contacted). A no with no yes is ``none``. Anything else is unclear (``None``): the bot asks
once more with buttons, and then takes it as no. That covers a yes mixed with doubt, no signal
at all, and (as SPEC.md says, "an answer with any 'no' in it") any yes or way of saying
"anonymous" with a no, not or never beside it: "yes but no names", "anonymous... actually
no", "not anonymously". A "don't" that says how ("yes, just don't say it's me") is a yes.
One more tap costs little; a no read as a yes cannot be undone.
"""

from __future__ import annotations

import re

from bot.engine.nlu.text import normalise, plain_latin

# Choosing "without my name": a yes on its own.
_ANONYMOUS = re.compile(
    r"\b(?:anonymous\w*|anon|anonymously|no names?|"
    # "without my name or any of my details", "without my name and address"
    r"without (?:my|a|any|any of my|using my|your) (?:full |real |personal |contact )?(?:name|"
    r"names|details|info|information|identity|address|email|number)(?: (?:or|and|nor) (?:my |any "
    r"|any of my |your )?(?:full |real |personal |contact )?(?:name|names|details|info|"
    r"information|identity|address|email|number))*|"
    r"(?:do not|dont|don't|never) (?:use|put|give|share|add|include|say) my name|"
    r"(?:leave|keep) (?:my name|me) out(?: of (?:it|this))?|"
    r"(?:keep|keeping|leave) my (?:name|details|info) (?:out|off)(?: of)?(?: it| this)?|"
    r"not my name|name out of it|"
    r"hide my name|hide who i am|hide my identity|keep who i am (?:private|secret|out of it)|"
    r"(?:can not|cannot|cant|will not|wont|do not|dont) (?:tell|know|see|work out|find out|guess) "
    r"(?:who i am|it is me|its me|it was me|who wrote it|who said it)|"
    r"no details|keep me anonymous|keep (?:it|this|me) (?:anonymous|anon|nameless)|"
    r"(?:stay|remain|be|being|staying|remaining) (?:nameless|anonymous|anon|unnamed)|"
    r"(?:do not|dont|don't) (?:say|tell (?:them|anyone)|mention|show)(?: that)? "
    r"(?:it is|its|it was|it's) (?:me|from me)|"
    r"(?:do not|dont|don't) (?:say|tell (?:them|anyone)) (?:who i am|my name))\b"
)
# Not wanting an answer: says which kind of yes, but is not a yes by itself.
_NO_REPLY = re.compile(
    r"\b(?:(?:do not|dont|no need to|no need for (?:anyone|someone|them) to|no) "
    r"(?:contact|reply to|answer|get back to|ring|call|email) me|"
    r"no (?:contact|reply|answer)(?: needed)?|"
    r"(?:do not|dont|don't|no need to|not)(?: really)?(?: need| want| bothered| fussed)?"
    r"(?: about)?(?: to)? (?:hear|hearing) (?:back|from (?:anyone|anybody|you|them|someone))|"
    r"(?:do not|dont|don't) (?:need|want|expect) (?:a |an |any )?(?:reply|answer|response|"
    r"call back|callback|fuss)|(?:do not|dont|don't) want to (?:make|cause) (?:a |any )?fuss|"
    r"replynotwanted|(?:shall not|shant|will not|wont|won't) (?:be )?(?:need|needing|want|"
    r"wanting) (?:a |an |any )?(?:reply|answer|response)|(?:do not|dont|don't|no need to) "
    r"(?:need to )?be contacted|"
    r"(?:do not|dont|don't) (?:need|want) (?:a |an |any )?(?:anyone |someone |them |you )?"
    r"(?:to )?(?:reply|replying|answer|answering|contact|contacting|get back|getting back|ring|"
    r"ringing|call|calling|phoning|email|emailing|texting)(?: to| me| back)*)\b"
)
# Not wanting a reply, said with a "not" that is no "no": "I'm not after a reply".
_NOT_AFTER_REPLY = re.compile(
    r"\b(?:i am |im |i m )?not (?:after|looking for|expecting|wanting|needing|asking for|bothered "
    r"about) (?:a |an |any )?(?:reply|answer|response|call back|callback|fuss)\b"
)
# A yes phrase that is denied: "do not pass it on", "don't send it".
_DENIED_YES = re.compile(
    r"\b(?:do not|dont|don't|not|never|no)(?: want (?:you )?to| to)? (?:pass (?:it |this )?on|"
    r"send (?:it|this)|share (?:it|this)|pass it|use (?:it|this))\b"
)
_CONTACT = re.compile(
    r"\b(?:contact me|get back to me|reply to me|call me|email me|ring me|text me|answer me|"
    r"phone me|message me|let me know|hear back|an answer|a reply|with my name|"
    r"you can contact|can contact me|contact us|get in touch|reply here|answer here|with contact|"
    r"contact please|contact is fine|contact is ok|contact me is fine|"
    # wanting their answer: "share it and tell me what they say"
    r"tell me what (?:they|you|the team|the school) (?:say|said|think|do|did|decide)|"
    r"tell me (?:if|when|whether|how) (?:it|they|you|the team|someone|anyone|anything)|"
    r"(?:happy|glad|willing|pleased|keen) to (?:talk|speak|chat|meet) (?:to|with) (?:the team|"
    r"them|someone|you|anyone)|want to hear back|like to hear back|"
    r"keep me (?:posted|updated|informed|in the loop)|update me|let me hear)\b"
)
# Phrases with "no" or "not" in them that mean yes, or mean nothing against passing it on.
_YES_IDIOMS = re.compile(
    r"\b(?:no (?:problem|problems|prob|probs|worries|worry|bother|objection|objections)|"
    r"not a problem|(?:do not|dont|don't) mind|why not|no reason not to|"
    r"(?:i am|im) not bothered|not at all bothered)\b"
)
_YES = re.compile(
    r"\b(?:yes|yess+|ys|yse|yees|yeah|yea|yeh|yep|yup|yh|ye|ya|yas+|yaa+s+|aye|ok|okay|okey|oki|"
    r"okie|k|kk|sure|"
    r"fine|go ahead|go on|go for it|pass it on|pass on|send it|do it|please do(?! not)|"
    r"share it|share this|pass it along|pass along|send it on|forward it|"
    r"yes please|alright|happy for (?:it|this|you|them) to|"
    r"all right|of course|definitely|absolutely|certainly|course|by all means|happy to|"
    r"agree|agreed|i agree|that is fine|thats fine|sounds good|good|great|perfect|correct|"
    r"right|consent|i consent)\b|👍|✅|👌"
)
_NO = re.compile(
    r"\b(?:no|na|nope|nah|naa+h?|noo+|not|never|cancel|stop|(?:do not|dont|don't)|"
    r"rather not|leave it|forget it|delete it|scrap it|bin it|keep it|private|"
    r"changed my mind|change my mind|hold on|wait|refuse|without consent|"
    r"non|nein|nie|nu|nao|hayir|nahin)\b|👎|❌"
)
_UNSURE = re.compile(
    r"\b(?:not sure|unsure|maybe|mayb|perhaps|possibly|idk|dunno|do not know|dont know|"
    r"hmm+|umm+|erm+|err+|i guess|guess so|suppose|i suppose|depends|kind of|kinda|sort of|"
    r"later|not now|not yet|not just yet|not right now|think about it|let me think|no idea|"
    r"whatever|if you want|up to you|"
    r"rather not say|"
    # not understanding the question: "I am not understand the question, sorry"
    r"(?:do not|dont|not|no|did not|didnt) (?:really )?(?:understand|understood|get it|get what|"
    r"follow)|confused|what do you mean|what does that mean|"
    # a yes put off until someone else is asked: "I need to check with my manager first"
    r"(?:need|needs|have|has|got) to (?:check|ask|think)|check with|ask my|"
    r"(?:speak|talk) to my|first i (?:need|have|want|must)|before i (?:agree|say|decide|give|"
    r"can|do)|let me (?:check|ask|"
    r"see|get back)|get back to you|come back to (?:you|this|it)|wait|hold on|hang on|"
    r"i do not care|dont care|not bothered|meh|yeah right|yea right|yeh right|like anyone|"
    r"as if anyone|what is the point|whats the point|no point|pointless|waste of time)\b"
    r"|\?|🤔|🤷|🙄|😒"
)
# A yes with a reservation after it ("I don't mind but my husband might", "ok though I'm not
# sure"): unclear. "yes but without my name" is a clear yes: the ways of saying anonymous and
# contact are taken out before this is read, and a polite word may follow.
_RESERVATION = re.compile(r"\b(?:but|though|tho|although|except|however)\b(?P<rest>[^.!?]*)")
_NOTHING_MORE = frozenset(
    [
        "on",
        "it",
        "off",
        "of",
        "from",
        "in",
        "to",
        "please",
        "pls",
        "plz",
        "thanks",
        "thank",
        "you",
        "thx",
        "ta",
        "ok",
        "okay",
        "yes",
        "yeah",
        "sure",
        "that",
        "is",
        "fine",
        "fine",
        "just",
        "and",
        "i",
        "we",
        "want",
        "would",
        "like",
    ]
)


_THUMBS_UP = re.compile(
    r"(?:ok|okay|k|kk|yes|yeah|yep|sure)[ ,.!]*(?:(?:👍|✅|👌|☑️|✔️)[\U0001F3FB-\U0001F3FF]?"
    r"[\s.!]*)+"
)
_CUT_OFF = re.compile(r"\b(?:and|but|or|except|unless|only|if)(?:\s+(?:i|we|you|they|my))?\s*$")
_SYMBOLS = frozenset("?👍✅👌👎❌🤔🤷🙄😒")
# A question, even without a question mark, is not an answer ("will i get in trouble if i say
# yes"); nor is a yes on a condition ("only if my school does not see it").
_ASKING = re.compile(
    r"^(?:what|whats|why|how|who|whos|where|when|which|will|would|does|is|are|can|could|"
    r"should|do (?!not\b|it\b|that\b|so\b)|am i|if)\b"
)
_ON_CONDITION = re.compile(
    # only a part of it: "only the bit about the bus, not the bit about my tutor"
    r"\b(?:only|just|not|but not|except|apart from|without) (?:the|that|this|my) (?:bit|part|bits|"
    r"parts|first|second|last) (?:about|on|where|with|bit|part|sentence|line)\b|"
    r"\b(?:only if|as long as|so long as|provided|on condition|unless|(?<!even )(?<!as )(?<!only )"
    r"(?<!know )(?<!tell me )(?<!see )if(?! (?:you|they|someone|anyone) (?:can|could|are able|"
    r"have time|get (?:a )?(?:chance|time)|reply|replies|answer|answers|respond|responds|"
    r"get back|have questions|need|want)\b)"
    r"(?! (?:that is|thats|that s|it is|its|it s) (?:ok|okay|alright|all right|fine)\b)"
    r"(?! possible\b))\b"
)  # "yes if they promise to act": a condition, not a yes ("yes, even if" is a yes); "ring me
# back if you can" is only polite


# A condition that is only the choice of no name: "as long as it's anonymous", "if you keep my
# name out of it", "provided i stay anonymous" say which kind of yes, not a condition on it.
_ANONYMOUS_CONDITION = re.compile(
    r"\b(?:as long as|so long as|only if|if|provided(?: that)?)(?: that)? (?:it is|its|it s|it|"
    r"i am|im|i m|i stay|i remain|it stays|you keep it|you keep me|you keep my name|my name is|"
    r"my name stays|you leave my name|you hide my name|you do not (?:use|say|give) my name)?"
    r" ?(?:kept )?(?:anonymous|anon|anonymously|nameless|out of it|out|off it|left out|hidden|"
    r"private)\b(?: (?:of it|out of it))?$"
    # "as long as they can't tell who I am", "so long as nobody knows it's me"
    # (not "only if the school can't find out": nobody can promise what a school works out)
    r"|\b(?:as long as|so long as)(?: that)? (?:they|nobody|no one|noone|no body|the team|"
    r"people)(?: (?:can not|cannot|cant|will not|wont|do "
    r"not|dont|does not|doesnt))? (?:tell|know|knows|see|sees|work out|find out|guess) (?:who i "
    r"am|it is me|its me|it was me|who wrote it|who said it|my name)$"
    # "as long as my name isnt on it"
    r"|\b(?:as long as|so long as|only if|if|provided(?: that)?)(?: that)? my name (?:is not|isnt|"
    r"is never|will not be|wont be|does not go|doesnt go|does not appear|doesnt appear) (?:on|in|"
    r"with|anywhere near) (?:it|this|them)$"
)


# The word "no" (or not, never, nope, nah), even in "no problem": SPEC.md asks again about any
# answer with a "no" in it, and one more tap costs little. A "don't" that says how to pass it
# on ("don't say it's me") is not a "no".
_NEGATION = re.compile(
    r"\b(?:no|na|nope|nah|naa+h?|noo+|never|non|nein|nie|nu|nao|hayir|nahin)"
    r"\b|(?<!\bdo )(?<!\bdoes )\bnot\b|👎|❌"
)
# "na im good", "I'm ok thanks": a polite no, though "good" and "ok" alone would be yeses.
_DECLINING = re.compile(
    r"\b(?:i am|im) (?:good|ok|okay|alright|all right|fine|all good)(?: thanks| thank you| ta|"
    r" mate| tho| though| cheers)*\s*$"
)
# "anonimus", "anonymus", "annonymous": typed in a hurry, still the word.
_ANONYMOUS_TYPO = re.compile(r"\ban+[ao]n[iy]?m[aeiouy]*s\w*|\banon[iy]m\w*")
# Yes, no and "anonymous" in other scripts, written in English before the answer is read
# (the reader keeps Latin letters only).
# A yes in another language alone ("tak", "si") is asked again with buttons: the bot talks in
# English, and blind writers read it as unclear. Its word for "anonymous" is a choice, and its
# no is a no.
_OTHER_SCRIPTS = {
    "ні": "no",
    "нет": "no",
    "لا": "no",
    "نہیں": "no",
    "না": "no",
    "анонімно": "anonymous",
    "анонимно": "anonymous",
}
_OTHER_SCRIPT_WORD = re.compile("|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in _OTHER_SCRIPTS))
# "ya" is "you" in "see ya", but at the start of an answer it is a yes ("ya ok", "ya ya").
_YA_FIRST = re.compile(r"^\W*ya+h?\b", re.IGNORECASE)
# A polite ending after asking to be contacted is not a condition: "ring me back if u want".
_POLITE_TAIL = re.compile(
    r"\b((?:contact|ring|call|phone|text|email|message|get back to|reply to) me(?: back)?"
    r"(?: on [a-z0-9@. ]{3,40}?)?) if (?:you|they) (?:want|like|wish|need|need to|can|could|"
    r"have time|get a chance)\b"
)

_ACKNOWLEDGING = re.compile(r"(?:ok|okay|k|kk|okey|oki|okie|right|alright|fine|hmm ok)[.!]*")


def _has_reservation(text: str) -> bool:
    """A "but" (or "though") with something after it that is not a polite word."""
    return any(
        set(re.findall(r"[a-z']+", found.group("rest"))) - _NOTHING_MORE
        for found in _RESERVATION.finditer(text)
    )


def read_consent(typed: str) -> str | None:
    """``anonymous``, ``contact`` or ``none`` for a clear answer; None when it is unclear."""
    if _THUMBS_UP.fullmatch(typed.strip().lower()):
        return "anonymous"  # "ok 👍" to "may I pass this on?": yes, and no contact asked
    if not any(ch.isalnum() for ch in typed):
        return None  # "👍" alone: which yes, and is it one (writers differ)? Asked again
    typed = _OTHER_SCRIPT_WORD.sub(
        lambda found: f" {_OTHER_SCRIPTS[found.group()]} ", typed.lower()
    )
    plain = normalise(plain_latin(_YA_FIRST.sub("yeah", typed)))  # "sí, anónimo", "não"
    plain = _POLITE_TAIL.sub(r"\1", plain)
    if _ACKNOWLEDGING.fullmatch(plain):
        return None  # "ok" alone may only mean "I read that": asked again with buttons
    if _CUT_OFF.search(plain):
        return None  # "yes and", "ys n": sent before the rest was typed, or "yes/no"
    if plain in ("contact", "contact back", "contactable", "with contact", "the contact one"):
        return "contact"  # the button's own word, typed
    symbols = " ".join(ch for ch in typed if ch in _SYMBOLS)
    plain = _ANONYMOUS_CONDITION.sub(" anonymous ", plain)  # "as long as it's anonymous"
    if _ASKING.match(plain) or _ON_CONDITION.search(plain):
        return None  # "what does anonymous mean", "only if my school doesn't see it"
    text = _NOT_AFTER_REPLY.sub(" replynotwanted ", f"{plain} {symbols}")
    text = _DENIED_YES.sub(" no ", text)
    text = _ANONYMOUS_TYPO.sub("anonymous", text)
    negated = bool(_NEGATION.search(text))  # "yes but no names" has a no in it: asked again
    if _DECLINING.search(text):
        mixed = _UNSURE.search(text) or _YES.search(_DECLINING.sub(" ", text))
        return None if mixed else "none"  # "yes im good thanks": asked again
    anonymous = bool(_ANONYMOUS.search(text))
    text = _ANONYMOUS.sub(" ", text)
    no_reply = bool(_NO_REPLY.search(text))
    text = _NO_REPLY.sub(" ", text)
    contact = bool(_CONTACT.search(text))
    text = _CONTACT.sub(" yes ", text) if contact else text
    idioms = bool(_YES_IDIOMS.search(text))
    text = _YES_IDIOMS.sub(" yes ", text)
    yes = bool(_YES.search(text)) or idioms
    no = bool(_NO.search(text))
    unsure = bool(_UNSURE.search(text)) or _has_reservation(text)
    if unsure or (yes and no) or (negated and (yes or anonymous or contact or no_reply)):
        return None
    if no:
        return "none"
    if (anonymous or no_reply) and contact:
        return None
    if anonymous or (yes and no_reply):
        return "anonymous"
    if contact:
        return "contact"
    if yes:
        return "anonymous"
    return None
