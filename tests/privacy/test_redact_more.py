"""The kinds of personal detail issue #11 found left in "anonymous" feedback, and the place,
school and charity names redaction must keep. Wordings written for these tests."""

from __future__ import annotations

import re

import pytest

from bot.privacy.redact import Redactor, is_nhs_number


@pytest.fixture(scope="module")
def redactor() -> Redactor:
    return Redactor(keep_words=["Horsham", "Lewes", "Henfield", "Seaford", "Bognor Regis"])


@pytest.mark.parametrize("number", ["9434765919", "4010232137", "9876543210"])
def test_the_nhs_check_digit(number: str) -> None:
    assert is_nhs_number(number)
    assert not is_nhs_number(number[:9] + str((int(number[9]) + 1) % 10))


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("her nhs number is 943 476 5919 and", "her nhs number is [NHS number] and"),
        ("NHS no: 943-476-5919.", "NHS no: [NHS number]."),
        ("ref 9434765919 from the hospital", "ref [NHS number] from the hospital"),
        ("NHS No 123 456 7890 (I think)", "NHS No [NHS number] (I think)"),
        ("invoice 1234567890 was paid", "invoice 1234567890 was paid"),  # not a valid NHS number
    ],
)
def test_nhs_numbers_in_any_spacing(redactor: Redactor, typed: str, kept: str) -> None:
    assert redactor.redact(typed).text == kept


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("dob 2012-09-14, still waiting", "dob [date of birth], still waiting"),
        ("D.O.B: 2012/9/14", "D.O.B: [date of birth]"),
        ("born on 14th September 2012", "born on [date of birth]"),
        ("a date of birth of 3/7/2015", "a date of birth of [date of birth]"),
    ],
)
def test_dates_of_birth(redactor: Redactor, typed: str, kept: str) -> None:
    assert redactor.redact(typed).text == kept


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("i'm kayden and i hate maths", "i'm [name] and i hate maths"),
        ("I'm Priya Shah, a mum of two", "I'm [name], a mum of two"),
        ("my son OSCAR BENNETT is 8", "my son [name] is 8"),
        ("my daughter is called lola o'neill", "my daughter is called [name]"),
        ("my son is Theo morris and he loves trains", "my son is [name] and he loves trains"),
        ("big thanks to Gemma on reception", "big thanks to [name] on reception"),
        ("mum of ruby (6) and arlo (3) here", "mum of [name] (6) and [name] (3) here"),
        ("thanks to uncle dave for driving", "thanks to uncle [name] for driving"),
        ("Surname: Nowak", "Surname: [name]"),
        ("miss jenkins never listens", "[name] never listens"),
        ("I'm Dan Ward, his dad", "I'm [name], his dad"),
        ("Frank from the SEND team rang back", "[name] from the SEND team rang back"),
        ("love from the Okafor family", "love from the [name] family"),
        ("im grace and im 12, i use a wheelchair", "im [name] and im 12, i use a wheelchair"),
        ("i am max, year 8", "i am [name], year 8"),
        ("i am frank about how bad it is", "i am frank about how bad it is"),
        ("Cllr Okoro promised to look into it", "[name] promised to look into it"),
        ("my cousin Stan takes me to clubs", "my cousin [name] takes me to clubs"),
        ("our girl (we call her Bubba) loves music", "our girl (we call her [name]) loves music"),
        ("dr patel at the clinic listened", "[name] at the clinic listened"),
        ("the dr appointment was moved again", "the dr appointment was moved again"),
        ("she is known as Peanut at home", "she is known as [name] at home"),
        ("the club is called Sunshine Club", "the club is called Sunshine Club"),
        ("our local councillor never wrote back", "our local councillor never wrote back"),
    ],
)
def test_names_in_every_case_after_any_cue(redactor: Redactor, typed: str, kept: str) -> None:
    assert redactor.redact(typed).text == kept


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("send it to Ivy Cottage, Mill Lane, Henfield", "send it to [address], Henfield"),
        ("we live at The Granary near Lewes", "we live at [address] near Lewes"),
        ("we live on The Crescent", "we live on [address]"),
        ("add me on snapchat ellie.b2011", "add me on snapchat [name]"),
        ("my insta is jack_plays_99", "my insta is [name]"),
        (
            "we live on Mill Lane, number 7, Henfield",
            "we live on [address], [address], Henfield",
        ),
        ("at 7, Bognor Regis", "at 7, Bognor Regis"),
    ],
)
def test_houses_streets_and_handles(redactor: Redactor, typed: str, kept: str) -> None:
    assert redactor.redact(typed).text == kept


