"""Remove personal details from feedback a person typed.

Anonymous feedback, and answers published on the "You said, we did" page, must not carry phone
numbers, email addresses, postcodes, street addresses, dates of birth or people's names. A
:class:`Redactor` replaces each with a placeholder such as ``[phone number]`` and keeps everything
else exactly as typed, so staff still read the person's own words. Web addresses are kept.

How each detail is found:

- phone numbers: Google's ``phonenumbers`` matcher (region GB), plus a pattern for UK-shaped
  numbers that it rejects as not allocated (such as Ofcom's 07700 900xxx drama range);
- email addresses, UK postcodes (any case, with or without the space), house number + street;
- dates of birth after a cue ("dob", "born on", "date of birth");
- names: the first names that ``Faker`` (MIT licence) ships for about 60 countries, about
  20,000 in all; names used in English-speaking countries count as common. ``wordfreq`` tells
  which are also everyday words ("will", "hope"). A capitalised first name is a name anywhere in
  a sentence;
  after a cue ("my son", "her teacher", "Mrs", "my name is", "called") a name is caught in lower
  case too, and so is a word that is a name only sometimes ("my son Will"). A capitalised word
  straight after a name or a title is taken as the surname.

Words passed as ``keep_words`` (place names, route titles, team names) are never taken for names
on their own; only a one-word place name straight after "my son", a title and the like is ("my
son Arun", "Dr Crawley").
"""

from __future__ import annotations

import importlib
import math
import pkgutil
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

import phonenumbers
from anyascii import anyascii
from wordfreq import get_frequency_dict, top_n_list, zipf_frequency

PLACEHOLDERS: dict[str, str] = {
    "nhs_number": "[NHS number]",
    "email": "[email address]",
    "phone": "[phone number]",
    "postcode": "[postcode]",
    "address": "[address]",
    "date_of_birth": "[date of birth]",
    "ni_number": "[National Insurance number]",
    "reference": "[reference number]",
    "name": "[name]",
}


@dataclass(frozen=True, slots=True)
class Redaction:
    """Text with personal details replaced, and the kinds found in order of first appearance."""

    text: str
    found: tuple[str, ...]


# --- Word lists --------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Never a person's name, even after a cue: family words, titles of address, days and most months,
# faiths and languages, school subjects, places and services people in Sussex mention.
NEVER_NAMES = _words(
    """
    west east north south mid upper lower great little new old saint
    mum mummy mam mom mommy ma dad daddy pa papa nan nana nanna nanny gran granny grandma grandpa
    grandad granddad grandmother grandfather auntie aunty uncle sis bro hubby
    sir madam miss mrs mr ms mx dr
    god jesus christ lord allah
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun
    january february july september october november december
    christmas xmas easter halloween diwali eid ramadan hanukkah
    christian muslim jewish hindu sikh buddhist catholic protestant
    gay lesbian queer trans roma gypsy traveller
    english british welsh scottish irish polish french spanish german italian portuguese
    maths math science art drama music history geography pe re computing
    london paris india america england britain scotland wales ireland europe africa asia
    sussex kent surrey hampshire brighton hove crawley horsham worthing lewes chichester
    eastbourne hastings bognor regis heath haywards burgess rye seaford newhaven bexhill
    shoreham lancing littlehampton arundel uckfield crowborough hailsham devon sheffield bradford
    camden warwick preston stafford milton brent chester alton malvern derry stirling dallas
    francisco geneva adelaide stanford trinidad valencia raleigh reno lafayette alberta dayton
    augusta alexandria
    young voices local offer family hub hubs council forum nhs send sen camhs ehcp senco
    school college academy teams zoom google facebook instagram whatsapp snapchat tiktok
    youtube xbox minecraft fortnite roblox lego netflix amazon tesco asda lidl aldi covid
    hi hello hiya hey thanks ok okay lol xx nike meta tory hilton barbie isa newton homer
    manor albion alexa siri paw nando
    autism autistic adhd asd pda ocd dyspraxia dyslexia dyscalculia dysgraphia epilepsy cerebral
    palsy downs tourettes hypermobility apraxia mutism fasd spd dyspraxic dyslexic epileptic
    asthma diabetes deafness deaf blind hearing sensory anxiety
    """
)

# Everyday words that are also first names: a name only straight after a cue, and then only
# when capitalised ("my son Will" but "my son will"; "my daughter May" but "in May"), or after
# "called" or "my name is" ("he is called will").
WORDS_THAT_ARE_ALSO_NAMES = _words(
    """
    will may june april august march jan hope faith joy summer autumn winter spring chance guy
    sincere merry miles justice honor honour liberty destiny patience charity unity heaven royal
    major king prince princess queen duke baron sky storm rain river forest stone rock price key
    win red rich brain judge lane rush diamond ward trace noble loyal lean haven miracle
    sterling harmony precious chip candy clay alpha skip marvel sunshine sunny honey buddy hero
    rod bob chuck genesis ivory velvet sage hay herb tab kay lou con des gene dean rob
    drew chase hunter grant don bill mark frank rusty brook glen gale meadow mercy trinity rose
    star cash sonny dusty sandy penny earl pearl olive ginger berry porter angel crystal nova
    eden venus belle raven valentine pat sue ray max jay bishop pastor cliff bud rocky ace
    grace
    cherish earnest windy blossom emerald coral mare kitty willy lance reg gore jewel lyric ed
    """
)

# First names that are common in Britain now but missing, or marked as rare, in the list.
EXTRA_NAMES = _words(
    """
    alfie darcey darcie zac bex kel ahmed mohammed muhammad mohammad mohamed ali amir omar hassan
    ibrahim yusuf yousef zainab maryam fatima aisha ayesha amira priya aryan arjun rohan kacper
    jakub oskar zuzanna wiktoria kai theo hugo luca felix arlo nova isla esme evie maisie mia ava
    aria ezra jaxon harley ollie freya poppy archie reggie teddie frankie elsie ivy willow sienna
    ron stan gaz gazza daz dazza baz shaz kev trev pete phil ken ted andy jen viv debs kaz kez
    reg mags
    maddie izzy izzie abi finlay poppie cerys ffion joshy tash tasha soph steph kels mo
    """
)

# Words too common to be a surname when they follow a name ("Emma said", "Jack and").
FUNCTION_WORDS = _words(
    """
    a an the and or but if so as at by for from in into of off on onto out over to up with
    i me my we us our you your he him his she her they them their it its this that these those
    is am are was were be been being has have had do does did done can could would shall
    should might must not no yes said says told tells asked asks wants wanted went goes
    who what when where why how which there here then than too very just also still only
    im ive id ill dont cant wont didnt doesnt isnt wasnt arent u ur
    """
)

TITLES = _words(
    "mr mrs ms mx miss dr prof professor councillor cllr sister nurse reverend rev pastor matron "
    "nanna nana nan grandad grandma granny gran grandpa uncle"
)
# "the councillor said", "my sister said", "the nurse was": no name unless both are capitalised
_CAPITALISED_ONLY_TITLES = _words(
    "councillor cllr sister nurse reverend rev pastor matron nanna nana nan grandad grandma "
    "granny gran grandpa uncle"
)  # "Nanna Pat", "Uncle Bob": a family title, capitalised with the name

_FAMILY_TITLES = _words("nanna nana nan grandad grandma granny gran grandpa uncle")
# A name before these is part of the name of a condition: "Prader-Willi syndrome".
CONDITION_WORDS = _words("syndrome disease palsy sequence anomaly malformation")

# Words after a name that say what the person does, not who they are: "Holly Riley-Saxby Chair".
JOB_WORDS = _words(
    """
    parent carer chair chairman chairwoman director chief interim lead member rep representative
    volunteer governor trustee founder ceo
    """
)

# Words after a name that show it is part of the name of a place or an organisation:
# "Thomas Bennett Community College", "Queen Victoria Hospital", "Victoria Road".
ORGANISATION_WORDS = _words(
    """
    school schools academy college primary infant infants junior juniors high secondary
    nursery nurseries preschool pre-school playgroup kindergarten federation sixth
    hospital centre center house road street avenue lane drive close way park hill court
    trust foundation clinic surgery church chapel community ward unit hall library station
    charity society club group hub service services team forum project partnership class
    abbey castle priory campus hospice institute
    green dale field fields wood woods farm manor grange vale mead meadow meadows cross gate
    """
)

RELATIVES = (
    "sons?|daughters?|child|children|kids?|boys?|girls?|lads?|baby|toddler|teen|teenager|twins?|"
    "brothers?|sisters?|siblings?|husband|wife|partner|ex|fianc[eé]e?|boyfriend|girlfriend|"
    "mum|mom|mam|mother|dad|father|step-?son|step-?daughter|step-?dad|step-?mum|nan|nanna|"
    "gran|granny|grandma|grandad|granddad|grandpa|grandson|granddaughter|grandchild|niece|nephew|"
    "cousin|aunt|auntie|aunty|uncle|friends?|mates?|bestie|ds|dd|dh|bf|gf|bff|hubby|wifey|bro|"
    "sis|bruv|stepbro|stepsis|eldest|youngest|oldest|neighbou?rs?"
)
ROLES = (
    "teachers?|tutor|ta|senco|sendco|head|headteacher|headmaster|headmistress|principal|deputy|"
    "caseworker|worker|officer|co-?ordinator|keyworker|manager|advisor|adviser|mentor|coach|"
    "doctor|gp|consultant|paediatrician|pediatrician|nurse|therapist|ot|salt|physio|"
    "physiotherapist|psych|psychologist|psychiatrist|counsell?or|sw|lsa|assistant|practitioner|"
    "carers?|pa|colleagues?|workmates?|boss"
)

# --- Patterns ----------------------------------------------------------------------------------

_EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
# "kerry at gmail dot com", "kerry.smith@hotmail dot co dot uk"
_DOT = r"(?:[ \t]+dot[ \t]+|[ \t]*[(\[]dot[)\]][ \t]*)"  # " dot ", "(dot)", "[dot]"
_SPELLED_EMAIL = re.compile(
    rf"\b[\w+-]+(?:(?:\.|{_DOT})[\w+-]+)*[ \t]*(?:@|\(at\)|\[at\]|[ \t]at[ \t])[ \t]*[\w-]+"
    rf"(?:[ \t]*(?:\.|{_DOT})[ \t]*[a-z]{{2,6}})*?"
    rf"{_DOT}(?:com|co|uk|org|net|me)\b(?:(?:\.|{_DOT})(?:uk|com))?",
    re.IGNORECASE,
)
_WEB_ADDRESS = re.compile(
    r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:uk|com|org|net|gov|nhs|info|io)\b(?:/\S*)?",
    re.IGNORECASE,
)
_WEB_ADDRESS_HINT = re.compile(r"www\.|\.(?:uk|com|org|net|gov|nhs|info|io)\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_POSTCODE = re.compile(
    r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}|GIR\s?0AA)\b", re.IGNORECASE
)
# Ten digits, however spaced or dashed ("943 476 5919", "943-476-5919", "9434765919"):
# maybe an NHS number, which its check digit tells.
_TEN_DIGITS = re.compile(r"(?<![\d])\d(?:[ \t\-./]{0,2}\d){9}(?![\d])")
# Seven digits or more in a row (spaces, dashes, dots and brackets between): maybe a phone number.
_MANY_DIGITS = re.compile(r"\d(?:[\s\-.()/]{0,2}\d){6,}")
# A UK number written nationally (0 and 9 or 10 digits) or with +44 / 0044, however spaced.
_UK_PHONE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?|\(?0[ \t\-.]?)\d(?:[\s\-.)]{0,2}\d){8,9}(?![\d])"
)
_STREET_STOP = (
    r"(?:the|a|an|of|to|up|down|in|on|at|and|or|my|his|her|our|their|your|each|every|per|more|"
    r"other|different|new|old|is|was|are|were|from|for|with|by|times|hours?|mins?|minutes?|days?|"
    r"weeks?|months?|years?|yrs?|miles?|kids|children|people|car|cars)\b"
)
_ADDRESS = re.compile(
    r"\b\d{1,4}[A-Za-z]?,?[ \t]+"
    rf"(?:(?!{_STREET_STOP})[A-Za-z][A-Za-z'’-]*[ \t]+){{1,3}}?"
    r"(?:road|rd|street|avenue|ave|lane|drive|crescent|terrace|gardens)\b\.?",
    re.IGNORECASE,
)
# For street endings that are also everyday words, the street name must be capitalised.
# "12 The Avenue" too.
_ADDRESS_CAPITALISED = re.compile(
    r"\b\d{1,4}[A-Za-z]?,?[ \t]+"
    r"(?:[Tt]he[ \t]+(?:[A-Z][A-Za-z'’-]*[ \t]+){0,2}?|(?:[A-Z][A-Za-z'’-]*[ \t]+){1,3}?)"
    r"(?:St|Way|way|Close|close|Court|court|Place|place|Grove|grove|Hill|hill|Park|park|"
    r"Road|Street|Avenue|Lane|Drive|Crescent|Terrace|Gardens|Green|Mews|Rise|Walk|Row|Square|"
    r"Parade|Cottages|Cottage|Villas|Meadow|Meadows|View|Fields|Field|Croft|Yard|Chase|Gate|"
    r"Hollow|Orchard|Ridge|Vale|Wharf|Quay|Heights|Estate|Flats|House|Lodge)\b\.?"
)
# "2 The Paddock, Heathfield": a house number on a street named "The ..." with no ending
_ADDRESS_THE = re.compile(
    r"\b\d{1,4}[A-Za-z]?,?[ \t]+[Tt]he[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?"
    r"(?=[ \t]*,|[ \t]+[A-Z]{1,2}\d)"
)
_LEADING_NUMBER = re.compile(r"^\d{1,4}[A-Za-z]?,?[ \t]+")  # "45, " of "45, Burgess Hill"
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ORDINAL_WORD = (
    r"(?:(?:twenty|thirty)[ \t-]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|thirtieth"
)
_DATE_OF_BIRTH = re.compile(
    r"\b(?:d\.?o\.?b\.?|date of birth|birthday|born(?: on)?)[ \t]*(?:is|was|of|[:\-])?[ \t]*"
    r"(?:the[ \t]+)?"
    r"(?P<date>\d{4}[/.\-]\d{1,2}[/.\-]\d{1,2}|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}"
    r"|\d{1,2}[ \t]\d{1,2}[ \t](?:19|20)\d{2}"
    rf"|(?:\d{{1,2}}(?:st|nd|rd|th)?|{_ORDINAL_WORD})[ \t]+(?:of[ \t]+)?{_MONTH}\.?"
    r"(?:,?[ \t]+\d{4})?"
    rf"|{_MONTH}\.?[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?(?:[ \t]+\d{{4}})?)\b",
    re.IGNORECASE,
)

# A whole date straight after a person's name is their date of birth: "Mia 07 12 2012",
# "Sam (03/04/2015)".
_NAME_THEN_DATE = re.compile(
    r"\b[A-Z][a-z'’-]+,?[ \t]+\(?(?:born[ \t]+|dob[ \t]+|d\.o\.b\.?[ \t]+)?"
    r"(?P<date>\d{1,2}(?:[ \t]\d{1,2}[ \t]|[/.\-]\d{1,2}[/.\-])(?:19|20)\d{2})\b"
)
# A house number said on its own near the street: "Beach Road, number 9", "at no. 12".
_HOUSE_NUMBER = re.compile(
    r"\b(?:(?:house|door)[ \t]+)?(?:number|no\.|num\.?)[ \t]?(?P<number>\d{1,4}[a-zA-Z]?)\b"
    r"|\b(?:live|lives|living)[ \t]+at[ \t]+(?:number|no\.?)[ \t]?(?P<at>\d{1,4}[a-zA-Z]?)\b",
    re.IGNORECASE,
)
# Where someone lives, said as a house number and a street in any case: "i live at 3 sunny
# bank, rh13...", "our address is 12 oak tree way". Up to three words after the number, ended by
# a comma, a town cue or the end.
_LIVE_AT_NUMBER = re.compile(
    r"\b(?:live|lives|living|address[ \t]+is|we(?:'re|’re|[ \t]+are)[ \t]+at|moved[ \t]+to)[ \t]+"
    r"(?:at[ \t]+)?(?P<address>\d{1,4}[a-zA-Z]?,?(?:[ \t]+(?!(?:in|near|by|with|and|on|at|the|"
    r"a|an|for|from|to|of|minutes?|mins?|miles?|years?|days?|weeks?|months?|hours?)\b)"
    r"[A-Za-z'’-]+){1,3})(?=[ \t]*(?:,|\.|$|[ \t](?:in|near|by|with|and)\b))",
    re.IGNORECASE,
)
# A name said with "me": "jack n me", "Amira and I".
_NAME_AND_ME = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Za-z][a-z'’-]{2,})[ \t]+(?:n|and|&)[ \t]+(?:me|i|myself)\b"
)
# A nickname and the real name in brackets, either way round: "Big Tone (Anthony)", "Bear
# (nickname)".
_NICKNAME_BRACKETS = re.compile(
    r"(?P<nick>(?:[A-Z][a-z'’-]+[ \t]+)?[A-Z][a-z'’-]+)[ \t]*\((?:(?P<real>[A-Z][a-z'’-]+)|"
    r"nickname|nick name|a nickname|not (?:his|her|their) real name)\)"
)
# A first name between commas after someone described: "the lady at the desk, Mags, at..."
_BETWEEN_COMMAS = re.compile(r",[ \t]*(?P<name>[A-Z][a-z'’-]+)[ \t]*,")
# A first name as the first word, then a condition: "Will has cerebral palsy"
_NAME_HAS_CONDITION = re.compile(
    r"(?:^|[.!?][ \t]+)(?P<name>[A-Z][a-z'’-]+)[ \t]+(?:has|had|has got|was diagnosed with|is)"
    r"[ \t]+(?:a[ \t]+|an[ \t]+)?(?:autism|autistic|adhd|asd|dyspraxia|dyslexia|epilepsy|cerebral|"
    r"down|downs|tourettes|hypermobility|pda|ocd|global|learning|speech|sensory|complex|severe|"
    r"deaf|blind|diabetes|asthma|sickle|spina|muscular)\b"
)
# Someone named with their age: "Will is 8 and can't cope", "Hope (turned 11) loves it".
_NAME_WITH_AGE = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][a-z'’-]+)[ \t]+(?:is|was|turned|turns|has[ \t]+just[ \t]+turned|"
    r"who[ \t]+is|aged)[ \t]+(?:now[ \t]+|only[ \t]+|just[ \t]+)?(?:[1-9]|1\d|2[0-5])\b"
    r"(?![ \t]*(?:%|percent|miles?|minutes?|mins?|hours?|days?|weeks?|months?|pounds|quid|pm|am|"
    r"o['’]?clock|:|\.\d|th\b|st\b|nd\b|rd\b|years?[ \t]+(?:away|ago|late|behind|off|long)))"
)
_NOT_A_NAME_BEFORE_AN_AGE = _words(
    """
    he she it they this that there here who what which year class room bus page step stage
    level grade key january february march april june july august september october november
    december monday tuesday wednesday thursday friday saturday sunday
    """
)
# A National Insurance number: "QQ 12 34 56 C".
_NI_NUMBER = re.compile(
    r"\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z]{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?\d{2}[ \t]?[A-D]\b"
    r"|(?<=\bni)(?:[ \t]+(?:number|no\.?))?(?:[ \t]+is)?[ \t:]+(?P<cued>[A-Z]{2}[ \t]?\d{2}[ \t]?"
    r"\d{2}[ \t]?\d{2}[ \t]?[A-D])\b",
    re.IGNORECASE,
)
# A case, pupil or record number after the word that names it: "case ref ESC/EHC/2023/04417",
# "UPN H801200001054", "Mosaic ID 1187342".
_REFERENCE = re.compile(
    r"\b(?:ref(?:erence)?|case(?:[ \t]+(?:no|number|id))?|upn|uln|pupil[ \t]+(?:no|number|id)|"
    r"mosaic(?:[ \t]+id)?|id|record[ \t]+(?:no|number)|file[ \t]+(?:no|number)|claim[ \t]+"
    r"(?:no|number)|(?:student|hospital|patient|candidate|membership|account|customer|"
    r"exam|library|blue[ \t]+badge)[ \t]+(?:no|number|id))"
    r"\.?(?:[ \t]+(?:no|number))?\.?(?:[ \t]*\((?:upn|uln|id|ref|no)\))?[ \t]*(?:is|[:#=])?[ \t]*"
    r"(?P<reference>(?=[A-Za-z0-9/\-]*\d)[A-Za-z0-9][A-Za-z0-9/\-]{4,30})\b"
    # a letter and ten or more digits, the shape of a pupil number (UPN), with no word before
    r"|(?<![\w/-])(?P<bare>[A-Za-z]\d{10,14})(?![\w/-])",
    re.IGNORECASE,
)
# A postcode district on its own ("we're in RH10", "bn3"): any UK area in capitals; in lower
# case only the areas around Sussex, so "me2" stays text-speak.
_POSTCODE_AREAS = (
    "AB|AL|BA|BB|BD|BH|BL|BN|BR|BS|BT|CA|CB|CF|CH|CM|CO|CR|CT|CV|CW|DA|DD|DE|DG|DH|DL|DN|DT|DY|"
    "EC|EH|EN|EX|FK|FY|GL|GU|HA|HD|HG|HP|HR|HS|HU|HX|IG|IP|IV|KA|KT|KW|KY|LA|LD|LE|LL|LN|LS|LU|"
    "ME|MK|ML|NE|NG|NN|NP|NR|NW|OL|OX|PA|PE|PH|PL|PO|PR|RG|RH|RM|SA|SE|SG|SK|SL|SM|SN|SO|SP|SR|"
    "SS|ST|SW|SY|TA|TD|TF|TN|TQ|TR|TS|TW|UB|WA|WC|WD|WF|WN|WR|WS|WV|YO|ZE"
)
_POSTCODE_DISTRICT = re.compile(
    rf"(?<![\w-])(?:(?:{_POSTCODE_AREAS})\d{{1,2}}[A-Z]?|(?i:bn|rh|tn|po|gu)\d{{1,2}})(?![\w-])"
)
# A flat in a named building: "Flat 12, Jubilee House".
_FLAT = re.compile(
    r"\b(?:[Ff]lat|FLAT|[Aa]partment|[Aa]pt)\.?[ \t]*\d{1,4}[A-Za-z]?,?[ \t]+"
    r"(?:[A-Z][a-z'’-]+[ \t]+){1,3}(?:House|Court|Lodge|Mansions|Tower|Heights|Place|Point|"
    r"Apartments|Buildings|Gardens|Towers)\b"
)
# Initials and a surname: "R.K. Singh", "J. Smith".
_INITIALS_NAME = re.compile(
    r"(?<![\w.])(?:[A-Z]\.[ \t]?){1,3}(?P<surname>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)\b"
)

