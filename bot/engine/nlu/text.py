"""Turn what a person typed into plain lower-case tokens we can match on."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from functools import lru_cache

from text_to_num import alpha2digit

# Words people type for other words. Applied token by token after lower-casing.
_SHORTHAND: dict[str, str] = {
    "im": "i am",
    "i'm": "i am",
    "iam": "i am",
    "ive": "i have",
    "weve": "we have",
    "youve": "you have",
    "theyve": "they have",
    "i've": "i have",
    "i'd": "i would",
    "id": "i would",
    "i'll": "i will",
    "hes": "he is",
    "he's": "he is",
    "shes": "she is",
    "she's": "she is",
    "theyre": "they are",
    "theyll": "they will",
    "they'll": "they will",
    "he'll": "he will",
    "she'll": "she will",
    "youll": "you will",
    "you'll": "you will",
    "we're": "we are",
    "wouldnt": "would not",
    "couldnt": "could not",
    "lil": "little",
    "they're": "they are",
    "it's": "it is",
    "thats": "that is",
    "that's": "that is",
    "dont": "do not",
    "don't": "do not",
    "doesnt": "does not",
    "dosnt": "does not",
    "dosent": "does not",
    "doesent": "does not",
    "dusnt": "does not",
    "didint": "did not",
    "dident": "did not",
    "wasent": "was not",
    "isent": "is not",
    "cudnt": "could not",
    "wudnt": "would not",
    "havnt": "have not",
    "doesn't": "does not",
    "didnt": "did not",
    "didn't": "did not",
    "cant": "can not",
    "can't": "can not",
    "cannot": "can not",
    "wont": "will not",
    "won't": "will not",
    "isnt": "is not",
    "hasnt": "has not",
    "hasn't": "has not",
    "havent": "have not",
    "haven't": "have not",
    "wasnt": "was not",
    "wasn't": "was not",
    "werent": "were not",
    "weren't": "were not",
    "shouldnt": "should not",
    "aint": "is not",
    "isn't": "is not",
    "arent": "are not",
    "aren't": "are not",
    "wanna": "want to",
    "gonna": "going to",
    "gotta": "got to",
    "u": "you",
    "wot": "what",
    "frm": "from",
    "frum": "from",
    "wat": "what",
    "wut": "what",
    "tho": "though",
    "ya": "you",
    "ur": "your",
    "r": "are",
    "n": "and",
    "ma": "my",
    "mi": "my",
    "pls": "please",
    "plz": "please",
    "thx": "thanks",
    "cos": "because",
    "coz": "because",
    "bc": "because",
    "yrs": "years",
    "yr": "year",
    "y/o": "years old",
    "y.o": "years old",
    "yo": "yo",
    "6th": "sixth",
    "w.sussex": "west sussex",
    "e.sussex": "east sussex",
    "wst": "west",
    "wsussex": "west sussex",
    "esussex": "east sussex",
    "sussx": "sussex",
    "jk": "just kidding",
    "jks": "just kidding",
}

_NON_WORD = re.compile(r"[^a-z0-9@'/.+,!?;:\n ]+")
_BOUNDARY = re.compile(r"(?<!\d)[.!?;:\n]+(?!\d)|(?<=\d)[.!?;:]+(?=\s|$)|,")
BOUNDARIES = (",", ".")
_APOSTROPHE_S = re.compile(r"(\w)'s\b")
_SPACES = re.compile(r"\s+")


NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
]


def plain_latin(text: str) -> str:
    """Latin letters without their accents: "sí, anónimo" -> "si, anonimo", "hayır" ->
    "hayir" (letters of other scripts lose their marks too)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return plain.replace("ł", "l").replace("ı", "i").replace("Ł", "L")


def normalise(text: str) -> str:
    """Lower-case, expand shorthand, write number words as digits; returns space-joined tokens."""
    return digits(" ".join(tokenise(text)))


@lru_cache(maxsize=4096)
def digits(joined: str) -> str:
    """Write number words as digits: "i am fifteen" -> "i am 15"."""
    if any(word in joined for word in NUMBER_WORDS):
        # the library gives up on odd input; then we keep the words
        with contextlib.suppress(ValueError, IndexError):
            joined = alpha2digit(joined, "en")
    return _SPACES.sub(" ", joined).strip()