def test_a_town_named_like_a_street_after_a_house_number_is_kept() -> None:
    redactor = Redactor(keep_words=["Burgess Hill", "Horsham"])
    typed = "we are on Keymer Road, number 12, Burgess Hill, and the bus never comes"
    assert redactor.redact(typed).text == (
        "we are on [address], [address], Burgess Hill, and the bus never comes"
    )
    assert redactor.redact("at 3 Rusper Hill, Horsham").text == "at [address], Horsham"


@pytest.mark.parametrize(
    "typed",
    [
        "Holly Tree nursery were brilliant with his hearing aids",
        "she goes to Oakwood Green school",
        "he is in year 5 at Elmwood Park",
        "the Dame Kelly Holmes Trust ran a great day",
        "St Peter Benedict Catholic Primary School is lovely",
        "Humpty and Dumpty nursery need a ramp",
        "the Ronald McDonald House let us stay",
        "we will send it in May",
        "Mark the form as urgent please",
    ],
)
def test_places_schools_and_charities_stay(redactor: Redactor, typed: str) -> None:
    assert redactor.redact(typed).text == typed


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        # full names from anywhere, with no cue, where neither word is an everyday word
        ("Olena Kovalenko emailed twice", "[name] emailed twice"),
        ("thanks, Adebayo Ogunleye (Year 10)", "thanks, [name] (Year 10)"),
        ("Liu Yang from the hub rang", "[name] from the hub rang"),
        ("we saw Björn Lindqvist at the clinic", "we saw [name] at the clinic"),
        # in lower case, a first name and a surname
        ("went with sophie turner to the group", "went with [name] to the group"),
        ("harvey johnson's mum here", "[name]'s mum here"),
        # initials, capitals, hyphens after a cue
        ("Signed A.B. Patel, governor", "Signed [name], governor"),
        ("CALL ME. MR GRAHAM NUTTALL", "CALL ME. [name]"),
        ("hello, I'm Mei-Ling and", "hello, I'm [name] and"),
        # a person's page on a social network
        ("add me facebook.com/sam.jones.77 thanks", "add me [name] thanks"),
        # whose school, not the school's name ("at St Mary's School" stays)
        ("the senco at Priya's school said no", "the senco at [name]'s school said no"),
    ],
)
def test_names_without_the_usual_cues(redactor: Redactor, typed: str, kept: str) -> None:
    assert redactor.redact(typed).text == kept


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("ni no: AB123456C thanks", "ni no: [National Insurance number] thanks"),
        ("my NI is QQ 98 76 54 A", "my NI is [National Insurance number]"),
        ("we live in BN3 near the park", "we live in [postcode] near the park"),
        ("we're in tn34 now", "we're in [postcode] now"),
        ("Flat 4, Marine Court, Seaford", "[address], Seaford"),
        ("our house is called Oak Barn, Mill Road", "our house is called [address]"),
        ("born on the third of May 2013", "born on the [date of birth]"),
        ("she was born the 21st of March", "she was born the [date of birth]"),
        ("add me on discord its frogking_77", "add me on discord its [name]"),
    ],
)
def test_other_details(redactor: Redactor, typed: str, kept: str) -> None:
    assert redactor.redact(typed).text == kept