# Cue words are plain ASCII; matching them as ASCII is twice as fast.
_CUE_FLAGS = re.IGNORECASE | re.ASCII
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_APOSTROPHE_NAME = re.compile(  # "O'Brien", "D'Souza", "o'donnell"
    r"[A-Z]['’][A-Z][\w'’-]*|(?:o|d)['’][a-z]{3,}[\w'’-]*"
)
# "my son", "her teacher", "our eldest daughter", "my son's teacher"
_RELATION_CUE = re.compile(
    rf"\b(?:my|our|his|her|their|your|ur|me|the)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{RELATIVES}|{ROLES})\b"
    r"|\b(?:me|myself)\s+(?:n|and|&)(?=\s+[a-z]+\s+(?:n|and|&)\s)"  # "me n ruby n tash"
    # a job that opens a sentence, then a capitalised name: "Social worker Will Thompson said"
    rf"|(?:^|(?<=[.!?]\s))(?:(?:social|key|support|case|youth|family|link|class|form)\s+)?"
    rf"(?:{ROLES})(?=[ \t]+(?-i:[A-Z]))",
    _CUE_FLAGS,
)
# "mum of freddie", "nan to", "carer for", "aunty bev", "uncle dave": the name of a child in
# their care, or of a relative.
_CARER_CUE = re.compile(
    r"\b(?:(?:mum|mom|mam|mummy|mother|dad|daddy|father|parent|carer|foster\s+carer|guardian|"
    r"nan|nanna|gran|grandma|grandad|granddad|grandmother|grandfather|auntie|aunty|aunt|uncle)"
    r"\s+(?:of|to|for)|aunty|auntie|aunt|uncle|nanny|nana|granny|grandad|grandma|grandpa|cousin)\b",
    re.IGNORECASE | re.ASCII,
)
# "my name is", sign-offs: what follows is the writer's own name, surname included.
_SELF_CUE = re.compile(
    r"\b(?:my\s+name\s+is|my\s+names|my\s+name['’]s|(?:sur|first\s+|last\s+|full\s+|fore)?"
    r"name\s*:|surname\s+is|signed|kind\s+regards|regards|"
    r"best\s+wishes|yours\s+sincerely|yours\s+faithfully)\b",
    _CUE_FLAGS,
)
# "called will", "my name is may": a word that is also a name is a name here, in any case.
_NAMING_CUE = re.compile(
    r"\b(?:called|named|known\s+as|aka|call\s+me|my\s+name\s+is|my\s+names|my\s+name['’]s|"
    r"name\s+is|name['’]s|(?:sur|first\s+|last\s+|full\s+|fore|family\s+)?name\s*:|"
    r"surname\s+is)",
    _CUE_FLAGS,
)
# Never one of a pair of people: "Mum and Dad are my heroes", days and months
_NOT_PEOPLE = _words(
    "mum dad mummy daddy mam mom nan grandad gran grandma grandpa me him her them us you i my "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may "
    "june july august september october november december school college"
)
_COLOURS = _words("amber red yellow green blue scarlet ruby violet rose")
_COLOUR_CODED = _words(
    "warning warnings alert alerts light lights card cards zone zones list flag flags status "
    "rating ratings level weather wristband wristbands lanyard lanyards"
)
_CAME_FROM = _words("moved move moving came come born originally family families here fled")
# Places that are also given names: after "her name is" or "I'm ..., 16" they are the name.
PLACES_PEOPLE_ARE_NAMED_AFTER = _words(
    "india devon paris chelsea brooklyn london sydney florence georgia adelaide alexandria "
    "augusta dallas chester preston milton trinidad raleigh camden stirling geneva alberta "
    "jordan kenya israel lorne"
)
# Straight before a word, a naming that makes it a name even when it is a place: "her name is
# India", "my son's name's Devon"
_NAME_IS_BEFORE = re.compile(r"\bnames?(?:[ \t]+is|['’]s|[ \t]*:)[ \t]*$", re.IGNORECASE)
# A class after a teacher's name: "miss honey in year 4", "mr bell from class 3"
_CLASS_AFTER = re.compile(
    r"[ \t]+(?:in|from|teaches|takes|runs)[ \t]+(?:year|yr|y|class|reception|nursery|form)\b",
    re.IGNORECASE,
)
# "I'm Dave", "this is Kerry", "hi Sarah", "my son is Jack"
_INTRO_CUE = re.compile(
    r"\b(?:i['’]?m|i\s+am|this\s+is|hi|hello|hiya|hey|dear|it['’]?s\s+(?:only\s+|just\s+)?me|"
    rf"(?:my|our|his|her|their)\s+(?:{RELATIVES}|pa|carer|key\s*worker|support\s+worker|"
    r"social\s+worker|personal\s+assistant)\s+(?:is|was))\b",
    _CUE_FLAGS,
)
# "thanks sarah", "from jack": only a clear first name counts after these.
_GREETING_CUE = re.compile(
    r"\b(?:(?:thanks|thank\s+you|shout\s*out|grateful|thankful)\s+to|thanks|thank\s+you|"
    r"cheers|from|love|ta|it['’]?s|ask\s+for|speak\s+to|talk\s+to|"
    r"spoke\s+to|spoken\s+to|tell|ask)\b",
    _CUE_FLAGS,
)
# "add me on snap liam.k2010", "my insta is jess_draws": a user name given without the @.
_NAMED_HANDLE = re.compile(
    r"\b(?:snap(?:chat)?|insta(?:gram)?|ig|tiktok|tik\s+tok|discord|twitter|threads|kik|"
    r"youtube|twitch|steam|psn|xbox|gamertag|username|user\s+name|handle)"
    r"(?:[ \t]+(?:on|in|at|for)[ \t]+(?:the[ \t]+|my[ \t]+|our[ \t]+)?[A-Za-z]+)?"
    r"(?:[ \t]+(?:is|it['’]?s|name|handle|id|username))?[ \t]*[:\-=]?[ \t]+"
    r"(?P<handle>[A-Za-z0-9_.]{3,30})",
    re.IGNORECASE,
)
# "sunflowermum_77", "jess_draws": a word joined by an underscore is a user name, wherever it is
_UNDERSCORED = re.compile(r"(?<![\w@./:])[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*[A-Za-z0-9](?![\w@])")
# "snap me at lukey_b2008", "dm me on insta at jo.k_11": a user name after asking to be found.
_FIND_ME_HANDLE = re.compile(
    r"\b(?:snap|dm|message|msg|add|find|follow|hit)[ \t]+me[ \t]+(?:up[ \t]+)?(?:at|on)[ \t]+"
    r"(?:(?:snap(?:chat)?|insta(?:gram)?|ig|tiktok|discord|twitter)[ \t]+(?:at[ \t]+)?)?"
    r"(?!\d{1,2}(?:[:.]\d\d)?[ \t]*(?:am|pm)\b)"
    r"(?P<handle>(?=[A-Za-z0-9_.]*[_.\d])(?=[A-Za-z0-9_.]*[A-Za-z])[A-Za-z0-9_.]{3,30})",
    re.IGNORECASE,
)
# A house with a name, and the street after it: "Rose Cottage, Church Lane", "The Old Forge,
# Station Road"; and a street called "The ..." where someone lives ("we live on The Crescent").
_HOUSE = (
    r"(?:The[ \t]+)?(?:[A-Z][a-z'’-]+[ \t]+){0,2}(?:Cottage|Cottages|House|Farm|Farmhouse|Barn|"
    r"Barns|Lodge|Forge|Mill|Villa|Bungalow|Grange|Croft|Orchard|Oast|Rectory|Vicarage|Stables|"
    r"Coach[ \t]+House|Old[ \t]+School)"
)
_STREET_NAME = (
    r"(?:[A-Z][a-z'’-]+[ \t]+){1,3}(?:Road|Rd|Street|St|Lane|Avenue|Ave|Drive|Close|Way|"
    r"Crescent|Terrace|Gardens|Place|Grove|Mews|Hill|Rise|Row|Walk|Green|Square|Parade)\b\.?"
)
_HOUSE_ADDRESS = re.compile(
    rf"\b(?P<street>{_HOUSE},?[ \t]+{_STREET_NAME})"
    rf"|\b(?:live|lives|living|write\s+to\s+(?:us|me)|address\s+is|address:)[ \t]+(?:at[ \t]+)?"
    rf"(?P<house>{_HOUSE}\b(?:,?[ \t]+{_STREET_NAME})?)"
    r"|\b(?:[Hh]ouse[ \t]+(?:name[ \t]+is|is[ \t]+called|called)|[Hh]ouse[ \t]+name:)[ \t]+"
    rf"(?P<named>(?:The[ \t]+)?[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){{0,2}}"
    rf"(?:,?[ \t]+{_STREET_NAME})?)"
)
_LIVE_ON_STREET = re.compile(
    r"\b(?:(?:live|lives|living|moved|address\s+is|house\s+is|home\s+is)[ \t]+(?:on|at|in|to)"
    r"|(?:[Ww]e(?:'re|’re|[ \t]+are)|I(?:'m|’m|[ \t]+am))[ \t]+on)"
    rf"[ \t]+(?P<street>The[ \t]+[A-Z][a-z]+|{_STREET_NAME})"
)
# "we call him Tiny", "everyone calls her Bubba": a nickname, in capitals, after the calling
_NICKNAME = re.compile(
    r"\b(?:call|calls|called|calling)[ \t]+(?:him|her|them|me)[ \t]+(?:as[ \t]+)?"
    r"(?P<name>[A-Z][a-z'’-]+|[A-Z]{2,4}(?![\w'’-]))\b"
    r"|\b(?:called|known[ \t]+as|nicknamed)[ \t]+(?P<known>[A-Z][a-z'’-]+)(?=[ \t]+(?:at[ \t]+"
    r"home|by[ \t]+(?:us|everyone|family|his|her|the|our|all)|for[ \t]+short|in[ \t]+the[ \t]+"
    r"family))"
)
# "the Adebayo family": a surname; "me (Funmi)": the writer's own name in brackets.
_FAMILY_NAME = re.compile(r"\bthe[ \t]+(?P<name>[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?)[ \t]+family\b")
# "kayla from my class", "jayden in my form": someone named by where they sit with the writer
_CLASSMATE = re.compile(
    r"\b(?P<name>[A-Za-z][a-z'’-]{2,})[ \t]+(?:from|in|at)[ \t]+(?:my|our|his|her|their)[ \t]+"
    r"(?:class|form|year|tutor[ \t]+group|group|set|unit|bubble|house)\b"
)
# Two people named together by who they are to the writer: "Grace and Hope are my twins",
# "jack n amber r my mates", "Lils and Bex from year 9"
_PAIR_OF_NAMES = re.compile(
    r"(?<![\w'’@.])(?P<a>[A-Za-z][a-z'’-]+),?[ \t]+(?:and|&|n)[ \t]+(?P<b>[A-Za-z][a-z'’-]+)[ \t]+"
    r"(?:(?:are|r|were)[ \t]+(?:(?:my|our|both|the|his|her|their)[ \t]+)?(?:[a-z]+[ \t]+){0,2}?"
    r"(?:twins|kids|children|sons|daughters|boys|girls|eldest|youngest|oldest|grandchildren|"
    r"grandkids|grandsons|granddaughters|brothers|sisters|siblings|mates|friends|nephews|nieces|"
    r"cousins)\b|(?:from|in)[ \t]+(?:year|yr|class|form)\b|\((?:twins|twin|my|both|aged?)\b)"
)
# "Tommo (my brother) is autistic": a name with who they are in brackets
_NAME_THEN_WHO = re.compile(
    rf"(?<![\w'’@.])(?P<name>[A-Za-z][a-z'’-]+)[ \t]*\((?:my|our|his|her|their)[ \t]+"
    rf"(?:{RELATIVES}|{ROLES})\)",
    re.IGNORECASE,
)
_OWN_NAME_IN_BRACKETS = re.compile(
    r"\b(?:me|myself|I)[ \t]*\((?P<name>[A-Za-z][a-z'’-]+)\)"
    # "Oluwadamilare (Dami for short)", "(aka Bex)"
    r"|\((?:aka[ \t]+|or[ \t]+|known[ \t]+as[ \t]+)?(?P<short>[A-Za-z][a-z'’-]+)[ \t]+for[ \t]+"
    r"short\)"
    r"|\((?:aka|a\.k\.a\.?|known[ \t]+as)[ \t]+(?P<aka>[A-Za-z][a-z'’-]+)\)"
)
# "Mark from the transport team": a first name, even an everyday word, before where they work.
_WORKS_AT = re.compile(
    r"[ \t]+(?:from|at|in|on)[ \t]+(?:the[ \t]+)?(?:[\w'’-]+[ \t]+){0,3}?(?:team|council|school|"
    r"office|service|services|hub|nhs|camhs|college|clinic|surgery|hospital|charity|forum|unit|"
    r"department|desk|reception|helpline|group|groups|nursery|centre|center|library|canteen|"
    r"classroom|base|playground|kitchen|sensory room)\b",
    re.IGNORECASE,
)
# "@jake_123": a user name on social media.
_HANDLE = re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]*[A-Za-z0-9_])?")
# A person's page on a social network: "facebook.com/laura.bennett.5678", "instagram.com/jo_b"
_SOCIAL_PROFILE = re.compile(
    r"(?:https?://)?(?:www\.|m\.|uk\.)?(?:facebook|fb|instagram|twitter|x|tiktok|linkedin|"
    r"snapchat|threads|youtube)\.com/(?:in/|@)?[A-Za-z0-9_.%-]+(?:/[^\s,;)]*)?",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t]+")
