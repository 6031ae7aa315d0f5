"""Personal details come out of typed feedback; everything else stays exactly as typed."""

from __future__ import annotations

import dataclasses
import time

import pytest

from bot.privacy.redact import Redaction, Redactor

# What the bot passes: place names, route titles and team names.
KEEP_WORDS = [
    "Crawley",
    "Horsham",
    "Lewes",
    "Worthing",
    "Arun",
    "Goring-by-Sea",
    "Mid Sussex",
    "Young Voices",
    "Local Offer",
    "Family Hub",
    "Together for Change",
]


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor(keep_words=KEEP_WORDS)


# --- phone numbers ------------------------------------------------------------------------------

PHONES = [
    ("call me on 07700 900123 after 3", "call me on [phone number] after 3"),
    ("my mob is 07700900123", "my mob is [phone number]"),
    ("+44 7700 900123 is my number", "[phone number] is my number"),
    ("text me +447700900123 pls", "text me [phone number] pls"),
    ("ring the house (01403) 123456 eves", "ring the house [phone number] eves"),
    ("home 01273 123 456, work 020 7946 0018", "home [phone number], work [phone number]"),
    ("call me on 07700-900-123", "call me on [phone number]"),
    ("or my husbands phone 07912 345 678", "or my husbands phone [phone number]"),
    ("i rang childline 0800 1111 once", "i rang childline [phone number] once"),
]


@pytest.mark.parametrize(("typed", "stored"), PHONES)
def test_phone_numbers_in_every_common_format(redactor: Redactor, typed: str, stored: str) -> None:
    assert redactor.redact(typed) == Redaction(stored, ("phone",))


# --- emails, postcodes, addresses, dates of birth -----------------------------------------------


def test_email_address(redactor: Redactor) -> None:
    result = redactor.redact("pls email me kerry.smith84@hotmail.co.uk i dont answer the phone")
    assert result.text == "pls email me [email address] i dont answer the phone"
    assert result.found == ("email",)


def test_web_addresses_are_kept(redactor: Redactor) -> None:
    text = (
        "the form on https://westsussex.local-offer.org/pages/feedback is broken, www.espcf.org.uk"
    )
    assert redactor.redact(text) == Redaction(text, ())


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("we are in RH12 1AB", "we are in [postcode]"),
        ("postcode rh121ab", "postcode [postcode]"),
        ("BN3 2XY (hove)", "[postcode] (hove)"),
        ("live near bn11 1xx", "live near [postcode]"),
    ],
)
def test_postcodes_in_any_case_with_or_without_the_space(
    redactor: Redactor, typed: str, stored: str
) -> None:
    assert redactor.redact(typed) == Redaction(stored, ("postcode",))


def test_house_number_and_street(redactor: Redactor) -> None:
    result = redactor.redact("we live at flat 3, 27 Victoria Road, Worthing BN11 1XX")
    assert result.text == "we live at flat 3, [address], Worthing [postcode]"
    assert result.found == ("address", "postcode")
    assert redactor.redact("come to 12 station rd").text == "come to [address]"
    assert redactor.redact("5 Church St, Lewes").text == "[address], Lewes"
    assert redactor.redact("its 4 Oak Close").text == "its [address]"


def test_email_address_spelled_out(redactor: Redactor) -> None:
    result = redactor.redact("email kerry dot smith at gmail dot com if u want")
    assert result == Redaction("email [email address] if u want", ("email",))


def test_house_on_a_street_named_the_something(redactor: Redactor) -> None:
    assert redactor.redact("we moved to 12 The Avenue, Lewes").text == (
        "we moved to [address], Lewes"
    )


def test_date_of_birth_after_a_cue(redactor: Redactor) -> None:
    assert redactor.redact("his dob is 03/04/2012").text == "his dob is [date of birth]"
    result = redactor.redact("she was born on 3rd April 2012 at the Royal Alex")
    assert result.text == "she was born on [date of birth] at the Royal Alex"
    assert result.found == ("date_of_birth",)