@pytest.mark.parametrize(
    "typed",
    [
        "The trip to Lewes Priory was great",
        "He is in Kestrel class at the infant school",
        "She goes to Northbrook Campus now",
        "It's at St Anne's and St Mark's",
        "The KS2 results and the A27 roadworks",
        "me2 lol, it was the 2nd time",
        "Early feedback was good",
        "my son's teacher is new",
        "a named link person would help",
    ],
)
def test_words_that_stay(redactor: Redactor, typed: str) -> None:
    assert redactor.redact(typed).text == typed


def test_public_numbers_stay_and_private_ones_go() -> None:
    redactor = Redactor(public_numbers=["08001111", "08088005000"])
    text = "Childline is 0800 1111 and NSPCC 0808 800 5000; ring me on 07700 900 765"
    assert redactor.redact(text).text == (
        "Childline is 0800 1111 and NSPCC 0808 800 5000; ring me on [phone number]"
    )


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Kerry here, mum of two", "[name] here, mum of two"),
        ("Rowena is my daughter and she is 9", "[name] is my daughter and she is 9"),
        ("football is my son's life", "football is my son's life"),
        ("Baz the caretaker fixed the ramp", "[name] the caretaker fixed the ramp"),
        ("the ramp is still broken. - Imogen, 15", "the ramp is still broken. - [name], 15"),
        ("no one called back, Nan (Rita Blake)", "no one called back, Nan ([name])"),
        ("the form is due on Christmas Eve", "the form is due on Christmas Eve"),
        ("pupil number A12345678 moved", "pupil number [reference number] moved"),
        ("our case ref is EHC/2024/0099", "our case ref is [reference number]"),
        ("I'd like more help, thanks", "I'd like more help, thanks"),
        ("we moved school. - Worthing", "we moved school. - Worthing"),
    ],
)
def test_names_known_by_what_follows_and_references(
    redactor: Redactor, typed: str, kept: str
) -> None:
    assert redactor.redact(typed).text == kept


def test_public_emails_stay() -> None:
    redactor = Redactor(public_emails=["localoffer@westsussex.gov.uk"])
    text = "I wrote to localoffer@westsussex.gov.uk from jo@example.org"
    assert (
        redactor.redact(text).text == "I wrote to localoffer@westsussex.gov.uk from [email address]"
    )


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("We live on Meadow Close in Burgess Hill, the bus never comes", "Meadow Close"),
        ("Jade, my daughter, cannot hear in the hall", "Jade"),
        ("hiya its ivy, im 14 and the canteen is too loud", "ivy"),
        ("Hope's teacher shouts at the class", "Hope"),
        ("text me on 0 7 9 0 0 1 2 3 4 5 6 please", "0 7 9 0 0 1 2 3 4 5 6"),
        ("her patient number is AB12345678 and they lost the letter", "AB12345678"),
        ("student number 550912, my extra time was not given", "550912"),
    ],
)
def test_details_said_with_a_cue_are_removed(redactor: Redactor, text: str, gone: str) -> None:
    assert gone not in redactor.redact(text).text


@pytest.mark.parametrize(
    "text",
    [
        "the new club has been a godsend, my son loves it",
        "its fine, the school sorted it in the end",
        "Easter's a hard time for him with no routine",
        "the ramp on Station Road is broken again",
    ],
)
def test_words_near_those_cues_stay(redactor: Redactor, text: str) -> None:
    assert redactor.redact(text).text == text


@pytest.mark.parametrize(
    ("text", "gone", "kept"),
    [
        ("my son hope hates loud rooms", "hope", "my son"),
        ("my niece summer was moved to another class", "summer", "my niece"),
        ("my daughter will start college in September", None, "will start"),
    ],
)
def test_a_relative_named_with_an_everyday_word(
    redactor: Redactor, text: str, gone: str | None, kept: str
) -> None:
    cleaned = redactor.redact(text).text
    assert kept in cleaned
    if gone is not None:
        assert gone not in cleaned