_NAME_GAP = re.compile(r"(?:['’][sS])?[ \t]+")  # "Vera Lynn Children's Charity"
_TITLE_GAP = re.compile(r"\.?[ \t]+")  # "Mr Smith", "Mr. Smith"
_CUE_GAP = re.compile(r"[ \t]*[,:\-–—(]?[ \t]*\n?[ \t]*")
_LIST_GAP = re.compile(
    r"(?:[ \t]*\(\d{1,2}\))?[ \t]*(?:,|&|and|n|,[ \t]*and)(?:[ \t]+(?:to|for))?[ \t]+",
    re.IGNORECASE,
)  # "freddie (7) and poppy (4)", "aunty bev and to Sue"
_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z'’]+)")
_MODALS = _words("will may can might must shall should would could")
# "i am jay and my carer is...", "im grace, 12": a word that is also a name, said straight after
# "I am" and followed by more about who they are, is their name ("i am happy and" is not: happy
# is no name; "i am frank about it" goes on with something else).
_SELF_INTRO_BEFORE = re.compile(r"\b(?:i['’]?m|i\s+am)\s+$", re.IGNORECASE)
_MORE_ABOUT_ME = re.compile(
    r"[ \t]*,?[ \t]*(?:\d|aged?\b|and (?:i|im|i['’]m|i am|my)\b|from\b|in year\b|year \d|"
    r"here\b|[.!]|$)",
    re.IGNORECASE,
)
_AFTER_A_NAME = _words(
    "is was has had hates loves likes needs goes went gets got does did doesnt didnt cant "
    "can't won't wont keeps started starts struggles attends wants says said finds found "
    "hasnt hasn't isnt isn't wasn't wasnt takes took drives drove picks picked helps helped comes "
    "came brings brought lives looks looked"
)
_RELATION_WORD = re.compile(rf"(?:{RELATIVES}|{ROLES})", re.IGNORECASE)

# Cue kinds, strongest first.
_RELATION, _SELF, _INTRO, _GREETING = 1, 2, 3, 4
# A short word that does not end like a verb ("gaz", "bex"; not "adores", "dreaded").
_SHORT_NAME_SHAPE = re.compile(r"[a-z]{3,7}(?<!s)(?<!ed)(?<!ing)")


# --- The first-name list -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    """First names in three tiers, and how common everyday English words are."""

    known: frozenset[str]  # a name after a cue
    mid_sentence: frozenset[str]  # a name when capitalised in the middle of a sentence
    sentence_start: frozenset[str]  # a name when capitalised, even at the start of a sentence
    popularity: dict[str, int]  # name -> how common in Britain, Ireland or the USA (0..13)
    rank: dict[str, int]  # the 5,000 most common English words -> rank (0 is "the")
    surnames: frozenset[str]  # surnames from English-speaking countries, but not everyday words
    world_surnames: frozenset[str]  # surnames from everywhere else, in Latin letters, not words
    any_surnames: frozenset[str]  # every surname, everyday words too ("Smith", "Green")


_HAN_OR_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")

# Faker locales whose names are common in Britain; names from the others count as less common.
_ENGLISH_SPEAKING = {
    "en",
    "en_GB",
    "en_IE",
    "en_US",
    "en_NZ",
    "en_IN",
    "en_PK",
    "en_NG",
    "en_KE",
    "ga_IE",
}


def _faker_surnames() -> tuple[set[str], set[str]]:
    """Surnames from Faker's person providers, lower case, in Latin letters (other scripts
    written out with anyascii): those of English-speaking countries, and the rest."""
    import faker.providers.person as people

    english: set[str] = set()
    world: set[str] = set()
    for module in pkgutil.iter_modules(people.__path__):
        try:
            provider = importlib.import_module(f"{people.__name__}.{module.name}").Provider
        except (ImportError, AttributeError):
            continue
        names: set[str] = set()
        for attribute in ("last_names", "last_romanized_names"):
            value = getattr(provider, attribute, None)
            if isinstance(value, tuple | list | dict):
                names.update(str(name) for name in value)
        (english if module.name in _ENGLISH_SPEAKING else world).update(_spellings(names))
    return english, world - english


def _fold(word: str) -> str:
    """Lower case in plain Latin letters: "João" -> "joao", "Оксана" -> "oksana"."""
    return (word if word.isascii() else anyascii(word)).lower()


def _faker_first_names() -> dict[str, int]:
    """First names in Latin letters from Faker's person providers: name -> 5 (common in
    English-speaking countries) or 1 (elsewhere)."""
    import faker.providers.person as people

    popularity: dict[str, int] = {}
    for module in pkgutil.iter_modules(people.__path__):
        try:
            provider = importlib.import_module(f"{people.__name__}.{module.name}").Provider
        except (ImportError, AttributeError):
            continue
        names: set[str] = set()
        for attribute in (
            "first_names",
            "first_names_male",
            "first_names_female",
            "first_names_nonbinary",
            "first_romanized_names",
        ):
            value = getattr(provider, attribute, None)
            if isinstance(value, tuple | list | dict):
                names.update(str(name) for name in value)
        latin = _spellings(names)
        if not latin:
            continue
        score = 5 if module.name in _ENGLISH_SPEAKING else 1
        for name in latin:
            # Some lists hold everyday words ("early", "said", "peace"): a name only in those
            # and common in English is a word.
            word_here = module.name not in _NAMES_NOT_WORDS and zipf_frequency(name, "en") >= 4.0
            own = 0 if word_here and name not in WORDS_THAT_ARE_ALSO_NAMES else score
            popularity[name] = max(popularity.get(name, 0), own)
    return popularity


# English-speaking lists whose names are names, even when they are words too ("Grace").
_NAMES_NOT_WORDS = {"en_GB", "en_IE", "en_US", "en_NZ", "ga_IE"}


def _spellings(names: Iterable[str]) -> set[str]:
    """Each name as people here type it: lower case as written ("joão", "оксана") and in plain
    Latin letters ("joao", "oksana"). Chinese and Japanese characters give nothing useful
    written out, and those lists have romanised names of their own."""
    found: set[str] = set()
    for name in names:
        if _HAN_OR_KANA.search(name):
            continue
        for spelling in (name.lower(), _fold(name)):
            if spelling.isalpha():
                found.add(spelling)
    return found


@cache
def _vocabulary() -> _Vocabulary:
    """Build the name tiers once per process: about 0.4 s."""
    popularity = _faker_first_names()
    for name in EXTRA_NAMES:
        popularity[name] = max(popularity.get(name, 0), 5)

    frequency = get_frequency_dict("en")

    def zipf(word: str) -> float:
        value = frequency.get(word, 0.0)
        return math.log10(value) + 9 if value > 0 else 0.0

    known: set[str] = set()
    mid_sentence: set[str] = set()
    sentence_start: set[str] = set()
    for name, score in popularity.items():
        if len(name) < 2 or name in NEVER_NAMES:
            continue
        everyday = zipf(name)
        if score == 0 and everyday >= 4.0:
            continue  # a name elsewhere, an everyday word here: "son", "the", "line"
        known.add(name)
        if name in WORDS_THAT_ARE_ALSO_NAMES or (score < 3 and everyday >= 4.0):
            continue
        if len(name) < 3 and score < 3:
            continue
        mid_sentence.add(name)
        if score >= 1 or everyday < 3.0:
            sentence_start.add(name)
    rank = {word: position for position, word in enumerate(top_n_list("en", 5000))}
    english_surnames, other_surnames = _faker_surnames()
    surnames = {name for name in english_surnames if zipf(name) < 4.5}
    world_surnames = {
        name
        for name in other_surnames
        if len(name) >= 3 and zipf(name) < 3.0 and name not in NEVER_NAMES
    }
    return _Vocabulary(
        known=frozenset(known),
        mid_sentence=frozenset(mid_sentence),
        sentence_start=frozenset(sentence_start),
        popularity=popularity,
        rank=rank,
        surnames=frozenset(surnames),
        world_surnames=frozenset(world_surnames),
        any_surnames=frozenset(english_surnames | other_surnames),
    )


# --- Words in a message ------------------------------------------------------------------------


@dataclass(slots=True)
class _Word:
    """One word of a message, without a possessive "'s"."""

    start: int
    end: int
    text: str
    lower: str
    first_part: str  # "lily" for "Lily-Mae", "joao" for "João"
    folded: str  # the whole word, lower case, in plain Latin letters
    possessive: bool
    sentence_start: bool
    capitalised: bool  # "Jack", "Lily-Mae", "McDonald"; not "SENDCo" or "NHS"
    shouted: bool  # "NHS", "JACK"
    contraction: bool  # "don't", "I'm"; but "O'Brien" is a name


def _split_words(text: str) -> list[_Word]:
    words: list[_Word] = []
    previous_end = 0
    for match in _WORD.finditer(text):
        word, end = match.group(), match.end()
        possessive = len(word) > 2 and word[-2] in "'’" and word[-1] in "sS"
        if possessive:
            word, end = word[:-2], end - 2
        lower = word.lower()
        upper = word.isupper()
        capitalised = word[0].isupper() and not upper and _capitalised(word)
        sentence_start = False
        if capitalised:  # only a capitalised word needs to know
            gap = text[previous_end : match.start()]
            before = gap.rstrip(" \t\"'“‘([")
            if words:
                sentence_start = "\n" in gap or (before != "" and before[-1] in ".!?…")
            else:
                sentence_start = before == "" or before[-1] in ".!?…-*•"
        contraction = ("'" in word or "’" in word) and not _APOSTROPHE_NAME.fullmatch(word)
        # the lists hold names as written and in plain Latin letters: "siobhan" for "Siobhán"
        folded = lower if lower.isascii() else anyascii(lower).lower()
        first_part = folded.partition("-")[0]
        shouted = upper and len(word) > 1
        words.append(
            _Word(
                match.start(), end, word, lower, first_part, folded, possessive, sentence_start,
                capitalised, shouted, contraction,
            )
        )  # fmt: skip
        previous_end = match.end()
    return words


def _capitalised(word: str) -> bool:
    """ "Jack", "Lily-Mae", "McDonald"; not "SENDCo"."""
    return all(sum(c.isupper() for c in part) <= 2 for part in word.split("-"))


def _keep_key(phrase: str) -> tuple[str, ...]:
    """ "Goring-by-Sea" and "goring by sea" -> ("goring", "by", "sea")."""
    return tuple(part for word in _WORD.findall(phrase.lower()) for part in word.split("-"))


class _Spans:
    """Character ranges already claimed: a detail to replace (kind) or text to keep (None)."""

    def __init__(self) -> None:
        self.items: list[tuple[int, int, str | None]] = []

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e, _ in self.items)

    def claim(self, start: int, end: int, kind: str | None) -> bool:
        if start >= end or not self.free(start, end):
            return False
        self.items.append((start, end, kind))
        return True

    def claim_all(
        self, pattern: re.Pattern[str], text: str, kind: str | None, group: int | str = 0
    ) -> None:
        for match in pattern.finditer(text):
            self.claim(match.start(group), match.end(group), kind)


# --- The redactor ------------------------------------------------------------------------------