# --- names --------------------------------------------------------------------------------------

NAMES = [
    # after a relative or a role
    (
        "my son Jack has ADHD and the school wont help",
        "my son [name] has ADHD and the school wont help",
    ),
    ("my daughter, Lily-Mae, is 14", "my daughter, [name], is 14"),
    ("Mrs Patel the SENCO was brilliant tbh", "[name] the SENCO was brilliant tbh"),
    ("Mr. Smith never rang back", "[name] never rang back"),
    ("we saw Dr Ahmed in march", "we saw [name] in march"),
    ("her teacher Miss Jones is lovely", "her teacher [name] is lovely"),
    ("our social worker Bev has been great", "our social worker [name] has been great"),
    ("my grandson Tyler needs help with reading", "my grandson [name] needs help with reading"),
    ("my son - George - has dyspraxia", "my son - [name] - has dyspraxia"),
    ("I have 2 sons Jack 12 and Alfie 9", "I have 2 sons [name] 12 and [name] 9"),
    ("my son Will goes to school in Lewes", "my son [name] goes to school in Lewes"),
    ("my daughter May is 12 and loves art", "my daughter [name] is 12 and loves art"),
    ("the head Mr O'Brien and Mrs McDonald", "the head [name] and [name]"),
    ("ask Mrs Young or Mr Hill in reception", "ask [name] or [name] in reception"),
    # the writer's own name
    ("my name is Sarah Thompson", "my name is [name]"),
    ("I'm Dave and this is Kerry", "I'm [name] and this is [name]"),
    (
        "my son is called Ollie, my daughter named Freya",
        "my son is called [name], my daughter named [name]",
    ),
    ("thats all. signed Tom", "thats all. signed [name]"),
    ("Kind regards, Joanne Mitchell", "Kind regards, [name]"),
    ("My name's Ahmed. I'm 16.", "My name's [name]. I'm 16."),
    # capitalised first names with no cue
    ("Jack has ADHD and nobody listens", "[name] has ADHD and nobody listens"),
    ("I told Emma's teacher about it", "I told [name]'s teacher about it"),
    (
        "When Oscar started secondary it all fell apart",
        "When [name] started secondary it all fell apart",
    ),
    ("Lily and Sophie were left out of the trip", "[name] and [name] were left out of the trip"),
    ("Jack, my son, is 9", "[name], my son, is 9"),
    # typed in lower case after a cue
    ("my son jack has autism", "my son [name] has autism"),
    ("his teacher mrs smith is great", "his teacher [name] is great"),
    ("my name is sarah", "my name is [name]"),
    ("my name is sarah thompson and im a mum of 3", "my name is [name] and im a mum of 3"),
    ("hi im kerry my son alfie is 9", "hi im [name] my son [name] is 9"),
    (
        "my kids jack, lily and sam all go to st marys",
        "my kids [name], [name] and [name] all go to st marys",
    ),
    ("im jacks mum", "im [name]s mum"),
    ("the senco mrs okafor said she cant help", "the senco [name] said she cant help"),
    ("my son is called will", "my son is called [name]"),
    ("thanks sarah", "thanks [name]"),
    ("MY SON JACK HAS BEEN EXCLUDED AGAIN", "MY SON [name] HAS BEEN EXCLUDED AGAIN"),
]


@pytest.mark.parametrize(("typed", "stored"), NAMES)
def test_names_of_the_writer_and_of_others(redactor: Redactor, typed: str, stored: str) -> None:
    assert redactor.redact(typed) == Redaction(stored, ("name",))


def test_names_not_in_the_list_are_caught_after_a_relative(redactor: Redactor) -> None:
    assert redactor.redact("my boy Jaxon is 6").text == "my boy [name] is 6"
    assert redactor.redact("my son's name is Kacper").text == "my son's name is [name]"


