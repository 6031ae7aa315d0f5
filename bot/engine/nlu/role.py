"""Who the person is: young person, parent or carer, professional, or someone else.

Role words count when people say them about themselves ("I'm a mum", "mum here", "as a
SENCO", "I work for the NHS"), or as the whole answer to "who are you?". Talking about a child
("my son") means a parent or carer; talking about a parent ("my mum said") means a young person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from bot.engine.nlu.lexicon import Match, PhraseIndex
from bot.engine.nlu.text import BOUNDARIES

STRONG = 2
WEAK = 1

_FILLERS = {
    "a",
    "an",
    "the",
    "his",
    "her",
    "their",
    "its",
    "single",
    "proud",
    "full",
    "part",
    "time",
    "working",
    "qualified",
    "trainee",
    "also",
    "just",
    "only",
    "currently",
    "now",
    "both",
    "and",
    "retired",
    "new",
    "local",
    "very",
    "tired",
    "busy",
    "worried",
    "stressed",
    "primary",
    "secondary",
    "school",
    "nhs",
    "council",
    "camhs",
    "children",
    "childrens",
    "children's",
    "send",
    "sen",
    "senior",
    "specialist",
    "community",
    "hospital",
    "college",
    "lone",
    "kinship",
    "actually",
    "really",
    "paediatric",
    "pediatric",
    "clinical",
    "locum",
    "pastoral",
    # "Year 6 teacher", "reception TA", "ks2 maths teacher": the class or subject they teach
    "year",
    "yr",
    "reception",
    "ks1",
    "ks2",
    "ks3",
    "ks4",
    "maths",
    "english",
    "science",
    "supply",
    *(str(number) for number in range(1, 14)),
}
_SELF_ENDINGS = (("i", "am"), ("am",), ("as",), ("i",), ("we", "are"), ("being",))
_OTHER_OWNERS = {"my", "our", "your", "mums", "dads", "sons", "daughters", "childs", "kids"}
_GREETINGS = {"hi", "hello", "hey", "hiya", "yo", "ok", "okay", "well", "so", "um", "erm", "yes"}
# Young-person words that only count as the whole answer to "who are you?".
ANSWER_ONLY = {
    "me",
    "myself",
    "just me",
    "for me",
    "its for me",
    "it is for me",
    "about me",
    "for myself",
    "kid",
    "child",
    "youth",
    # "hi, just looking" is browsing; as the answer to "who are you?" it is someone else
    "just looking",
    "just interested",
    "just curious",
    "just browsing",
}

# Answers to "who are you?" that pick none of its buttons: someone else
_NONE_OF_THESE = frozenset(
    [
        "none of them",
        "none of those",
        "none of these",
        "none of the above",
        "none",
        "not any of them",
        "not really any of them",
        "nosy",
        "just nosy",
        "being nosy",
        "just being nosy",
        "i am nosy",
        "i am just nosy",
        "i am just being nosy",
    ]
)

_CHILDREN = {
    "son",
    "sons",
    "daughter",
    "daughters",
    "child",
    "children",
    "kid",
    "kids",
    "boy",
    "boys",
    "girl",
    "girls",
    "grandson",
    "granddaughter",
    "grandchild",
    "grandchildren",
    "grandkids",
    "stepson",
    "stepdaughter",
    "ds",
    "dd",
    "twins",
    "lad",
    "baby",
    "toddler",
    "eldest",
    "youngest",
    "teenager",
    "teen",
    "nephew",
    "niece",
    "grandsons",
    "granddaughters",
    # spelt as heard: "my dauter is 11"
    "dauter",
    "daugter",
    "doughter",
    "dotter",
    "daugther",
    "duaghter",
    "dautgher",
}
CHILD_NOUNS = frozenset(_CHILDREN)
_CHILD_FILLERS = {
    "little",
    "autistic",
    "disabled",
    "2",
    "3",
    "4",
    "two",
    "three",
    "twin",
    "foster",
    "adopted",
    "step",
    "teenage",
    "young",
    "eldest",
    "youngest",
    "middle",
    "oldest",
    "1",
    "first",
    "second",
    "wee",
    "beautiful",
    "gorgeous",
    "lovely",
    "own",
}
_CARED_FOR_YOUNG_CARER = {
    "mum",
    "mom",
    "mam",
    "dad",
    "brother",
    "sister",
    "nan",
    "gran",
    "parent",
    "parents",
    "grandad",
    "grandma",
    "siblings",
    "sibling",
}
_PARENT_WORDS = {
    "mum",
    "mom",
    "mam",
    "mummy",
    "dad",
    "daddy",
    "parents",
    "parent",
    "carer",
    "foster",
    "stepmum",
    "stepdad",
    "nan",
    "gran",
    "grandma",
    "grandad",
}
_FORUM = r"(?:parent carer|parent|parents|parent carers|carers) (?:forum|forums|group|groups)"
_FORUM_AS_PARENT = re.compile(
    r"\b(?:join|joining|find|finding|looking for|is there an?|where is|how do i get into|"
    r"(?:used to |i |we )(?:go|went|attend|attended|come|came)(?: along)? to|been going to) "
    rf"(?:the |a |an |our |my )?(?:local )?{_FORUM}\b"
)
# "which parent forum is mine?", "what's the parent carer forum for where I live?"
_OWN_FORUM = re.compile(
    rf"\b(?:which|what|whats|what is) (?:is )?(?:the |my |our )?(?:local )?{_FORUM} "
    r"(?:is mine|is ours|for me|for us|near me|near us|for where (?:i|we) live|where (?:i|we) live|"
    r"in my area|in our area|do i|should i|can i)"
)
# "pastoral lead at a secondary", "family support manager for the council": a job at a place
_JOB_TITLE_AT = re.compile(
    r"(?:^|[,.] )(?:a |an |the )?(?:[a-z]+ ){0,2}(?:lead|manager|officer|coordinator|"
    r"co ordinator|worker|assistant|practitioner|advisor|adviser|consultant|specialist|mentor|"
    r"teacher|nurse|therapist|ot|slt|director|head|administrator|receptionist) "
    r"(?:at|for|in|with|based at|based in) (?:a |an |the |our )?(?:[a-z]+ ){0,3}?"
    r"(?:school|secondary|primary|academy|college|hospital|council|nhs|trust|clinic|surgery|"
    r"practice|hub|charity|nursery|service|team|camhs|icb)\b"
)
_FORUM_AS_PROFESSIONAL = re.compile(
    rf"\b(?:work|working|partner|partnering) with (?:the |a )?{_FORUM}"
)
# "Head of a small village primary", "head teacher at Oakwood": runs a school.
_LEADS_A_SCHOOL = re.compile(
    r"(?:^|\bi am |\bim )(?:the |a )?(?:head|headteacher|principal|deputy head|head teacher) "
    r"(?:of|at) (?:a |an |the |our )?(?:[a-z]+ ){0,3}?(?:primary|secondary|school|academy|"
    r"college|infants|juniors|nursery|sixth form)\b"
)
# "DC in the Sussex Police safeguarding team", "nurse with the community team": a job title at
# the start, in a team (not "in the football team")
_IN_A_TEAM = re.compile(
    r"^(?!(?:i|im|i am|my|me|he|she|we|our|you|they|his|her|hi|hello|hey)\b)(?:[a-z]+ ){1,3}"
    r"(?:in|on|with|from|for|at) (?:the |a |an )?(?:(?!football|netball|rugby|cricket|hockey|"
    r"basketball|swim|swimming|running|dance|school)[a-z]+ ){0,4}?(?:team|service|unit|"
    r"department|directorate)\b"
)
# "I manage a GP practice", "I run a charity for disabled kids": running a service is work
_RUNS_A_SERVICE = re.compile(
    r"(?:^|\bi |\bwe )(?:manage|run|lead|head up|coordinate|chair|own|co ordinate|am managing"
    r"|am running|commission|commissions|am commissioning) "
    r"(?:a |an |the |our )?(?:[a-z]+ ){0,3}?(?:practice|surgery|charity|nursery|"
    r"pre school|preschool|services?|clinic|setting|pharmacy|department|unit|organisation|"
    r"organization|trust|academy|provision|centre|center|care home|hub|team|school|college|"
    r"social enterprise|cic|library|story time|storytime|sessions?|classes|club|group|playgroup|"
    r"holiday scheme|project|programme)\b"
)
_STUDYING = re.compile(
    r"\bi am (?:at|in|still at|doing) (?:college|school|sixth form|uni|university|year \d+|"
    r"my gcses|gcses|a levels|an apprenticeship)\b"
)
_NOT_JOBS = (
    "pupil|student|child|kid|young|teen|teenager|year|member|parent|mum|dad|carer|patient|"
    "learner|boy|girl|service"
)
_DEPARTMENTS = (
    r"hr|human resources|admissions|finance|commissioning|education|safeguarding|comms|"
    r"communications|procurement|recruitment|inclusion|sen|send|early help|social care|"
    r"participation|engagement|policy|the send team|the team"
)
_JOB_AT = re.compile(
    rf"\bi am (?:(?:a|an) (?!(?:{_NOT_JOBS})\b)[a-z]+(?: [a-z]+)?|in (?:{_DEPARTMENTS})) "
    r"(?:at|for|in|with) "
    r"(?:the |a |an |our |my )?(?:[a-z]+ ){0,3}?$"
)
_THIRD_PERSON_VERBS = {
    "is",
    "was",
    "has",
    "had",
    "said",
    "says",
    "does",
    "did",
    "keeps",
    "kept",
    "will",
    "would",
    "can",
    "could",
    "wants",
    "went",
    "goes",
    "gets",
    "got",
    "told",
    "tells",
    "thinks",
    "never",
    "always",
    "not",
    "and",
    "left",
    "leaves",
    "hits",
    "shouts",
    "drinks",
    "makes",
    "won",
}
_WORKPLACES = {
    "council",
    "nhs",
    "school",
    "schools",
    "college",
    "hospital",
    "hub",
    "hubs",
    "camhs",
    "charity",
    "nursery",
    "surgery",
    "authority",
    "academy",
    "clinic",
    "service",
    "services",
    "team",
    "trust",
    "icb",
    "office",
    # councils by their initials, and council work named by what it does
    "escc",
    "wscc",
    "bhcc",
    "commissioning",
    "directorate",
}
_YOUNG_SIGNS = {
    ("my", "teacher"),
    ("my", "school"),
    ("my", "college"),
    ("my", "class"),
    ("my", "teachers"),
    ("my", "senco"),
    ("my", "ehcp"),
    ("my", "friends"),
    ("my", "sixth"),
    ("my", "form"),
}


def _goes_to_school(tokens: Sequence[str]) -> bool:
    """ "i go to Oakwood", not "where do i go now?" (asking where to turn)."""
    return any(
        list(tokens[index : index + 2]) == ["i", "go"]
        and tokens[index + 2 : index + 3]
        and tokens[index + 2] in {"to", "college", "school", "uni", "sixth", "nursery", "2"}
        for index in range(len(tokens))
        if index == 0 or tokens[index - 1] not in {"do", "should", "can", "shall", "could"}
    )


@dataclass(slots=True)
class RoleFact:
    role: str
    strength: int
    start: int
    end: int


# Words that take back what was just said: "I'm a parent, sorry, I meant the young person"
_CORRECTING = frozenset({"sorry", "sry", "soz", "meant", "oops", "correction"})
# A role given up, told before the one they have now: "I'm a teacher... well I was, now I'm a
# full time carer", "I used to be a nurse, now I'm mum to..."
_NO_LONGER = frozenset({"now", "retired", "anymore", "former", "formerly", "previously"})


def _takes_over(between: Sequence[str]) -> bool:
    """Does a role said after ``between`` replace the one before it? Yes after a correction
    or "now"; not when the later one is the past ("I'm a mum and I used to be a nurse")."""
    if _CORRECTING & set(between):
        return True
    if {"used", "was", "former", "formerly", "ex", "retired", "previously"} & set(between[-4:]):
        return False
    return _corrects(between)


def _corrects(tokens: Sequence[str]) -> bool:
    """Do these words take back, or put in the past, a role said before them?"""
    if _CORRECTING & set(tokens) or _NO_LONGER & set(tokens):
        return True
    pairs = set(zip(tokens, tokens[1:], strict=False))
    return bool(
        pairs
        & {
            ("i", "was"),
            ("used", "to"),
            ("no", "longer"),
            ("any", "more"),
            ("actually", "no"),  # "I'm a parent... actually no, I'm a TA"
            ("no", "actually"),
            ("wait", "no"),
            ("i", "mean"),
        }
    )


def _strip_fillers(before: Sequence[str]) -> list[str]:
    trimmed = list(before)
    while trimmed and trimmed[-1] in _FILLERS:
        trimmed.pop()
    return trimmed


def _clause_before(tokens: Sequence[str], position: int) -> list[str]:
    """The words of the current clause before ``position``."""
    clause: list[str] = []
    for token in reversed(tokens[:position]):
        if token in BOUNDARIES:
            break
        clause.append(token)
    clause.reverse()
    return clause


EXPLICIT, LEADING, UNKNOWN, SOMEONE_ELSE, DENIED = 2, 1, 0, -1, -2
_PLURAL_VERBS = frozenset(
    [
        "keep",
        "say",
        "tell",
        "told",
        "said",
        "want",
        "ask",
        "asked",
        "often",
        "always",
        "come",
        "need",
        "feel",
        "struggle",
        "were",
        "have",
        "get",
        "find",
        "think",
        "complain",
        "complained",
        "report",
        "reported",
        "mention",
        "mentioned",
        "talk",
    ]
)
_REPRESENTING = {"rep", "reps", "representative", "representatives", "governor", "champion"}
_DENIALS = {"not", "never", "nt", "no"}
_CARED_FOR_FILLERS = {"little", "baby"}  # not "younger": a grown-up may care for a sibling
_COUNT_WORDS = {"two", "three", "four", "five", "six", "both"}
_ANYONES = {"anyones", "anybodys", "someones", "somebodys", "anyone", "anybody"}


def _is_self(
    tokens: Sequence[str], match: Match, asking_role: bool, asking_other: bool, exact: bool
) -> int:
    """EXPLICIT ("I'm a mum", "mum here", the answer to "who are you?"), LEADING (a clause
    starts with the word: "mum of two, Crawley"), SOMEONE_ELSE ("my mum") or UNKNOWN."""
    clause = _clause_before(tokens, match.start)
    before = clause[-5:]
    if before and before[-1] in _OTHER_OWNERS:
        return SOMEONE_ELSE
    trimmed = _strip_fillers(before)
    if trimmed and (
        trimmed[-1] in _DENIALS
        or (trimmed[-2:-1] and trimmed[-2] in _DENIALS and trimmed[-1] in _ANYONES)
    ):
        return DENIED  # "I'm not a parent", "not the mum lol", "not anyone's parent"
    if trimmed and trimmed[-1] in _OTHER_OWNERS:
        return SOMEONE_ELSE
    for ending in _SELF_ENDINGS:
        if tuple(trimmed[-len(ending) :]) == ending:
            return EXPLICIT
    if (
        trimmed[-1:] in (["old"], ["yo"])
        and any(t.isdigit() and int(t) >= 16 for t in trimmed[-4:-1])
        and not any(t in _OTHER_OWNERS for t in trimmed[-5:])
    ):
        return EXPLICIT  # "29 yr old mum": a grown-up's age before the role is their own
    after = tokens[match.end : match.end + 2]
    qualified = after[:1] in (["foster"], ["adoptive"], ["kinship"]) and (
        len(after) == 1 or after[1] in BOUNDARIES
    )  # "carer (foster)": the kind of carer, said after it
    if after and (after[0] in _PARENT_WORDS or after[0] in _CHILDREN) and not qualified:
        return SOMEONE_ELSE  # "the young person's mum", "carer's son"
    plural = match.phrase.endswith("s")
    if after[:1] in (["of"], ["to"]) and match.value == "parent_carer":
        if plural and trimmed[-2:] != ["we", "are"] and "we" not in clause[-3:]:
            return UNKNOWN  # "lots of parents of SEND kids tell me": people they speak of
        return EXPLICIT  # "mum of two", "nan to my grandson"
    if after[:1] == ["here"]:
        return EXPLICIT
    representing = match.value == "parent_carer" and after[:1] and after[0] in _REPRESENTING
    if representing and (trimmed[-2:] == ["to", "be"] or trimmed[-1:] == ["become"]):
        return EXPLICIT  # "I'd like to be a parent rep": only a parent or carer can be one
    if after[:1] and after[0] in _THIRD_PERSON_VERBS and match.value != "young_person":
        return SOMEONE_ELSE  # "mum hasn't been home", "dad said"
    if plural and after[:1] and after[0] in _PLURAL_VERBS:
        return SOMEONE_ELSE  # "parents keep telling us", "young people say": people spoken of
    leading = [t for t in clause if t == "the" or (t not in _GREETINGS and t not in _FILLERS)]
    window = clause[-4:]
    if "am" in window and not any(t in _OTHER_OWNERS for t in window[window.index("am") :]):
        return EXPLICIT
    if (
        match.value == "professional"
        or (match.value == "other" and match.phrase.split()[-1] in _OTHER_JOBS)
    ) and _described(clause, _clause_after(tokens, match.end)):
        return EXPLICIT  # "I'm a police youth engagement officer", "freelance journalist based"
    if asking_role:
        return EXPLICIT
    if match.value == "professional" and after[:1] and after[0] in _SERVICE_NOUNS:
        return UNKNOWN  # "physio waiting lists are mad": the service, not the speaker's job
    if not leading and not asking_other and exact:
        return LEADING
    following = tokens[match.end : match.end + 1]
    ends_clause = not following or following[0] in BOUNDARIES
    if ends_clause and len(clause) <= 2 and exact and not asking_other:
        return LEADING  # "es mum, ...", "Surrey - parent, ..."
    return UNKNOWN


# A job word before one of these names a service, not who is speaking: "physio waiting lists",
# "SENCO meetings", "social worker visits".
_SERVICE_NOUNS = frozenset(
    [
        "waiting",
        "wait",
        "waits",
        "list",
        "lists",
        "appointment",
        "appointments",
        "service",
        "services",
        "session",
        "sessions",
        "referral",
        "referrals",
        "report",
        "reports",
        "assessment",
        "assessments",
        "meeting",
        "meetings",
        "visit",
        "visits",
        "clinic",
        "clinics",
        "provision",
        "hours",
        "time",
        "support",
    ]
)


# Words that end a run of describing words before a role word: "a riding instructor" is
# described, "a fan of the riding instructor" and "my son's teacher" are not.
_NOT_DESCRIBING = frozenset(
    [
        "of",
        "to",
        "with",
        "who",
        "that",
        "whose",
        "which",
        "and",
        "but",
        "or",
        "my",
        "his",
        "her",
        "their",
        "our",
        "your",
        "its",
        "not",
        "no",
        "never",
        "for",
        "at",
        "in",
        "on",
        "from",
        "by",
        "than",
        "like",
        "as",
        "is",
        "was",
        "are",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "does",
        "did",
        "do",
        "this",
        "these",
        "those",
        "there",
        "here",
    ]
)
# Jobs in any line of work: said next to "my son", the person is here as a parent.
_ANY_JOB = frozenset(
    [
        "manager",
        "director",
        "coordinator",
        "co-ordinator",
        "advisor",
        "adviser",
        "assistant",
        "specialist",
        "consultant",
        "supervisor",
        "administrator",
        "secretary",
        "receptionist",
        "trainer",
        "technician",
        "inspector",
        "coach",
        "mentor",
        "officer",
        "driver",
        "instructor",
        "lead",
    ]
)
# Jobs that make someone "other" here: "freelance journalist based in London"
_OTHER_JOBS = frozenset(
    ["journalist", "reporter", "researcher", "writer", "councillor", "mp", "student", "academic"]
)
_SAID_WHERE = frozenset(["here", "in", "at", "from", "based", "working", "with", "for", "near"])


def _clause_after(tokens: Sequence[str], position: int) -> list[str]:
    """The words of the current clause from ``position`` on."""
    clause: list[str] = []
    for token in tokens[position:]:
        if token in BOUNDARIES:
            break
        clause.append(token)
    return clause


def _described(clause: Sequence[str], after: Sequence[str]) -> bool:
    """A role word after "I am a" and up to four describing words ("I am a police youth
    engagement officer"), or at the start of a clause with up to three, then where they
    work and nothing said of them ("community pharmacist in Littlehampton here", not "autism
    nurse at the hospital was lovely")."""
    if "am" in clause[-6:]:
        start = len(clause) - clause[::-1].index("am")
        between = list(clause[start:])
        if (
            between[:1] in (["a"], ["an"], ["the"])
            and len(between) <= 5
            and not (set(between[1:]) & _NOT_DESCRIBING or set(between) & _OTHER_OWNERS)
        ):
            return True
    kept = [t for t in clause if t not in _GREETINGS]
    return (
        0 < len(kept) <= 3
        and not (set(kept) & _NOT_DESCRIBING or set(kept) & _OTHER_OWNERS)
        and kept[0] not in {"a", "an", "the", "i", "we", "my", "our"}
        and (not after or after[0] in _SAID_WHERE)
        and not set(after) & (_THIRD_PERSON_VERBS | _PLURAL_VERBS)
    )


def _job_title(tokens: Sequence[str]) -> int | None:
    """Position of a job said of oneself with a job word at its end ("I'm the SEN lead", "I am
    a transition coordinator at ..."), when no other role word is found."""
    for index, token in enumerate(tokens):
        if token not in _ANY_JOB or index < 3:
            continue
        clause = _clause_before(tokens, index)
        if "am" not in clause[-6:]:
            continue
        start = len(clause) - clause[::-1].index("am")
        between = clause[start:]
        following = tokens[index + 1 : index + 2]
        if (
            between[:1] in (["a"], ["an"], ["the"])
            and 2 <= len(between) <= 4
            and not (set(between[1:]) & _NOT_DESCRIBING or set(between) & _OTHER_OWNERS)
            and (not following or following[0] in BOUNDARIES or following[0] in _SAID_WHERE)
        ):
            return index
    return None


def _works_somewhere(tokens: Sequence[str]) -> int | None:
    """Position of "I work at the council" / "I'm an officer at the NHS", if any."""
    for index, token in enumerate(tokens):
        if token not in _WORKPLACES:
            continue
        clause = _clause_before(tokens, index)[-9:]
        if any(word in _OTHER_OWNERS or word in {"his", "her"} for word in clause):
            continue
        pairs = set(zip(clause, clause[1:], strict=False))
        if ("i", "work") in pairs or ("we", "work") in pairs:
            return index
        if _JOB_AT.search(" ".join(clause)):
            return index  # "I'm an officer at the council", "I am a nurse in the NHS"
    return None


def _child(token: str) -> bool:
    return token in _CHILDREN or (token.endswith("s") and token[:-1] in _CHILDREN)


# What follows a child said without "my" in simple English: "son autism", "daughter has adhd"
_SAID_OF_A_CHILD = frozenset(
    ["has", "have", "got", "with", "autism", "autistic", "adhd", "asd", "dyslexia", "dyslexic"]
    + ["disabled", "disability", "sen", "send", "downs", "epilepsy", "cerebral", "needs", "go"]
    + ["goes", "in", "at", "not", "no", "cant", "can"]
)


def _children_owned(tokens: Sequence[str]) -> int | None:
    """Position of "my son" / "our daughter" / "I look after him", if any."""
    for index, token in enumerate(tokens):
        at_clause_start = index == 0 or tokens[index - 1] in BOUNDARIES
        following = tokens[index + 1 : index + 2]
        if (
            at_clause_start
            and _child(token)
            and token not in {"teen", "teenager", "baby"}
            and (
                following
                and (following[0] in {"is", "aged", "age", "who"} or following[0].isdigit())
            )
        ):
            return index  # "son is 8, autistic", "son 11, daughter 3"
        if (
            at_clause_start
            and token in {"son", "daughter", "sons", "daughters", "twins"}
            and following
            and following[0] in _SAID_OF_A_CHILD
        ):
            return index  # "son autism", "daughter has adhd": in simple English, a parent
        if token in {"my", "our"} and following and following[0].isdigit():
            rest = tokens[index + 2 : index + 4]
            if rest[:1] in (["year"], ["yo"], ["month"]) or (rest and _child(rest[0])):
                return index  # "my 14 year old"
        if token in {"my", "our"}:
            position = index + 1
            if tokens[position : position + 2] in (
                ["husband", "and"],
                ["wife", "and"],
                [
                    "partner",
                    "and",
                ],
            ):
                position += 2  # "with my husband and son"
            while position < len(tokens) and tokens[position] in _CHILD_FILLERS:
                position += 1
            if position < len(tokens) and (
                _child(tokens[position])
                or (tokens[position] == "sun" and tokens[position + 1 : position + 2] == ["is"])
            ):
                return index  # "my sun is 10": a son, spelt as it sounds
            if tokens[index + 1 : index + 3] == ["young", "person"]:
                return index
        if (
            at_clause_start
            and (token.isdigit() or token in _COUNT_WORDS)
            and following
            and _child(following[0])
            and following[0] not in {"child", "kid", "boy", "girl", "son", "daughter"}
        ):
            return index  # "Two kids, both neurodivergent": their own
        if token in {"have", "got"} and index > 0 and tokens[index - 1] in {"i", "we", "have"}:
            # "i have 2 kids with autism", "ive got a son", "we have three children"; not "i
            # have a child in my class"
            position = index + 1
            while position < len(tokens) and (
                tokens[position] in _CHILD_FILLERS
                or tokens[position] in {"a", "an", "one", "four", "five", "six"}
                or tokens[position].isdigit()
            ):
                position += 1
            near = set(tokens[position + 1 : position + 6])
            if (
                position < len(tokens)
                and _child(tokens[position])
                and not near & {"class", "classes", "caseload", "setting", "group", "groups"}
            ):
                return index
        if (
            token in {"foster", "fostering", "adopted"}
            and index > 0
            and tokens[index - 1] in {"i", "we", "am", "are", "partner", "husband", "wife", "both"}
        ):
            return index  # "we foster", "me and my partner foster 3 kids"
        if (
            token in {"foster", "fostering"}
            and index + 1 < len(tokens)
            and tokens[index + 1].isdigit()
            and (index == 0 or tokens[index - 1] not in {"my", "other", "the", "in"})
        ):
            return index  # "foster 3 kids"
        if (
            token in {"after", "for"}
            and index > 0
            and tokens[index - 1] in {"look", "care", "caring", "looking"}
        ):
            following = tokens[index + 1 : index + 3]
            if following and following[0] in {"him", "her", "them"}:
                return index
            if following[:1] == ["my"] and following[1:2] and following[1] in _CHILDREN:
                return index
    return None


def _young_carer(tokens: Sequence[str]) -> bool:
    for index in range(len(tokens) - 2):
        cared_for = tokens[index + 2 : index + 4]
        if cared_for[:1] and cared_for[0] in {
            "little",
            "big",
            "younger",
            "older",
            "baby",
            "disabled",
        }:
            cared_for = cared_for[1:]
        if (
            tokens[index] in {"after", "for"}
            and tokens[index + 1] == "my"
            and cared_for[:1]
            and cared_for[0] in _CARED_FOR_YOUNG_CARER
        ):
            return index > 0 and tokens[index - 1] in {"look", "care", "caring", "looking", "carer"}
    return False


_AS = {
    "asking",
    "here",
    "writing",
    "speaking",
    "messaging",
    "talking",
    "coming",
    "contacting",
    "enquiring",
    "asking this",
}


def _speaking_as(tokens: Sequence[str], index: PhraseIndex) -> RoleFact | None:
    """Which hat someone wears when they have two: "I'm a teacher but asking as a mum",
    "I work for the council but this is about my own son"."""
    for position, token in enumerate(tokens[:-1]):
        if token == "as" and position > 0 and tokens[position - 1] in _AS:
            rest = [
                t
                for t in tokens[position + 1 : position + 4]
                if t not in {"a", "an", "the", "his", "her", "their", "my"}
            ]
            for match in index.find(rest):
                if match.start == 0:
                    return RoleFact(match.value, STRONG, position, position + 1 + match.end)
    if "but" in tokens:
        after = list(tokens[tokens.index("but") + 1 :])
        personal = re.search(
            r"\b(?:this is|it is|its) (?:about|for)\b|\bmy own\b|\basking\b", " ".join(after)
        )
        if personal and (
            _children_owned(after) is not None
            or any(
                match.value == "parent_carer"
                for match in index.find(after)
                if after[max(0, match.start - 1)] in {"a", "an", "as", "am", "own"}
            )
        ):
            return RoleFact("parent_carer", STRONG, 0, 0)
    return None


_NAMED_AFTER_A_ROLE = frozenset(
    [
        "forum",
        "forums",
        "group",
        "groups",
        "evening",
        "evenings",
        "meeting",
        "meetings",
        "panel",
        "panels",
        "council",
        "network",
        "networks",
        "club",
        "clubs",
        "workshop",
        "workshops",
    ]
)


def find_role(
    tokens: Sequence[str], index: PhraseIndex, *, asking_role: bool, asking_other: bool = False
) -> RoleFact | None:
    """The person's role from ``tokens``, with how sure we are (STRONG or WEAK)."""
    if asking_role and " ".join(t for t in tokens if t not in BOUNDARIES) in _NONE_OF_THESE:
        return RoleFact("other", STRONG, 0, len(tokens))  # "none of them", "nosy"
    if _young_carer(tokens):
        return RoleFact("young_person", STRONG, 0, 0)
    speaking_as = _speaking_as(tokens, index)
    if speaking_as is not None:
        return speaking_as
    leading: Match | None = None
    explicit: RoleFact | None = None
    denied: set[str] = set()
    for match in index.find(tokens):
        if tokens[match.end : match.end + 1] and tokens[match.end] in _NAMED_AFTER_A_ROLE:
            continue  # "the parent forum", "a young people's group": a thing, not who they are
        answer_only = match.phrase in ANSWER_ONLY or match.phrase.rstrip("s") in ANSWER_ONLY
        said_of_self = _strip_fillers(_clause_before(tokens, match.start))[-2:] == ["i", "am"]
        if answer_only and not (asking_role and len(tokens) <= 8) and not said_of_self:
            continue
        verdict = _is_self(tokens, match, asking_role, asking_other, match.phrase in index)
        if verdict == DENIED:
            denied.add(match.value)
            continue
        if verdict == EXPLICIT:
            if (
                match.value == "professional"
                and match.phrase.split()[-1] in _ANY_JOB
                and _children_owned(tokens) is not None
            ):
                continue  # "I'm a manager at Tesco and my son has autism": a parent
            fact = RoleFact(match.value, STRONG, match.start, match.end)
            if explicit is None:
                explicit = fact
                if not _corrects(tokens[match.end :]):
                    return fact
            elif _takes_over(tokens[explicit.end : match.start]):
                explicit = fact  # "I'm a parent - sorry no, I meant I am the young person"
            continue
        if verdict == LEADING and leading is None:
            leading = match
    if explicit is not None:
        return explicit
    for fact in _other_signs(tokens, leading):
        if fact.role not in denied:
            return fact
    return None


def _other_signs(tokens: Sequence[str], leading: Match | None) -> Iterator[RoleFact]:
    """Roles from what people say about their work, their children or their parents, from the
    strongest sign to the weakest."""
    working = _works_somewhere(tokens)
    if working is not None:
        yield RoleFact("professional", STRONG, working, working)
    owned = _children_owned(tokens)
    if owned is not None:
        yield RoleFact("parent_carer", STRONG, owned, owned)
    titled = _job_title(tokens)
    if titled is not None:
        yield RoleFact("professional", STRONG, titled, titled)
    if leading is not None:
        yield RoleFact(leading.value, STRONG, leading.start, leading.end)
    text = " ".join(tokens)
    if (
        _LEADS_A_SCHOOL.search(text)
        or _JOB_TITLE_AT.search(text)
        or _RUNS_A_SERVICE.search(text)
        or _IN_A_TEAM.search(text)
    ):
        yield RoleFact("professional", STRONG, 0, 0)
    if _OWN_FORUM.search(text):
        yield RoleFact("parent_carer", STRONG, 0, 0)  # only a parent or carer has one
    if _FORUM_AS_PROFESSIONAL.search(text):
        yield RoleFact("professional", WEAK, 0, 0)
    if _FORUM_AS_PARENT.search(text):
        yield RoleFact("parent_carer", WEAK, 0, 0)
    pairs = set(zip(tokens, tokens[1:], strict=False))
    if any(first in CHILD_NOUNS and second.isdigit() for first, second in pairs):
        yield RoleFact("parent_carer", WEAK, 0, 0)  # "newhaven. autistic son 16": their child
    if _STUDYING.search(text):
        yield RoleFact("young_person", WEAK, 0, 0)
    if any(first == "my" and second in _PARENT_WORDS for first, second in pairs):
        yield RoleFact("young_person", WEAK, 0, 0)
    if pairs & _YOUNG_SIGNS or _goes_to_school(tokens):
        yield RoleFact("young_person", WEAK, 0, 0)