class Redactor:
    """Finds personal details in typed text and replaces them with placeholders.

    Build one at start-up and share it: the first one built loads the list of first names.
    """

    def __init__(
        self,
        *,
        keep_words: Iterable[str] = (),
        public_numbers: Iterable[str] = (),
        public_emails: Iterable[str] = (),
    ) -> None:
        self._vocabulary = _vocabulary()
        self._public_numbers = frozenset(public_numbers)
        self._public_emails = frozenset(email.lower() for email in public_emails)
        # First word -> the phrases starting with it, longest first; "-" counts as a space.
        self._keep: dict[str, list[tuple[str, ...]]] = {}
        for phrase in {_keep_key(words) for words in keep_words}:
            if phrase:
                self._keep.setdefault(phrase[0], []).append(phrase)
        for phrases in self._keep.values():
            phrases.sort(key=len, reverse=True)

    def _nickname_after_a_name(self, text: str, spans: _Spans) -> None:
        """ "lauren (lozza)", "Thomas (Tom)": the word in brackets after a name is what they are
        called too, unless it is a word of its own ("Sam (autistic)")."""
        for _, end, kind in list(spans.items):
            if kind != "name":
                continue
            match = _BRACKETED_WORD.match(text, end)
            if match is None:
                continue
            word = match.group("word").lower()
            if word in NEVER_NAMES or word in FUNCTION_WORDS or word in ORGANISATION_WORDS:
                continue
            if word in self._vocabulary.known or zipf_frequency(word, "en") < 3.0:
                spans.claim(match.start("word"), match.end("word"), "name")

    def _names_in_passing(self, text: str, spans: _Spans) -> None:
        """Names said with "me", beside a nickname, between commas, or first with a
        condition; only first names the name list knows (or rare words), never places."""
        known = self._vocabulary

        def a_name(word: str, *, capitalised: bool) -> bool:
            lower = word.lower()
            first = lower.split("-")[0]
            if lower in NEVER_NAMES or lower in FUNCTION_WORDS or self._is_a_place(word):
                return False
            if lower in ORGANISATION_WORDS or _RELATION_WORD.fullmatch(lower):
                return False
            if first in known.mid_sentence and known.popularity.get(first, 0) >= 3:
                return True
            return capitalised and first in known.known

        for match in _NAME_AND_ME.finditer(text):
            name = match.group("name")
            if a_name(name, capitalised=name[:1].isupper()):
                spans.claim(match.start("name"), match.end("name"), "name")
        for match in _NICKNAME_BRACKETS.finditer(text):
            real = match.group("real")
            if real is None or a_name(real, capitalised=True):
                nick = match.group("nick")
                if nick.lower() not in NEVER_NAMES and not self._is_a_place(nick):
                    spans.claim(match.start("nick"), match.end("nick"), "name")
                if real:
                    spans.claim(match.start("real"), match.end("real"), "name")
        for pattern in (_BETWEEN_COMMAS, _NAME_HAS_CONDITION):
            for match in pattern.finditer(text):
                if a_name(match.group("name"), capitalised=True):
                    spans.claim(match.start("name"), match.end("name"), "name")

    def _is_a_place(self, words: str) -> bool:
        """ "Burgess Hill", "Heath Road"? Only a town or a kept name, never a street."""
        phrase = _keep_key(words)
        return bool(phrase) and phrase in self._keep.get(phrase[0], ())

    def redact(self, text: str) -> Redaction:
        """Replace phone numbers, emails, postcodes, addresses, dates of birth and names."""
        spans = _Spans()
        if "@" in text:
            for match in _EMAIL.finditer(text):
                public = match.group().lower() in self._public_emails
                spans.claim(match.start(), match.end(), None if public else "email")
        if "dot" in text.lower():
            spans.claim_all(_SPELLED_EMAIL, text, "email")
        if ".com/" in text.lower():
            spans.claim_all(_SOCIAL_PROFILE, text, "name")  # before other web addresses
        if "://" in text or _WEB_ADDRESS_HINT.search(text):
            spans.claim_all(_WEB_ADDRESS, text, None)
        if "@" in text:
            for match in _HANDLE.finditer(text):
                if match.group()[1:].lower() not in self._vocabulary.rank:  # not "@home"
                    spans.claim(match.start(), match.end(), "name")
        for match in _NAMED_HANDLE.finditer(text):
            handle = match.group("handle")
            if handle.lower() not in self._vocabulary.rank or _DIGIT.search(handle):
                spans.claim(match.start("handle"), match.end("handle"), "name")
        spans.claim_all(_FIND_ME_HANDLE, text, "name", group="handle")
        spans.claim_all(_UNDERSCORED, text, "name")
        for pattern in (_FAMILY_NAME, _OWN_NAME_IN_BRACKETS, _CLASSMATE):
            for match in pattern.finditer(text):
                group = next(g for g, value in match.groupdict().items() if value)
                name = match.group(group).lower()
                if name not in NEVER_NAMES and (
                    name not in self._vocabulary.rank
                    or (group != "name" and name not in FUNCTION_WORDS)  # "(Will for short)"
                    or (pattern is _OWN_NAME_IN_BRACKETS and name in self._vocabulary.known)
                ):
                    spans.claim(match.start(group), match.end(group), "name")
        for pattern in (_PAIR_OF_NAMES, _NAME_THEN_WHO):
            for match in pattern.finditer(text):
                for group in ("a", "b", "name"):
                    if group not in match.re.groupindex:
                        continue
                    word = match.group(group)
                    lower = word.lower()
                    if lower in FUNCTION_WORDS or lower in ORGANISATION_WORDS:
                        continue
                    if lower in _NOT_PEOPLE:
                        continue
                    if word[0].isupper() or (
                        lower in self._vocabulary.known
                        and self._vocabulary.popularity.get(lower, 0) >= 2
                    ):
                        spans.claim(match.start(group), match.end(group), "name")
        for match in _NICKNAME.finditer(text):
            group = "name" if match.group("name") else "known"
            if match.group(group).lower() not in NEVER_NAMES:
                spans.claim(match.start(group), match.end(group), "name")
        for match in _HOUSE_ADDRESS.finditer(text):
            group = next(g for g in ("street", "house", "named") if match.group(g))
            spans.claim(match.start(group), match.end(group), "address")
        spans.claim_all(_FLAT, text, "address")
        spans.claim_all(_LIVE_ON_STREET, text, "address", group="street")
        for match in _INITIALS_NAME.finditer(text):
            surname = match.group("surname").lower()
            if surname not in ORGANISATION_WORDS and (
                surname not in self._vocabulary.rank or surname in self._vocabulary.any_surnames
            ):
                spans.claim(match.start(), match.end(), "name")
        if _DIGIT.search(text):
            _find_nhs_numbers(text, spans)
            for match in _REFERENCE.finditer(text):
                group = "reference" if match.group("reference") else "bare"
                spans.claim(match.start(group), match.end(group), "reference")
            for match in _NI_NUMBER.finditer(text):
                if match.group("cued"):
                    spans.claim(match.start("cued"), match.end("cued"), "ni_number")
                else:
                    spans.claim(match.start(), match.end(), "ni_number")
            spans.claim_all(_POSTCODE, text, "postcode")
            spans.claim_all(_POSTCODE_DISTRICT, text, "postcode")
            _find_phone_numbers(text, spans, self._public_numbers)
            for pattern in (_ADDRESS, _ADDRESS_CAPITALISED):
                for match in pattern.finditer(text):
                    if not self._is_a_place(_LEADING_NUMBER.sub("", match.group())):
                        spans.claim(match.start(), match.end(), "address")
            spans.claim_all(_ADDRESS_THE, text, "address")
            for match in _LIVE_AT_NUMBER.finditer(text):
                if not self._is_a_place(_LEADING_NUMBER.sub("", match.group("address"))):
                    spans.claim(match.start("address"), match.end("address"), "address")
            spans.claim_all(_DATE_OF_BIRTH, text, "date_of_birth", group="date")
            spans.claim_all(_NAME_THEN_DATE, text, "date_of_birth", group="date")
            near_street = any(kind == "address" for _, _, kind in spans.items)
            for match in _HOUSE_NUMBER.finditer(text):
                if match.group("at"):
                    spans.claim(match.start("at"), match.end("at"), "address")
                elif near_street:
                    spans.claim(match.start(), match.end(), "address")
        _NameFinder(self._vocabulary, self._keep, text, spans).run()
        if _DIGIT.search(text):
            for match in _NAME_WITH_AGE.finditer(text):
                name = match.group("name")
                lower = name.lower()
                if (
                    lower not in _NOT_A_NAME_BEFORE_AN_AGE
                    and (lower not in NEVER_NAMES or lower in PLACES_PEOPLE_ARE_NAMED_AFTER)
                    and lower not in FUNCTION_WORDS
                    and lower not in ORGANISATION_WORDS
                    and (not self._is_a_place(name) or lower in PLACES_PEOPLE_ARE_NAMED_AFTER)
                    and (
                        lower in self._vocabulary.known
                        or lower in PLACES_PEOPLE_ARE_NAMED_AFTER
                        or zipf_frequency(lower, "en") < 3.5
                    )
                ):  # "Will is 8", "Zuzanna is 9", "Chelsea is 16"; not "Autism is 1 in 100"
                    spans.claim(match.start("name"), match.end("name"), "name")
        self._names_in_passing(text, spans)
        self._nickname_after_a_name(text, spans)
        _every_mention(text, spans)

        found: list[str] = []
        pieces: list[str] = []
        position = 0
        for start, end, kind in sorted(spans.items):
            if kind is None:
                continue
            pieces += [text[position:start], PLACEHOLDERS[kind]]
            position = end
            if kind not in found:
                found.append(kind)
        pieces.append(text[position:])
        return Redaction(text="".join(pieces), found=tuple(found))


_NAME_WORD = re.compile(r"[^\W\d_]{3,}")
# One word in brackets straight after a name: "lauren (lozza)", "Thomas (Tom)"
_BRACKETED_WORD = re.compile(r"[ \t]*\([ \t]*(?P<word>[^\W\d_][\w'’-]*)[ \t]*\)")


def _every_mention(text: str, spans: _Spans) -> None:
    """A name found once is a name wherever else it is written the same way: "my mate charlie
    (charlie b, not charlie s)". A name that is also a word ("Will", "Grace") counts again only
    written with its capital."""
    found = {
        word
        for start, end, kind in spans.items
        if kind == "name"
        for word in _NAME_WORD.findall(text[start:end])
        if word.lower() not in NEVER_NAMES and word.lower() not in FUNCTION_WORDS
    }
    for word in found:
        everyday = word.lower() in WORDS_THAT_ARE_ALSO_NAMES
        pattern = re.escape(word) if everyday else f"(?i:{re.escape(word)})"
        for match in re.finditer(rf"(?<![\w'’-]){pattern}(?=['’][sS]\b|(?![\w'’-]))", text):
            before = text[: match.start()].split()
            if before and before[-1].lower().rstrip(".") in _BEFORE_PLACE_NAMES:
                continue  # "St Mary's", "the Royal Alex": a place named after someone
            following = _NEXT_WORD.match(text, match.end())
            second = following and _NEXT_WORD.match(text, following.end())
            if any(
                after and after.group(1).lower() in ORGANISATION_WORDS
                for after in (following, second)
            ):
                continue  # "Daisy Hill school", "Holly Lodge school": a place named after someone
            spans.claim(match.start(), match.end(), "name")


def is_nhs_number(digits: str) -> bool:
    """Ten digits whose last is the NHS modulus 11 check digit of the first nine."""
    if len(digits) != 10 or not digits.isdigit():
        return False
    total = sum(
        int(digit) * weight for digit, weight in zip(digits[:9], range(10, 1, -1), strict=True)
    )
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


_NHS_CUE = re.compile(r"\bnhs\b[\w\s.:#'’-]{0,20}$", re.IGNORECASE)


def _find_nhs_numbers(text: str, spans: _Spans) -> None:
    """An NHS number: ten digits with a valid check digit, or any ten digits after "NHS" (a
    number mistyped by a digit is still somebody's)."""
    for found in _TEN_DIGITS.finditer(text):
        digits = re.sub(r"\D", "", found.group())
        cued = _NHS_CUE.search(text, max(0, found.start() - 25), found.start()) is not None
        if cued or is_nhs_number(digits):
            spans.claim(found.start(), found.end(), "nhs_number")