@pytest.mark.parametrize(
    ("typed", "left_out"),
    [
        ("its me kayden, i go to the college in Horsham", ["kayden"]),
        ("At home we call her BB, she is 9 and loves the hub", ["BB"]),
        ("we live at 8 the Sidings, Henfield, it floods", ["8 the Sidings"]),
        ("my friend maddie (maddie k, not maddie p) wants a club", ["maddie"]),
        ("my gf keira and my carer jen came to the meeting", ["keira", "jen"]),
        ("nan (Pam) takes him to speech therapy", ["Pam"]),
        ("my key worker baz says it will get better", ["baz"]),
    ],
)
def test_names_said_in_passing_after_r25_are_left_out(
    redactor: Redactor, typed: str, left_out: list[str]
) -> None:
    text = redactor.redact(typed).text
    assert not [name for name in left_out if name.lower() in text.lower()], text


def test_a_place_named_after_a_person_stays_when_the_person_goes(redactor: Redactor) -> None:
    text = redactor.redact("I'm Holly Baker. Holly Lodge school is great").text
    assert "Baker" not in text and "Holly Lodge school" in text


@pytest.mark.parametrize(
    ("typed", "left_out"),
    [
        ("me n jodie n tash want a youth club", ["jodie", "tash"]),
        ("write to k.ahmed(at)gmail(dot)com about it", ["k.ahmed"]),
        ("my lil bro kai got sent home again", ["kai"]),
        ("i live at 9 willow walk, near the station", ["9 willow walk"]),
        ("Will is 7 and hates the lunch hall", ["Will"]),
        ("I'm Mo, 20, from the college", ["Mo"]),
    ],
)
def test_names_and_addresses_found_after_r26(
    redactor: Redactor, typed: str, left_out: list[str]
) -> None:
    text = redactor.redact(typed).text
    assert not [item for item in left_out if item in text], text


def test_ages_of_things_are_not_names(redactor: Redactor) -> None:
    for typed in ("Autism is 1 in 100 kids", "Christmas is 3 weeks away", "Year 9 is hard"):
        assert redactor.redact(typed).text == typed


@pytest.mark.parametrize(
    ("typed", "left_out", "kept"),
    [
        ("its about my sons dyspraxia support", [], ["dyspraxia"]),
        ("can Jo Bloggs ring me about the Autism in Schools project", ["Bloggs"], ["Autism"]),
        ("Sister Maria Lopez on the ward was lovely", ["Maria", "Lopez"], ["ward"]),
        ("oscar n me want a club in Horsham", ["oscar"], ["Horsham"]),
        ("our youngest Bug (nickname) waits for speech therapy", ["Bug"], ["speech"]),
        ("my mate Big Dave (David) comes too", ["Dave", "David"], []),
        ("thanks to the man at reception, Kev, at the Horsham hub", ["Kev"], ["Horsham"]),
        ("Freya has autism and the bus is late", ["Freya"], ["autism"]),
        ("CAMHS lost Ellies referral again", ["Ellie"], ["CAMHS"]),
    ],
)
def test_names_found_after_r27(
    redactor: Redactor, typed: str, left_out: list[str], kept: list[str]
) -> None:
    text = redactor.redact(typed).text
    assert not [item for item in left_out if item in text], text
    assert all(item in text for item in kept), text


@pytest.mark.parametrize(
    ("typed", "left_out", "kept"),
    [
        ("Hope is 12 and Hope's teacher never rings", ["Hope"], ["teacher"]),
        ("I'm Róisín, a foster carer in Bexhill", ["Róisín"], ["foster carer", "Bexhill"]),
        ("I'm Paris, 15, from Lewes", ["Paris"], ["Lewes"]),
        ("my sons name is Chester and he is 6", ["Chester"], ["sons"]),
        ("megan my sister comes to the club", ["megan"], ["sister"]),
        ("miss ruby from class 2 was brilliant", ["ruby"], ["class 2"]),
        ("can you tell Autumn at the reception desk thanks", ["Autumn"], ["reception"]),
        ("My girls Adaeze and Kemi both have sickle cell", ["Adaeze", "Kemi"], ["sickle"]),
        ("its georgina (gigi) from the parent group", ["georgina", "gigi"], ["parent group"]),
        ("my son Leo and the school do not get on", ["Leo"], ["school"]),
    ],
)
def test_names_found_after_r31(
    redactor: Redactor, typed: str, left_out: list[str], kept: list[str]
) -> None:
    _left_out_and_kept(redactor, typed, left_out, kept)