_M_A = re.compile(r"(^|(?:hi|hiya|hey|hello|yo)[!,.]?\s+)m (?=(?:a|an|the) )")
_SPACED_DASH = re.compile(r"\s+[-\u2013\u2014]+\s+")
_FOR_AT_END = re.compile(r"\b(this|that|it|what|wot|wat|thing) 4(?=[ \t?!.]*$)")
# after a word (not a number: "3 m 15" is a length) or at the start
_LONE_M = re.compile(r"(^|[a-z!,.]\s+)m (?=\d{1,2}\b)")
# "me 7. i go to school in hastings": a message that starts "me" and a number gives an age
_ME_FIRST = re.compile(
    r"^((?:(?:hi|hiya|hey|yo|hello)\W+)?)(?:me,?|am) (?=\d{1,2}\b(?!\s*(?:x|times)\b))"
)


_SIDE_OF_SUSSEX = re.compile(r"\b([ew])\.\s*sussex\b")
_BRACKETED_NUMBER = re.compile(r"(\w+)?(\s*)\(\s*(\d{1,2})\s*\)")
_CHILD_BEFORE_AGE = frozenset(
    [
        "son",
        "sons",
        "daughter",
        "daughters",
        "kid",
        "kids",
        "child",
        "children",
        "boy",
        "girl",
        "eldest",
        "youngest",
        "oldest",
        "middle",
        "twins",
        "twin",
        "nephew",
        "niece",
        "grandson",
        "granddaughter",
        "baby",
        "one",
    ]
)


def _bracketed_number(found: re.Match[str]) -> str:
    """ "my son (8)": the child's age, kept with him; "a student (34) looking": an aside."""
    word = found.group(1) or ""
    if word in _CHILD_BEFORE_AGE:
        return f"{word} {found.group(3)} , "
    return f"{word} , {found.group(3)} , "


@lru_cache(maxsize=4096)
def tokenise(text: str) -> tuple[str, ...]:
    """Lower-case words with shorthand expanded ("im" -> "i am")."""
    folded = unicodedata.normalize("NFKC", text).lower()
    folded = folded.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    folded = _SPACED_DASH.sub(" , ", folded)  # "quick one - working mum": a clause mark
    folded = folded.replace("&", " and ").replace("-", " ").replace("_", " ")
    folded = re.sub(r"\b(\d{1,2})(yo|yrs|yr|y/o|years|year)\b", r"\1 \2", folded)
    folded = re.sub(r"\b(y|yr|year)(\d{1,2})\b", r"year \2", folded)
    folded = _SIDE_OF_SUSSEX.sub(r"\1 sussex", folded)  # "E.Sussex", "w. sussex"
    folded = _BRACKETED_NUMBER.sub(_bracketed_number, folded)  # "a student (34) looking at"
    # "yo m 15 frm bexhill", "m 14 n i live...": a lone "m" before an age is "I'm"
    folded = _FOR_AT_END.sub(r"\1 for", folded)  # "wot is this 4": text-speak, not an age
    folded = _LONE_M.sub(lambda found: f"{found.group(1) or ''}im ", folded)
    folded = _M_A.sub(lambda found: f"{found.group(1) or ''}im ", folded)  # "hiya m a mum"
    folded = _ME_FIRST.sub(lambda found: f"{found.group(1)}im ", folded)
    folded = _NON_WORD.sub(" ", folded)
    folded = _BOUNDARY.sub(lambda found: " , " if found.group(0) == "," else " . ", folded)
    tokens: list[str] = []
    for raw in folded.split():
        if raw in BOUNDARIES:
            if tokens and tokens[-1] not in BOUNDARIES:
                tokens.append(raw)
            continue
        token = raw.strip(".'/+")
        if not token:
            continue
        if token in _SHORTHAND:
            tokens.extend(_SHORTHAND[token].split())
            continue
        token = _APOSTROPHE_S.sub(r"\1s", token).replace("'", "")
        tokens.append(_SHORTHAND.get(token, token))
    while tokens and tokens[-1] in BOUNDARIES:
        tokens.pop()
    return tuple(tokens)


def without_boundaries(tokens: tuple[str, ...] | list[str]) -> str:
    """Tokens joined with the clause marks left out."""
    return " ".join(token for token in tokens if token not in BOUNDARIES)