def _find_phone_numbers(text: str, spans: _Spans, public: frozenset[str] = frozenset()) -> None:
    """Phone numbers, except the public ones the bot itself gives (helplines, services)."""
    for found in _UK_PHONE.finditer(text):
        if _digits(found.group()) in public:
            spans.claim(found.start(), found.end(), None)
            continue
        try:
            number = phonenumbers.parse(found.group(), "GB")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_possible_number(number):
            spans.claim(found.start(), found.end(), "phone")
    # The matcher finds the rest ("0800 1111", numbers abroad). It is slow on long text, so it
    # reads only the stretches with enough digits that are not yet claimed.
    for digits in _MANY_DIGITS.finditer(text):
        if not spans.free(digits.start(), digits.end()):
            continue
        offset = max(0, digits.start() - 5)
        window = text[offset : digits.end() + 1]
        for match in phonenumbers.PhoneNumberMatcher(window, "GB"):
            public_number = _digits(match.raw_string) in public
            spans.claim(
                offset + match.start, offset + match.end, None if public_number else "phone"
            )


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def public_emails(texts: Iterable[str]) -> frozenset[str]:
    """Every email address in ``texts`` (the bot's own content and sources): team inboxes
    anyone may write to, never taken for a person's."""
    return frozenset(match.group().lower() for text in texts for match in _EMAIL.finditer(text))


def public_numbers(texts: Iterable[str]) -> frozenset[str]:
    """The digits of every phone number in ``texts`` (the bot's own content and sources):
    numbers anyone may see, which are never taken for a person's."""
    found: set[str] = set()
    for text in texts:
        for match in _PUBLIC_NUMBER.finditer(text):
            digits = _digits(match.group())
            if len(digits) >= 6:
                found.add(digits)
                if digits.startswith("44"):
                    found.add("0" + digits[2:])
    return frozenset(found)


_PUBLIC_NUMBER = re.compile(r"(?<!\d)\+?\d(?:[ \t\-().]{0,2}\d){5,12}(?!\d)")