@pytest.mark.parametrize(
    "typed",
    [
        "St Mary's and Mary's mum are both in Crawley",  # "Mary's" alone goes; St Mary's stays
        "we went to Paris, 16 of us, on the school trip",
        "Sam (autistic) and Ben (deaf) both need support",
        "I miss swimming in year 5",
    ],
)
def test_places_words_and_conditions_stay_after_r31(redactor: Redactor, typed: str) -> None:
    text = redactor.redact(typed).text
    for kept in ("St Mary's", "Paris", "autistic", "deaf", "swimming"):
        if kept in typed:
            assert kept in text, text


@pytest.mark.parametrize(
    ("typed", "left_out", "kept"),
    [
        ("Faith and Joy are my girls and both have autism", ["Faith", "Joy"], ["autism"]),
        ("Thank you to Sue, Will and Ruby at the hub", ["Sue", "Will", "Ruby"], ["hub"]),
        ("my gran sandy drives me to college", ["sandy"], ["gran", "college"]),
        ("please call Frank on 01632 960 444, he is my partner", ["Frank"], ["partner"]),
        ("Sydney here, the youth club is closing", ["Sydney"], ["youth club"]),
        ("I'm Oyelaran btw, a dad in Hove", ["Oyelaran"], ["dad", "Hove"]),
        ("Bobbo (my cousin) has ADHD", ["Bobbo"], ["ADHD"]),
        ("rose the family support worker rang me", ["rose"], ["family support worker"]),
    ],
)
def test_names_found_after_r32(
    redactor: Redactor, typed: str, left_out: list[str], kept: list[str]
) -> None:
    _left_out_and_kept(redactor, typed, left_out, kept)


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("we came here from Jordan last year", ["Jordan"]),
        ("Red card for the new bus company", ["Red"]),
        ("Peppa the Pig plasters at the clinic were a hit", ["Peppa"]),
        ("costs rose again and Rose from the forum agreed", ["rose"]),
        ("I'm Knackered btw", ["Knackered"]),
    ],
)
def test_places_colours_characters_and_words_stay_after_r32(
    redactor: Redactor, typed: str, kept: list[str]
) -> None:
    text = redactor.redact(typed).text
    assert all(item in text for item in kept), text


@pytest.mark.parametrize(
    ("typed", "left_out", "kept"),
    [
        ("Nanna Jean picks him up", ["Jean"], ["Nanna"]),
        ("Paris is 15 and loves the youth club", ["Paris"], ["youth club"]),
        ("May, my neighbour, helps on Fridays", ["May"], ["neighbour"]),
        ("my youngest Autumn has a new EHCP", ["Autumn"], ["youngest", "EHCP"]),
        ("Hope and Joy (twins, 9) are in year 4", ["Hope", "Joy"], ["twins"]),
        ("Storm Ciara closed the school", [], ["Storm Ciara"]),
    ],
)
def test_names_and_storms_after_r33(
    redactor: Redactor, typed: str, left_out: list[str], kept: list[str]
) -> None:
    _left_out_and_kept(redactor, typed, left_out, kept)


def _left_out_and_kept(
    redactor: Redactor, typed: str, left_out: list[str], kept: list[str]
) -> None:
    """Each detail in ``left_out`` is gone as whole words; each word in ``kept`` is still there."""
    text = redactor.redact(typed).text
    assert not [item for item in left_out if re.search(rf"\b{item}\b", text)], text
    assert all(item in text for item in kept), text