def test_social_media_user_name(redactor: Redactor) -> None:
    assert redactor.redact("DM me on insta @jake_123").text == "DM me on insta [name]"


# --- left alone ---------------------------------------------------------------------------------

LEFT_ALONE = [
    "he is 12 and in year 9",
    "we have waited since 2024, that is 18 months",
    "it cost £300 and we went 3 times",
    "the appointment is at 9am on the 3rd",
    "between 2019 and 2023 he had 12 sessions",
    "Will someone call me back",
    "In May we had a meeting with the NHS and SEND team",
    "May I ask why nobody rang",
    "I went to Young Voices in Crawley and the Family Hub",
    "Lewes is lovely but the bus to Horsham is rubbish",
    "i live in lewes",
    "Mum and Dad and Nan came, thank God",
    "EHCP took 40 weeks CAMHS never rang",
    "The Local Offer website is hard to use on a phone",
    "Hope this helps",
    "Summer holidays were really hard, no clubs at all",
    "Grant funding for the youth club was cut",
    "i miss my friends",
    "I'm autistic and I'm 16 and I hate being talked about",
    "i'm sure they will help",
    "St Peter's school was good",
    "we went to Thomas Bennett Community College",
    "the ramp on Victoria Road is broken again",
    "we saw the doctor at the Royal Alex",
    "Our GP was helpful but the paediatrician wasnt",
    "the school called Social Services on us",
    "there's a charity called Amaze that helped",
    "Dear Sir or Madam, I am writing to complain",
    "The Art teacher was great but English was awful",
    "We drove 2 miles up the hill every day",
    "Monday and Tuesday are the worst, Christmas too",
    "We Need More Support For Kids With Autism In West Sussex Please Help",
    "Can someone explain why the forum meets at 10am",
    "My son has a 1:1 TA, 25 hrs a week",
    "the Ed Psych said he has Prader-Willi syndrome",
    "he was diagnosed with Asperger's and Tourette's",
    "I'm Neurodivergent and I'm Gay",
    "look at westsussex.gov.uk for the form",
    "he was @home all week",
    "I have a Dr appointment on Monday",
]


@pytest.mark.parametrize("typed", LEFT_ALONE)
def test_ordinary_words_and_numbers_are_left_alone(redactor: Redactor, typed: str) -> None:
    assert redactor.redact(typed) == Redaction(typed, ())


# --- the whole message --------------------------------------------------------------------------


def test_a_long_careless_message_keeps_everything_else_as_typed(redactor: Redactor) -> None:
    typed = (
        "hi im kerry, my son jack is 9 and autistic  hes been out of school since september!!\n"
        "the senco Mrs Patel keeps saying theres no money for a TA. we waited 18 months for an "
        "EHCP. pls ring me on 07912 345678 or email kerry.smith84@hotmail.co.uk, we live at "
        "12 Station Road Horsham RH12 1AB. thanks x"
    )
    result = redactor.redact(typed)
    assert result.text == (
        "hi im [name], my son [name] is 9 and autistic  hes been out of school since september!!\n"
        "the senco [name] keeps saying theres no money for a TA. we waited 18 months for an "
        "EHCP. pls ring me on [phone number] or email [email address], we live at "
        "[address] Horsham [postcode]. thanks x"
    )
    assert result.found == ("name", "phone", "email", "address", "postcode")


def test_found_lists_each_kind_once_in_order_of_first_appearance(redactor: Redactor) -> None:
    result = redactor.redact("07700 900123 or jo@example.com, ask for Jack or 07700 900456")
    assert result.text == "[phone number] or [email address], ask for [name] or [phone number]"
    assert result.found == ("phone", "email", "name")