class _NameFinder:
    """Finds the names in one message; made afresh for each message."""

    def __init__(
        self,
        vocabulary: _Vocabulary,
        keep: dict[str, list[tuple[str, ...]]],
        text: str,
        spans: _Spans,
    ) -> None:
        self.names = vocabulary
        self.text = text
        self.spans = spans
        self.words = _split_words(text)
        self.kept = self._find_kept(keep)
        self.cues = self._find_cues()
        self.naming = self._cued_words(_NAMING_CUE)

    def run(self) -> None:
        self._signature()
        self._named_first()
        index = 0
        while index < len(self.words):
            word = self.words[index]
            last: int | None = None
            if index > 0 and word.lower == "eve" and self.words[index - 1].lower in _HOLIDAYS:
                index += 1  # "Christmas Eve"
                continue
            if word.lower in PLACES_PEOPLE_ARE_NAMED_AFTER and self._said_as_a_place(index):
                index += 1  # "we moved here from Georgia", "a school trip to Paris"
                continue
            if self.spans.free(word.start, word.end):
                last = self._named_after(index)
            if last is None and self._worth_a_look(index) and self.spans.free(word.start, word.end):
                last = self._titled_name(index)
                if last is None:
                    last = self._cued_name(index)
                if last is None:
                    last = self._possessive_name(index)
                if last is None:
                    last = self._plain_name(index)
                if last is None:
                    last = self._full_name(index)
            index = (index if last is None else last) + 1

    def _worth_a_look(self, index: int) -> bool:
        """Most words are plainly not names: lower case, no cue, no title, no "'s"."""
        word = self.words[index]
        if word.contraction:
            return False
        return (
            word.capitalised
            or word.shouted
            or index in self.cues
            or word.lower in TITLES
            or word.possessive
            or word.lower.endswith("s")
            or word.first_part in self.names.mid_sentence
        )

    def _find_kept(self, keep: dict[str, list[tuple[str, ...]]]) -> dict[int, bool]:
        """Start of each word in a place name or route title -> whether it is a one-word one."""
        kept: dict[int, bool] = {}
        if not keep:
            return kept
        parts = [(word, part) for word in self.words for part in word.lower.split("-")]
        position = 0
        while position < len(parts):
            for phrase in keep.get(parts[position][1], ()):
                end = position + len(phrase)
                if tuple(part for _, part in parts[position:end]) == phrase:
                    covered = {word.start for word, _ in parts[position:end]}
                    for start in covered:
                        kept[start] = len(phrase) == 1
                    position = end - 1
                    break
            position += 1
        return kept

    def _find_cues(self) -> dict[int, int]:
        """Word index -> the strongest cue straight before that word."""
        starts = {word.start: index for index, word in enumerate(self.words)}
        cues: dict[int, int] = {}
        for kind, pattern in (
            (_RELATION, _RELATION_CUE),
            (_RELATION, _CARER_CUE),
            (_SELF, _SELF_CUE),
            (_INTRO, _NAMING_CUE),
            (_INTRO, _INTRO_CUE),
            (_GREETING, _GREETING_CUE),
        ):
            for index in self._cued_words(pattern, starts):
                cues[index] = min(cues.get(index, kind), kind)
        return cues

    def _cued_words(self, cue: re.Pattern[str], starts: dict[int, int] | None = None) -> set[int]:
        """Indexes of the words straight after each match of ``cue``."""
        if starts is None:
            starts = {word.start: index for index, word in enumerate(self.words)}
        found: set[int] = set()
        for match in cue.finditer(self.text):
            gap = _CUE_GAP.match(self.text, match.end())
            if gap is None or gap.end() == match.end():
                continue
            index = starts.get(gap.end())
            if index is not None:
                found.add(index)
        return found

    # --- the four ways a name is found

    def _titled_name(self, index: int) -> int | None:
        """ "Mrs Patel", "Mr. Smith", "Dr Ahmed", "his teacher mrs smith"."""
        title = self.words[index]
        kind = title.lower
        if kind not in TITLES or title.possessive or index + 1 >= len(self.words):
            return None
        surname = self.words[index + 1]
        if not (title.capitalised or title.text.islower() or (title.shouted and surname.shouted)):
            return None
        if kind in _CAPITALISED_ONLY_TITLES and not (title.capitalised and surname.capitalised):
            return None
        if not _TITLE_GAP.fullmatch(self.text, title.end, surname.start):
            return None
        after_role = self.cues.get(index) == _RELATION
        teaches = (  # "miss honey in year 4", not "I miss swimming in year 5"
            (
                surname.first_part in self.names.known
                or surname.first_part in WORDS_THAT_ARE_ALSO_NAMES
            )
            and _CLASS_AFTER.match(self.text, surname.end) is not None
        )
        if (
            kind == "miss"
            and not after_role
            and not teaches
            and not (title.capitalised and surname.capitalised)
            and not (surname.text.islower() and surname.lower not in self.names.rank)
        ):
            return None  # "I miss Jack", "we miss out"; but "miss hughes is great"
        lower = surname.lower
        if (
            surname.contraction
            or lower in FUNCTION_WORDS
            or lower in TITLES
            or _RELATION_WORD.fullmatch(lower)
            or self._is_kept(surname, after_strong_cue=True)
            or not self.spans.free(surname.start, surname.end)
        ):
            return None  # "Mr and Mrs"; but "Mrs Young", "Mr Hill", "Dr Crawley" are people
        if not (surname.capitalised or surname.shouted):
            if not surname.text.islower() or not self._could_be_surname(surname):
                return None
            clear = surname.first_part in self.names.mid_sentence or (
                zipf_frequency(lower, "en") < 3.0
            )
            if kind in ("dr", "prof", "professor"):
                if (
                    not clear
                    and zipf_frequency(lower, "en") >= 3.5
                    and lower not in self.names.surnames
                ):
                    return None  # "Dr appointment"; but "dr khan" is a doctor
            elif not clear and not teaches and self.names.rank.get(lower, _RARE) < 1000:
                return None
        last = self._extend(index + 1, lowercase=False)
        family = kind in _FAMILY_TITLES  # "Nanna Pat": the family word stays, it says who
        self.spans.claim(surname.start if family else title.start, self.words[last].end, "name")
        return last

    def _cued_name(self, index: int) -> int | None:
        """A name after "my son", "my name is", "called"...; and the names listed after it."""
        cue = self.cues.get(index)
        naming = index in self.naming
        if cue is None or not self._name_after_cue(self.words[index], cue, naming=naming):
            return None
        last = self._extend(index, lowercase=cue == _SELF or naming)
        if self._names_a_thing(last):
            return None
        self.spans.claim(self.words[index].start, self.words[last].end, "name")
        # "my kids Jack, Lily and Sam"
        while True:
            following_index = last + 1
            while following_index < len(self.words) and self.words[following_index].lower in (
                "and",
                "n",
                "to",
                "for",
            ):
                following_index += 1
            if following_index >= len(self.words):
                break
            following = self.words[following_index]
            if not _LIST_GAP.fullmatch(self.text, self.words[last].end, following.start):
                break
            if not self.spans.free(following.start, following.end):
                break
            if not self._name_after_cue(following, max(cue, _INTRO), listed=True):
                break
            end = self._extend(following_index, lowercase=False)
            self.spans.claim(following.start, self.words[end].end, "name")
            last = end
        return last

    def _possessive_name(self, index: int) -> int | None:
        """ "jacks mum", "emma's teacher": a first name in lower case owning a relative or role."""
        word = self.words[index]
        if not (word.possessive or word.lower.endswith("s")) or self._is_kept(word):
            return None
        if not word.text.islower():
            return self._capitalised_possessive(index)
        if index + 1 >= len(self.words):
            return None
        if not _RELATION_WORD.fullmatch(self.words[index + 1].lower) and not (
            word.possessive
            and word.first_part in self.names.mid_sentence
            and self.names.popularity.get(word.first_part, 0) >= 3
        ):  # "jacks mum"; "lily-mae's pupil number"
            return None
        first, end = word.first_part, word.end
        if not word.possessive:
            if first in self.names.rank:
                return None  # "class teacher", "times head"
            first, end = first[:-1], end - 1  # "jacks mum"
        if first not in self.names.mid_sentence:
            return None
        if self.names.popularity.get(first, 0) < 3 and (
            first in self.names.rank or not word.possessive
        ):
            return None
        self.spans.claim(word.start, end, "name")
        return index

    def _capitalised_possessive(self, index: int) -> int | None:
        """ "CAMHS lost Rubys referral": a known first name with an "s" and no apostrophe."""
        word = self.words[index]
        if word.possessive or not word.capitalised or index == 0:
            return None
        stem = word.lower[:-1]
        if stem not in self.names.mid_sentence or self.names.popularity.get(stem, 0) < 3:
            return None
        if word.lower in self.names.rank or zipf_frequency(word.lower, "en") >= 3.0:
            return None  # "Williams", "Jones": a surname or a word of its own
        self.spans.claim(word.start, word.end - 1, "name")
        return index

    def _plain_name(self, index: int) -> int | None:
        """A capitalised first name with no cue: "Jack has ADHD", "I told Emma's teacher"."""
        word = self.words[index]
        if not word.capitalised or self._is_kept(word) or word.lower in NEVER_NAMES:
            return None
        following = self.words[index + 1].lower if index + 1 < len(self.words) else ""
        if word.lower in _COLOURS and following in _COLOUR_CODED:
            return None  # "Amber warning for snow", "Red card"
        if word.lower in ("storm", "hurricane") and index + 1 < len(self.words):
            return index + 1  # "Storm Bert": a storm's name
        tier = self.names.sentence_start if word.sentence_start else self.names.mid_sentence
        if word.first_part not in tier:
            known = word.first_part in self.names.known
            unknown_word = (
                not word.sentence_start
                and word.first_part not in self.names.rank
                and not self._is_kept(word)
            )  # "esp Tamsin on reception": no English word, said of where they work
            if (known or unknown_word) and _WORKS_AT.match(self.text, word.end):
                self.spans.claim(word.start, word.end, "name")  # "Mark from the SEND team"
                return index
            return None
        if index > 0 and self.words[index - 1].lower in _BEFORE_PLACE_NAMES:
            return None  # "St Mary's", "the Alex" and "the Royal Alex" (a hospital)
        if index > 0 and self._after_a_place_name(index):
            return None  # "Battle Abbey", "Hastings Pier"
        if word.lower in ORGANISATION_WORDS and index > 0 and self.words[index - 1].capitalised:
            return None  # "Daisy Hill", "Manor Green": the end of a place's name
        if self._at_a_school(index):
            last = index  # the whole name of the school: "at Thomas Bennett"
            while last + 1 < len(self.words) and self.words[last + 1].capitalised:
                last += 1
            return last
        last = self._extend(index, lowercase=False)
        if self._names_a_thing(last):
            return None
        self.spans.claim(word.start, self.words[last].end, "name")
        return last

    @staticmethod
    def _job_named(words: list[str]) -> bool:
        """ "support worker", "family support worker": job kinds, then a job."""
        for word in words:
            if _RELATION_WORD.fullmatch(word):
                return True
            if word not in _JOB_KINDS:
                return False
        return False

    def _said_as_a_place(self, index: int) -> bool:
        """ "moved here from Georgia", "a trip to Paris", "born in India"."""
        before = [word.lower for word in self.words[max(0, index - 5) : index]]
        if before[-1:] and before[-1] in ("in", "to", "visit", "visiting", "visited", "near"):
            return True
        return before[-1:] == ["from"] and bool(_CAME_FROM.intersection(before))

    def _named_after(self, index: int) -> int | None:
        """A name known by what follows it: "chelsea here", "ash is my son", "Gaz the driver"."""
        word = self.words[index]
        if (
            index + 1 >= len(self.words)
            or word.contraction
            or word.possessive
            or not word.text.isalpha()
            or not (word.capitalised or word.text.islower())
            or len(word.text) < 2
            or word.lower in FUNCTION_WORDS
            or (word.lower in NEVER_NAMES and word.lower not in PLACES_PEOPLE_ARE_NAMED_AFTER)
            or word.lower in TITLES
            or _RELATION_WORD.fullmatch(word.lower)
            or self._is_kept(word, after_strong_cue=True)
        ):
            return None
        one_word_place = self._is_kept(word)  # "Chelsea my daughter" is still a person
        after = [w.lower for w in self.words[index + 1 : index + 5]]
        my_relation = (
            after[:1] in (["my"], ["our"])
            and len(after) > 1
            and _RELATION_WORD.fullmatch(after[1]) is not None
            and not self.words[index + 2].possessive
        )
        opening = index == 0 or self.words[index - 1].lower in _OPENERS
        comma_after = self.text[word.end : self.words[index + 1].start].strip() == ","
        place_name = word.lower in PLACES_PEOPLE_ARE_NAMED_AFTER and word.capitalised
        if one_word_place and not (opening and my_relation and not comma_after):
            return None
        if place_name and not (
            opening and (after[:1] == ["here"] or (my_relation and not comma_after))
        ):
            return None  # "Paris here (yes, like the city)"; not "we went to Paris"
        if after[:1] == ["here"] and opening:
            pass  # "chelsea here (year 10)", "hi, Tom here"
        elif (
            comma_after
            and (word.capitalised or word.first_part in self.names.known)
            and (index == 0 or self.words[index - 1].lower not in ("a", "an", "the"))
            and after[:1] in (["my"], ["our"])
            and len(after) > 1
            and _RELATION_WORD.fullmatch(after[1])
        ):
            pass  # "Summer, my daughter, hates the noise"
        elif (
            comma_after
            and index > 0
            and self.words[index - 1].lower in ("its", "it's", "it’s")
            and (index == 1 or self.words[index - 2].lower in _OPENERS)
            and word.first_part in self.names.known
        ):
            pass  # "hi its hope, im 15"
        elif (
            after[:2] == ["is", "my"]
            and len(after) > 2
            and _RELATION_WORD.fullmatch(after[2])
            and not self.words[index + 3].possessive  # not "football is my son's life"
        ):
            pass  # "Ash is my son"
        elif (
            word.capitalised
            and after[:1] == ["is"]
            and after[1:2] in (["his"], ["her"], ["their"], ["our"])
            and len(after) > 3
            and (
                (_RELATION_WORD.fullmatch(after[2]) and not self.words[index + 3].possessive)
                or (after[2] in _JOB_KINDS and _RELATION_WORD.fullmatch(after[3]))
            )
        ):
            pass  # "Mark is his form tutor", "Bill is her key worker"
        elif (
            (word.capitalised or word.first_part in self.names.known)
            and after[:1] in (["she"], ["he"], ["shes"], ["hes"])  # "she's": "she", then "'s"
            and comma_after
            and (after[1:2] in _OWNERS or after[1:3] in [["is", o[0]] for o in _OWNERS])
            and any(_RELATION_WORD.fullmatch(later) for later in after[2:5])
        ):
            pass  # "call Honey, she's my daughter's support worker"
        elif (
            opening
            and word.first_part in self.names.known
            and self.names.popularity.get(word.first_part, 0) >= 2
            and _AGE_AFTER.match(self.text, word.end)
        ):
            pass  # "reece, 14, from Hailsham"
        elif (
            word.capitalised
            and word.first_part not in self.names.rank
            and _SCHOOL_YEAR_AFTER.match(self.text, word.end)
        ):
            pass  # "Chidi (year 11) and his sister"
        elif (
            word.text.islower()
            and opening
            and self.names.popularity.get(anyascii(word.lower), 0) >= 2
            and anyascii(word.lower) not in self.names.rank
            and _WORKS_AT.match(self.text, word.end)
        ):
            pass  # "siobhán from the parent group said..."
        elif (
            (word.capitalised or self.names.popularity.get(word.first_part, 0) >= 2)
            and opening
            and not comma_after
            and word.first_part in self.names.known
            and my_relation
        ):
            pass  # "Chelsea my daughter loves the drama group", "chelsea my sister takes me"
        elif (
            word.capitalised
            and after[:1] == ["the"]
            and len(after) > 1
            and (_RELATION_WORD.fullmatch(after[1]) or after[1] in _SERVICE_JOBS)
        ):
            pass  # "Gaz the driver", "Sue the TA"
        elif (
            word.text.islower()
            and opening
            and self.names.popularity.get(word.first_part, 0) >= 2
            and zipf_frequency(word.lower, "en") < 5.0  # not "hope the support worker calls"
            and after[:1] == ["the"]
            and len(after) > 2
            and self._job_named(after[1:4])
        ):
            pass  # "angel the support worker at my college"
        elif (word.capitalised or word.first_part in self.names.known) and _PHONE_AFTER.match(
            self.text, word.end
        ):
            pass  # "ring Mark on 01632 960 211"
        else:
            return None
        if word.text.islower() and not (
            word.first_part in self.names.known or zipf_frequency(word.lower, "en") < 3.0
        ):
            return None
        self.spans.claim(word.start, word.end, "name")
        return index

    def _named_first(self) -> None:
        """A message that starts with someone's possessive ("Grace's TA keeps being moved"):
        a first name, even one that is also a word."""
        if not self.words:
            return
        word = self.words[0]
        following = self.words[1].lower if len(self.words) > 1 else ""
        if (
            word.possessive
            and word.capitalised
            and (
                word.first_part in self.names.known
                # "Dilnoza's mum here": any name, when a relative of theirs is speaking
                or (
                    _RELATION_WORD.fullmatch(following) is not None
                    and word.first_part not in self.names.rank
                    and word.first_part not in ORGANISATION_WORDS
                )
            )
            and word.lower not in NEVER_NAMES
            and not self._is_kept(word)
            and self.spans.free(word.start, word.end)
        ):
            self.spans.claim(word.start, word.end, "name")

    def _signature(self) -> None:
        """A name signed at the end: "... - April, 16", "... 's dad, Mark", "- Nan (Pat Kerr)"."""
        found = _SIGNATURE.search(self.text)
        if found is None:
            return
        start, end = found.span("name")
        names = [w for w in self.words if start <= w.start and w.end <= end]
        if not names or not names[0].capitalised:
            return
        for word in names:
            if (
                word.lower in FUNCTION_WORDS
                or word.lower in NEVER_NAMES
                or word.lower in ORGANISATION_WORDS
                or word.lower in JOB_WORDS
                or word.lower in TITLES
                or _RELATION_WORD.fullmatch(word.lower)
                or self._is_kept(word)
            ):
                return
        if self.spans.free(start, end):
            self.spans.claim(start, end, "name")

    def _full_name(self, index: int) -> int | None:
        """A first name and a surname with no cue, where neither is an everyday word: "Oksana
        Melnyk", "Zhang Wei", "Senait Tesfaye", and in lower case "arjun sharma", "dave
        thompson"."""
        word = self.words[index]
        if index + 1 >= len(self.words) or self._is_kept(word) or word.possessive:
            return None
        following = self.words[index + 1]
        if not _SPACES.fullmatch(self.text, word.end, following.start):
            return None
        if word.capitalised and following.capitalised:
            if not (self._name_like(word) and self._name_like(following)):
                return None
            if not (self._surely_a_name(word) or self._surely_a_name(following)):
                return None
            if index > 0 and (
                self.words[index - 1].lower in _BEFORE_PLACE_NAMES
                or self._after_a_place_name(index)
                or self._at_a_school(index)
            ):
                return None
        elif word.text.islower() and following.text.islower():
            first = word.first_part
            if (
                first not in self.names.mid_sentence
                or self.names.popularity.get(first, 0) < 3
                or self.names.rank.get(first, _RARE) < 2000  # "said", "will"
                or first in WORDS_THAT_ARE_ALSO_NAMES
                or not self._could_be_surname(following)
                or following.lower in ORGANISATION_WORDS
            ):
                return None
            surname = following.folded
            if not (
                surname in self.names.surnames
                or surname in self.names.world_surnames
                or (
                    surname in self.names.any_surnames
                    and self.names.rank.get(surname, _RARE) > 1000
                )
                or (surname not in self.names.rank and zipf_frequency(surname, "en") < 2.5)
            ):
                return None
        else:
            return None
        last = index + 1
        if self._names_a_thing(last):
            return None
        self.spans.claim(word.start, self.words[last].end, "name")
        return last

    def _name_like(self, word: _Word) -> bool:
        """Could be part of a person's name: not a place, an organisation word or a title."""
        lower = word.lower
        return not (
            word.contraction
            or lower in NEVER_NAMES
            or lower in FUNCTION_WORDS
            or lower in TITLES
            or lower in ORGANISATION_WORDS
            or lower in JOB_WORDS
            or lower in CONDITION_WORDS
            or lower in WORDS_THAT_ARE_ALSO_NAMES
            or lower in _BEFORE_PLACE_NAMES
            or _RELATION_WORD.fullmatch(lower)
            or self._is_kept(word)
            or not self.spans.free(word.start, word.end)
        )

    def _surely_a_name(self, word: _Word) -> bool:
        """A name and not an English word: "Oksana", "Tesfaye", "Okeke" (not "Grace", "Early")."""
        folded = word.folded
        if folded in self.names.rank:
            return False
        if (
            word.first_part in self.names.mid_sentence
            or folded in self.names.surnames
            or folded in self.names.world_surnames
        ):
            return zipf_frequency(folded, "en") < 4.0  # "Liu", "Okafor"; not "Early"
        return zipf_frequency(folded, "en") < 2.0

    def _after_a_place_name(self, index: int) -> bool:
        """The word before is a kept place name, straight before: "Battle Abbey"."""
        before = self.words[index - 1]
        return (
            before.capitalised
            and before.start in self.kept
            and _SPACES.fullmatch(self.text, before.end, self.words[index].start) is not None
        )

    # --- helpers

    def _name_after_cue(
        self, word: _Word, cue: int, *, listed: bool = False, naming: bool = False
    ) -> bool:
        names = self.names
        lower, first = word.lower, word.first_part
        named = not listed and (
            _NAME_IS_BEFORE.search(self.text, 0, word.start) is not None
            or (
                cue == _INTRO
                and word.capitalised
                and _AGE_AFTER.match(self.text, word.end) is not None
            )
        )  # "her name is India", "I'm Devon, 16": a place people are named after is a name here
        if named and word.capitalised and lower in PLACES_PEOPLE_ARE_NAMED_AFTER:
            return True
        if lower in NEVER_NAMES or first in NEVER_NAMES or lower in FUNCTION_WORDS:
            return False
        if word.text.islower() and _RELATION_WORD.fullmatch(lower):
            return False  # "the OT, physio and speech therapist": another job, not a name
        strong = cue in (_RELATION, _SELF) and not listed
        if self._is_kept(word, after_strong_cue=strong or named):
            return False
        popularity = names.popularity.get(first, 0)
        if word.capitalised or word.shouted:
            if first in names.mid_sentence:
                return True
            parts = word.text.split("-")
            if (
                len(parts) > 1
                and not listed
                and all(part[:1].isupper() and part.lower() not in names.rank for part in parts)
            ):
                return True  # "I'm Ka-Yan", "this is Mary-Beth"
            if first in names.known:
                # "my son Will", "called Hope"; not "I called Royal Mail"; "tell Summer in the
                # library"
                return (
                    strong
                    or named
                    or listed  # "Thanks to Dawn, Bill and Amber": the list of names goes on
                    or _THANKS_TO.search(self.text, 0, word.start) is not None
                    or (cue != _GREETING and popularity >= 2)
                    or (cue == _GREETING and _WORKS_AT.match(self.text, word.end) is not None)
                )
            if listed and not word.shouted and lower not in names.rank:
                return zipf_frequency(lower, "en") < 3.0  # "my twins Ayo and Tayo"
            if (
                cue == _INTRO
                and not listed
                and not word.shouted
                and lower not in names.rank
                and not _WORD_ENDING.search(lower)
                and _INTRO_ENDS.match(self.text, word.end)
            ):
                return True  # "I'm Daljit btw", "Hi, I'm Maz 👋"
            if word.shouted or listed or not (strong or naming):
                return False  # "I'm Neurodivergent"
            if cue == _RELATION and lower in names.any_surnames:
                return zipf_frequency(lower, "en") < 4.5  # "uncle Stan", not "my son Loves it"
            return zipf_frequency(lower, "en") < (3.5 if strong else 3.0 if naming else 2.0)
        if not word.text.islower():
            return False
        if first in WORDS_THAT_ARE_ALSO_NAMES:
            if strong and cue == _RELATION and first not in _MODALS:
                # "my daughter joy hates the noise", "my daughter grace was born": a relative's
                # name, known by the verb that follows it ("my son will be" is not)
                following = _NEXT_WORD.match(self.text, word.end)
                if following and following.group(1).lower() in _AFTER_A_NAME:
                    return True
            if (
                cue == _INTRO
                and not listed
                and first not in _MODALS
                and popularity >= 2
                and _SELF_INTRO_BEFORE.search(self.text, 0, word.start)
                and _MORE_ABOUT_ME.match(self.text, word.end)
            ):
                return True  # "i am jay and my carer is..."
            if cue == _GREETING and popularity >= 2 and _WORKS_AT.match(self.text, word.end):
                return True  # "ask for frank at reception"
            return naming and popularity >= 2  # "called will"; not "I called sky"
        if first in names.known:
            # "jack", "freya"; not "foster" (a surname, but mostly a word)
            if popularity >= 3:
                return True
            return first not in names.rank and zipf_frequency(first, "en") < 3.5
        if strong and cue == _RELATION and _SHORT_NAME_SHAPE.fullmatch(lower):
            return zipf_frequency(lower, "en") < 3.0  # "my keyworker gaz", "my bf reece"
        return strong and len(lower) > 2 and zipf_frequency(lower, "en") < 2.0

    def _could_be_surname(self, word: _Word) -> bool:
        lower = word.lower
        return not (
            word.contraction
            or lower in FUNCTION_WORDS
            or lower in NEVER_NAMES
            or lower in TITLES
            or (lower in ORGANISATION_WORDS and lower not in SURNAME_LIKE_PLACE_WORDS)
            or lower in JOB_WORDS
            or _RELATION_WORD.fullmatch(lower)
            or self._is_kept(word)
            or not self.spans.free(word.start, word.end)
        )

    def _extend(self, index: int, *, lowercase: bool) -> int:
        """Index of the last word of the name that starts at ``index``: "Sarah Thompson"."""
        last = index
        while last - index < 3 and last + 1 < len(self.words) and not self.words[last].possessive:
            following = self.words[last + 1]
            if not _SPACES.fullmatch(self.text, self.words[last].end, following.start):
                break
            if not self._could_be_surname(following):
                break
            if following.shouted and not self.words[last].shouted:
                break  # "Jack NHS"; but "LEO HARRIS"
            rank = self.names.rank.get(following.lower, _RARE)
            if following.shouted:
                if rank != _RARE and following.lower not in self.names.surnames:
                    break  # "AMELIA NEEDS HELP"; but "LEO HARRIS"
            elif following.capitalised:
                if rank < 300 and following.first_part not in self.names.mid_sentence:
                    break
            elif not following.text.islower() or not (
                (lowercase and rank >= 3000) or following.lower in self.names.surnames
            ):
                break
            last += 1
        return last

    def _names_a_thing(self, last: int) -> bool:
        """ "Victoria Road", "Thomas Bennett Community College", "Jack and Jill nursery",
        "Dame Vera Lynn Children's Charity", "Prader-Willi syndrome": the name is part of the
        name of a place, an organisation or a condition."""
        following_index = last + 1
        if following_index < len(self.words) and (
            self.words[following_index].lower in CONDITION_WORDS
        ):
            return True
        if (
            following_index + 1 < len(self.words)
            and self.words[following_index].text == "the"
            and not self.text[self.words[last].end : self.words[following_index].start].strip()
            and self.words[following_index + 1].capitalised
            and not _RELATION_WORD.fullmatch(self.words[following_index + 1].lower)
        ):
            return True  # "Thomas the Tank Engine", "Peppa the Pig": a character's whole name
        if self.words[last].possessive and self.words[last].lower not in _THING_POSSESSIVES:
            return False
        steps = 0
        start = last
        while start > 0 and self.words[start - 1].capitalised:
            start -= 1
        placed = start > 0 and self.words[start - 1].lower in _BEFORE_A_PLACE
        if placed and self.words[last].lower in SURNAME_LIKE_PLACE_WORDS:
            return True  # "at Daisy Hill", "to Manor Green"
        while following_index < len(self.words) and steps < 5:
            following = self.words[following_index]
            gap = self.text[self.words[following_index - 1].end : following.start]
            if not _NAME_GAP.fullmatch(gap) and not (_LIST_GAP.fullmatch(gap) and "," not in gap):
                return False  # "Aoife O'Neill, Parent Carer Forum volunteer": a person
            if following.lower in SURNAME_LIKE_PLACE_WORDS and not placed:
                pass  # "Steve Ward", "Ellie Green": a surname, unless "at Daisy Hill"
            elif following.lower in ORGANISATION_WORDS:
                return following.capitalised or following.lower in _LOWER_CASE_THINGS
            if not (following.capitalised or following.lower in ("and", "of", "the")):
                return False
            if not following.capitalised:
                ahead = following_index + 1
                while ahead < len(self.words) and self.words[ahead].lower in ("and", "of", "the"):
                    ahead += 1
                if ahead >= len(self.words) or not self.words[ahead].capitalised:
                    return False  # "my son Tom and the school": a joining word, then no name
            following_index += 1
            steps += 1
        return False

    def _at_a_school(self, index: int) -> bool:
        """ "year 9 at Thomas Bennett", "he goes to Manor Green": a school, not a person."""
        if index == 0 or self.words[index - 1].lower not in ("at", "to", "attends"):
            return False
        word = self.words[index]
        if (
            word.possessive
            and index + 1 < len(self.words)
            and not self.words[index + 1].capitalised
        ):
            return False  # "at Tommy's school": whose school, not its name ("St Mary's School")
        before = self.text[max(0, self.words[index - 1].start - 40) : self.words[index - 1].start]
        return _SCHOOL_CONTEXT.search(before) is not None

    def _is_kept(self, word: _Word, *, after_strong_cue: bool = False) -> bool:
        """Part of a place name or route title; a one-word one after "my son" is still a name."""
        alone = self.kept.get(word.start)
        return alone is not None and not (after_strong_cue and alone)


_HOLIDAYS = _words("christmas xmas year years easter halloween")
_OPENERS = _words("hi hello hey hiya its it's it is this and yo")
_OWNERS = (["my"], ["our"], ["his"], ["her"], ["their"])
_AGE_AFTER = re.compile(r"[ \t]*,[ \t]*(?:[5-9]|1\d|2[0-5])\b(?![ \t]*(?:%|:\d|\.\d))")
# Thanking someone by name: "thank you to Sue"
_THANKS_TO = re.compile(
    r"\b(?:thanks|thank[ \t]+you|shout[ \t]*out|grateful|thankful)[ \t]+to[ \t]+$", re.IGNORECASE
)
# A phone number straight after a name: "ring Mark on 01632 960 211"
_PHONE_AFTER = re.compile(r"[ \t]+(?:on|at)[ \t]+\+?\(?\d[\d \t()-]{6,}")
# After "I'm <name>": the end of the introduction ("btw", "here", an emoji, the end)
_INTRO_ENDS = re.compile(
    r"[ \t]*(?:$|[,.!)]|btw\b|here\b|x+\b|and i\b|[\U0001F300-\U0001FAFF\u2600-\u27BF])",
    re.IGNORECASE,
)
# Endings of English words that are not names: "I'm Neurodivergent", "I'm Exhausted"
_WORD_ENDING = re.compile(r"(?:ent|ant|ive|al|ic|ous|ed|ing|ful|less|able|ible|ist|ism|ish|ly)$")
_SCHOOL_YEAR_AFTER = re.compile(r"[ \t]*\((?:year|yr|y|age|aged)?[ \t]*\d{1,2}\)")
# The kind of job before a job word: "his form tutor", "her key worker"
_JOB_KINDS = _words("form class key support social case link youth family personal lead")
_SERVICE_JOBS = _words(
    "driver escort bus taxi receptionist caretaker cook dinner lady lollipop postman cleaner"
)
# A sign-off at the very end: after a dash, a comma or in brackets, one to three capitalised
# words, then perhaps an age.
_SIGNATURE = re.compile(
    r"(?:[-–—][ \t]*|,[ \t]*|\([ \t]*)(?P<name>[A-Z][a-z'’-]+(?:[ \t]+[A-Z][a-z'’-]+){0,2})"
    r"[ \t]*\)?[ \t]*(?:,[ \t]*\d{1,2})?[ \t]*[.!x]*[ \t]*$"
)
_BEFORE_PLACE_NAMES = _words("st saint the royal queen king prince princess holy lady dame")
_RARE = 1_000_000  # the rank of a word outside the most common 5,000
_THING_POSSESSIVES = _words("children childrens people peoples kids")
# Words at the end of a place's name that are common surnames too: "Daisy Hill" is a place
# after "at" or "to", "Steve Ward" a person otherwise.
SURNAME_LIKE_PLACE_WORDS = _words(
    "ward hill hills green wood woods field fields park hall house cross gate lane mead meadow "
    "meadows dale vale grange manor farm court way close"
)
_BEFORE_A_PLACE = _words("at to in on from near the attends attend")
# Organisation words that mark a name even in lower case: "daisy hill nursery".
_LOWER_CASE_THINGS = _words(
    "school academy college nursery preschool playgroup hospital charity class"
)
_SCHOOL_CONTEXT = re.compile(
    r"\b(?:year|yr|y)\s*\d{1,2}\b|\b(?:goes|go|going|attends?|started|starting|moved|pupils?|"
    r"students?|school|class|placement|place|senco|sendco|teacher|teachers|head|headteacher|"
    r"staff|unit|base|provision|support)\b|\b(?:i am|im|i'm|he is|she is|hes|shes|he's|she's)"
    r"\s+\d{1,2}\b",
    re.IGNORECASE,
)