def test_keep_words_are_never_names_on_their_own() -> None:
    redactor = Redactor(keep_words=["Arun", "Grace Eyre", "Ellie Brook Centre"])
    assert redactor.redact("the Arun district").text == "the Arun district"
    assert redactor.redact("Arun council never replied").text == "Arun council never replied"
    assert redactor.redact("we go to Grace Eyre").text == "we go to Grace Eyre"
    # ... but a one-word place straight after "my son" is a child's name
    assert redactor.redact("my son Arun is 7").text == "my son [name] is 7"
    # and a place name in a longer phrase does not protect the same word elsewhere
    assert redactor.redact("Ellie has been waiting").text == "[name] has been waiting"
    assert Redactor().redact("Arun has been waiting").text == "[name] has been waiting"


def test_empty_and_blank_text(redactor: Redactor) -> None:
    assert redactor.redact("") == Redaction("", ())
    assert redactor.redact("  \n ") == Redaction("  \n ", ())


def test_a_redaction_cannot_be_changed(redactor: Redactor) -> None:
    result = redactor.redact("my son Jack")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "my son Jack"  # type: ignore[misc]


def test_a_typical_message_is_redacted_in_well_under_a_millisecond(redactor: Redactor) -> None:
    typed = (
        "hi im kerry, my son jack is autistic and hes been out of school since september. the "
        "senco Mrs Patel keeps saying theres no money for a TA and the council wont answer my "
        "emails. we have waited 18 months for an EHCP and nobody from CAMHS has rung us back. "
        "i just want someone to listen to us please"
    )
    redactor.redact(typed)
    runs = 200
    started = time.perf_counter()
    for _ in range(runs):
        redactor.redact(typed)
    per_message = (time.perf_counter() - started) / runs
    assert per_message < 0.005  # typically 0.3 ms; a generous bound for a busy CI machine


def test_a_whole_date_after_a_name_is_a_date_of_birth(redactor: Redactor) -> None:
    result = redactor.redact("my cousin Freya 02 11 2013 has no place yet")
    assert "02 11 2013" not in result.text and "Freya" not in result.text
    assert redactor.redact("his dob 5 6 2014").text == "his dob [date of birth]"
    # a date with no name or cue is an appointment, not a birthday
    assert redactor.redact("the review on 14 10 2025 was moved").text == (
        "the review on 14 10 2025 was moved"
    )


def test_a_house_number_said_apart_from_its_street(redactor: Redactor) -> None:
    text = redactor.redact("We are on Orchard Way in Bognor, number 31, and the bus is late").text
    assert "31" not in text and "Orchard Way" not in text and "Bognor" in text
    assert redactor.redact("we live at number 7 and nobody visits").text == (
        "we live at number [address] and nobody visits"
    )
    assert redactor.redact("the number 700 bus is never on time").text == (
        "the number 700 bus is never on time"
    )


def test_a_lower_case_name_of_someone_in_my_class(redactor: Redactor) -> None:
    assert redactor.redact("tyler in my form hides my bag").text == "[name] in my form hides my bag"
    assert (
        redactor.redact("a girl in my form hides my bag").text == "a girl in my form hides my bag"
    )


def test_a_user_name_after_find_me(redactor: Redactor) -> None:
    assert redactor.redact("add me on tiktok at mia.draws_09").text == "add me on tiktok at [name]"
    assert redactor.redact("message me at 9am please").text == "message me at 9am please"


def test_a_house_on_a_street_called_the_something_with_no_ending(redactor: Redactor) -> None:
    assert redactor.redact("we are at 14 The Spinney, Burgess Hill").text == (
        "we are at [address], Burgess Hill"
    )


def test_user_names_joined_by_an_underscore_are_removed(redactor: Redactor) -> None:
    text = redactor.redact("my name on the parents group is bluebell_mum22, message me").text
    assert "bluebell_mum22" not in text
    assert (
        redactor.redact("find my posts, username on mumsnet is sendwarrior_x").text.count(
            "sendwarrior_x"
        )
        == 0
    )


def test_house_names_that_end_in_cottages_or_villas(redactor: Redactor) -> None:
    assert "7 Mill Cottages" not in redactor.redact("send it to 7 Mill Cottages, Rye").text
