"""Understanding text as people really type it: postcodes, corrections, denials, who is
speaking, requests for feedback, questions, other languages and consent.

The wordings here were written for these tests, not taken from a blind set.
"""

from __future__ import annotations

import pytest

from bot.engine.nlu.consent import read_consent
from bot.engine.nlu.requests import asks_to_give_feedback
from bot.engine.nlu.text import normalise
from bot.engine.nlu.understand import Understander


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("RH13", "west_sussex"),
        ("we're in BN25", "east_sussex"),
        ("postcode po21 3xy", "west_sussex"),
        ("TN40 1QF", "east_sussex"),
        ("tn401qf", "east_sussex"),
        ("BN3 hove", "elsewhere"),
        ("RH1 4AB", "elsewhere"),  # Redhill, Surrey
        ("postcode GU1 2AA", "elsewhere"),  # Guildford
        ("SE15 5BX", "elsewhere"),
    ],
)
def test_postcodes_give_the_council_area(understander: Understander, text: str, area: str) -> None:
    assert understander.understand(text).area == area


def test_a_district_that_covers_two_areas_is_asked_about(understander: Understander) -> None:
    understood = understander.understand("our postcode is RH17")
    assert understood.area is None and understood.area_ambiguous
    assert set(understood.area_choices) == {"west_sussex", "east_sussex"}
    straddling = understander.understand("GU31 4AA")
    assert "elsewhere" in straddling.area_choices


def test_ordinary_words_are_not_postcodes(understander: Understander) -> None:
    assert understander.understand("my son loves the m25 and a1 road signs").area is None


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("we lived in Bognor until 2023 but now we're in Rye", "east_sussex"),
        ("used to be in Lewes, moved to Crawley at Easter", "west_sussex"),
        ("Eastbourne, no wait, I mean Horsham", "west_sussex"),
        ("not Hastings, Worthing", "west_sussex"),
        ("I grew up in Croydon and now live in Seaford", "east_sussex"),
        ("we used to be in Rye but were in Littlehampton now", "west_sussex"),
        ("Lewes... no, Shoreham sorry", "west_sussex"),
    ],
)
def test_the_place_they_live_now_wins(understander: Understander, text: str, area: str) -> None:
    assert understander.understand(text).area == area


@pytest.mark.parametrize(
    "text",
    [
        "ive got two boys with dyspraxia",
        "we have 3 kids and the middle one is autistic",
        "I went along to the parent carer forum once",
    ],
)
def test_having_children_or_going_to_a_parent_forum_is_a_parent(
    understander: Understander, text: str
) -> None:
    assert understander.understand(text).role == "parent_carer"


@pytest.mark.parametrize(
    "text",
    [
        "ed psych here, covering Crawley",
        "I run a nursery in Bexhill",
        "we manage a pharmacy in Rye",
    ],
)
def test_a_job_said_by_what_they_run_or_do_is_a_professional(
    understander: Understander, text: str
) -> None:
    assert understander.understand(text).role == "professional"


@pytest.mark.parametrize(
    ("text", "interest"),
    [
        ("is there a form for an individual learning plan for my daughter?", "my_plan"),
        ("the family hub in Bognor is too busy for my son, im his dad", "council"),
        ("my sons school doesnt have any club for autistic kids", "school"),
    ],
)
def test_a_question_or_complaint_about_something_gives_the_interest(
    understander: Understander, text: str, interest: str
) -> None:
    assert interest in understander.understand(text).interests


def test_me_and_a_number_first_is_the_writers_age(understander: Understander) -> None:
    assert understander.understand("me 9. i go to school in Crawley").age == 9
    assert understander.understand("15 rye. skl is rubbish").area == "east_sussex"


def test_parents_spoken_of_are_not_the_speaker(understander: Understander) -> None:
    said = understander.understand("SENCO at a primary in Rye. Parents tell us they feel unheard")
    assert said.role == "professional"
    assert understander.understand("parents say the coffee mornings help").role is None


def test_council_initials_a_place_alone_and_a_college_give_the_area(
    understander: Understander,
) -> None:
    assert understander.understand("family support worker for WSCC").area == "west_sussex"
    assert understander.understand("just a dad. Battle. two kids").area == "east_sussex"
    assert understander.understand("im at chichester college").area == "west_sussex"


def test_a_question_about_the_county_and_a_place_before_a_parent_word(
    understander: Understander,
) -> None:
    assert understander.understand("any groups for teens in west sussex?").area == "west_sussex"
    assert understander.understand("when does the hub in Bognor open?").area is None
    assert understander.understand("Crawley dad, how do I join the forum").role == "parent_carer"
    assert understander.understand("no not west, east", asking="area").area == "east_sussex"


def test_a_child_in_my_class_is_not_my_child(understander: Understander) -> None:
    assert understander.understand("I have a child in my class with ADHD").role != "parent_carer"


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("im 61 whoops typo 16", 16),
        ("i am 13 sorry i mean 12", 12),
        ("im 17 my bad 18", 18),
        ("im 12, oh wait i just turned 13", 13),
    ],
)
def test_an_age_taken_back_gives_the_new_one(
    understander: Understander, text: str, age: int
) -> None:
    assert understander.understand(text).age == age


def test_a_denied_role_is_not_taken(understander: Understander) -> None:
    understood = understander.understand("im not a teacher, im the pupil, 13")
    assert understood.role == "young_person" and understood.age == 13
    parent = understander.understand("not the student, I'm his dad")
    assert parent.role == "parent_carer"


@pytest.mark.parametrize(
    ("text", "age", "child_age"),
    [
        ("I am father of Amir, he have 11 years", None, 11),
        ("mummy of 2, they are 6 and 9", None, 6),
        ("I have 42 years, my daughter has 15 years", 42, 15),
        ("SENCO here, I teach year 7", None, None),
    ],
)
def test_the_speaker_is_told_apart_from_the_child(
    understander: Understander, text: str, age: int | None, child_age: int | None
) -> None:
    understood = understander.understand(text)
    assert understood.age == age
    assert understood.child_age == child_age


@pytest.mark.parametrize(
    "text",
    [
        "I'd like to make a complaint about the taxi service",
        "can you let the NHS know the wheelchair wait is far too long",
        "please tell my school the lifts never work",
        "Feedback: the new Local Offer search is great",
        "I have a suggestion for the family hub",
        "pass on my thanks to the SEND officer who helped us",
    ],
)
def test_asking_to_give_feedback_starts_it(text: str) -> None:
    assert asks_to_give_feedback(normalise(text))


@pytest.mark.parametrize(
    "text",
    [
        "my mum moans about the council a lot",
        "how can young people give feedback to the NHS?",
        "does anyone read the complaints?",
        "I want to join the forum",
        "i want to tell you about my daughter, she is 8",
    ],
)
def test_mentioning_feedback_does_not_start_it(text: str) -> None:
    assert not asks_to_give_feedback(normalise(text))


@pytest.mark.parametrize(
    ("text", "answer_id", "kind"),
    [
        ("what's the local offer?", "local-offer", "what"),
        ("how can i sign up for young voices", "young-voices", "join"),
        ("wots co production", "co-production", "what"),
        ("what does SEND stand for", "send", "what"),
        ("is there a parent carer forum in East Sussex?", "parent-carer-forum", "what"),
        ("email for the ESPCF?", "espcf", "join"),
    ],
)
def test_questions_about_one_thing_are_recognised(
    understander: Understander, text: str, answer_id: str, kind: str
) -> None:
    asked = understander.understand(text).asked
    assert asked is not None
    assert (asked.answer_id, asked.kind) == (answer_id, kind)


@pytest.mark.parametrize(
    "text", ["my son has an EHCP", "can i send my feedback now", "young voices sounds good"]
)
def test_names_outside_a_question_are_not_questions(understander: Understander, text: str) -> None:
    assert understander.understand(text).asked is None


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("cheers, that was really useful", "thanks"),
        ("right I'm off now, bye", "bye"),
        ("can my teachers read what I put here?", "ask_who_reads"),
        ("will anything actually change because of this?", "ask_what_happens"),
        ("who do I complain to about transport", "ask_complain"),
    ],
)
def test_small_talk_and_questions_about_feedback(
    understander: Understander, text: str, intent: str
) -> None:
    assert understander.understand(text).intent == intent


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Dzień dobry, potrzebuję pomocy dla córki w szkole", "pl"),
        ("Bună ziua, fiul meu are nevoie de ajutor la școală", "ro"),
        ("مرحبا، أحتاج مساعدة لابني في المدرسة", "ar"),
        ("Доброго дня, моїй дитині потрібна допомога", "uk"),
        ("Merhaba, çocuğum için yardım istiyorum", "tr"),
    ],
)
def test_other_languages_are_recognised(
    understander: Understander, text: str, language: str
) -> None:
    assert understander.understand(text).language == language


@pytest.mark.parametrize("text", ["im 15 n live in horsam", "wot is dis", "ok ty"])
def test_english_text_speak_is_not_another_language(understander: Understander, text: str) -> None:
    assert understander.understand(text).language is None


@pytest.mark.parametrize(
    ("answer", "level"),
    [
        ("yes go ahead", "anonymous"),
        ("sure, no worries", None),  # any "no" is asked again, even in "no worries"
        ("na im good", "none"),
        ("I'm ok thanks", "none"),
        # any "no" beside a yes is asked again (SPEC journey 2), even when it means "anonymous"
        ("yep but don't put my name on it", "anonymous"),
        ("yes, no need to reply", None),
        ("ok but no names", None),
        ("anonymous, actually no wait", None),
        ("anonimus pls", "anonymous"),
        ("annonymus", "anonymous"),
        ("yes and please get back to me", "contact"),
        ("no thanks", "none"),
        ("please don't send it", "none"),
        ("yes... no actually leave it", None),
        ("hmm I'm not sure", None),
        ("maybe later", None),
        ("ok but who sees it?", None),
        ("nah", "none"),
        ("fine by me, but my daughter would not like it", None),
        ("ok though I doubt they care", None),
        ("yes but keep my name off it", "anonymous"),
        ("yeah right, as if they listen", None),
        ("🤞", None),
        ("ok", None),
        ("sure, keep it anon", "anonymous"),
        ("👌", None),
        ("go ahead, i dont want a reply", "anonymous"),
        ("fine, i dont need to hear from anyone", "anonymous"),
        ("pass it on, no need to hear back", None),  # a "no" in it: asked again with buttons
        ("i want to hear back please", "contact"),
        ("ys no", None),
        ("ys pass it on", "anonymous"),
        ("yes and", None),
    ],
)
def test_only_an_unambiguous_yes_is_a_yes(answer: str, level: str | None) -> None:
    assert read_consent(answer) == level


@pytest.mark.parametrize(
    "text",
    [
        "the speech and language therapy waiting list in Crawley is over a year long",
        "our son's school has been brilliant since the new SENCO started, thank you",
        "the taxi to his special school turned up an hour late three days running",
        "nobody from the council has answered my emails about her plan for 2 months",
    ],
)
def test_a_view_said_straight_out_is_feedback(understander: Understander, text: str) -> None:
    assert understander.understand(text, asking="role").intent == "feedback"


@pytest.mark.parametrize(
    ("text", "asking"),
    [
        ("hello, I am a dad in Lewes and my daughter is 11 with autism", "role"),
        ("I would love to be on a parent panel at the council", None),
        ("the school is rubbish, is there a group for parents like me?", None),
        ("the school has been rubbish lately and I want to know who to talk to", "area"),
        ("why does the bus never come on time?", None),
    ],
)
def test_introductions_questions_and_answers_are_not_feedback(
    understander: Understander, text: str, asking: str | None
) -> None:
    assert understander.understand(text, asking=asking).intent != "feedback"


@pytest.mark.parametrize(
    ("answer", "level"),
    [
        ("fine to send, as long as they cannot tell who i am", "anonymous"),
        ("happy for you to pass it on", "anonymous"),
        ("only if my teacher can't work out it was me", None),
        ("share it, but keep me out of it", "anonymous"),
        ("send it please, id rather remain nameless", "anonymous"),
        ("pass it on but leave me out of this, anonymous", "anonymous"),
        ("with contact please, i am the class teacher", "contact"),
        ("fine, but no names", None),
        ("contact", "contact"),
    ],
)
def test_consent_with_a_promise_we_can_keep_or_cannot(answer: str, level: str | None) -> None:
    assert read_consent(answer) == level


def test_a_son_spelt_as_it_sounds_and_a_town_that_is_a_word(understander: Understander) -> None:
    assert understander.understand("my sun is 7 and has autism").role == "parent_carer"
    assert understander.understand("Reading", asking="area").area == "elsewhere"
    assert understander.understand("I love reading books").area is None


@pytest.mark.parametrize(
    ("text", "role", "age"),
    [
        ("Three kids, all autistic, we live in Lewes", "parent_carer", None),
        ("i look after my little sister who has cp, im 16", "young_person", 16),
        ("care leaver, 22, living in Bognor", "young_person", 22),
        ("I'm a grandmother of 68 and my grandson lives with me", "parent_carer", 68),
    ],
)
def test_counts_of_children_young_carers_care_leavers_and_a_grandparent_s_age(
    understander: Understander, text: str, role: str, age: int | None
) -> None:
    understood = understander.understand(text)
    assert (understood.role, understood.age) == (role, age)


@pytest.mark.parametrize(
    ("answer", "level"),
    [
        ("ya go on", "anonymous"),
        ("ya ya... i mean nah", None),  # a yes and a no: asked again
        ("ok send it, n call me back on 07700 900111 if u like", "contact"),
        ("sí, anónimo por favor", "anonymous"),
        ("nein", "none"),
        ("não", "none"),
        ("ні", "none"),
        ("tak", None),  # a yes in another language alone is asked again with buttons
        ("yes if you want", None),
    ],
)
def test_consent_typed_in_other_ways_after_r25(answer: str, level: str | None) -> None:
    assert read_consent(answer) == level


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("hi am 12 wot is this 4", {"age": 12, "role": "young_person"}),
        ("i liv in lewis", {"area": "east_sussex"}),
        ("my mum and i moved from camhs to adult services", {"area": None}),
        ("we foster 2 boys with autism in Selsey", {"role": "parent_carer"}),
        ("me and my wife foster 4 kids", {"role": "parent_carer"}),
        ("I live in Rye with my wife and daughter, she is 9", {"role": "parent_carer"}),
        ("I'm a student social worker", {"role": "professional"}),
        ("student journalist here, writing about SEND", {"role": "other"}),
    ],
)
def test_who_and_where_typed_in_passing_after_r25(
    understander: Understander, text: str, want: dict[str, object]
) -> None:
    understood = understander.understand(text)
    assert {key: getattr(understood, key) for key in want} == want


def test_where_someone_heard_of_the_bot_is_not_what_they_want_a_say_about(
    understander: Understander,
) -> None:
    assert understander.understand("i heard about this from a teacher at school").interests == []
    assert understander.understand("the nurse at my gp told me about this").interests == []
    told = understander.understand("my school told me about this, i want a say about college")
    assert told.interests == ["school"]
    heard = understander.understand("i want to be heard in his plan meetings")
    assert "my_plan" in heard.interests


def test_a_school_that_keeps_excluding_a_child_is_a_say_about_school(
    understander: Understander,
) -> None:
    assert understander.understand("the school keep excluding my son").interests == ["school"]
    assert understander.understand("helth", asking="interests").interests == ["health"]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("we are all 15 and want a say, RH12", {"age": 15}),
        ("BN2 16 want to join a panel", {"age": 16}),
        ("I was a nurse, well I was, now I'm a full time mum", {"role": "parent_carer"}),
        ("im a mum and i used to be a teacher", {"role": "parent_carer"}),
        ("I'm her nan but I don't live with her, Seaford", {"role": "other"}),
        ("Dad from Guildford, does the west sussex forum take us?", {"area": "elsewhere"}),
        ("is there a young people's group for Uckfield?", {"area": "east_sussex"}),
        ("when does the hub in Bognor open?", {"area": None}),
    ],
)
def test_groups_past_roles_relatives_and_questions_after_r26(
    understander: Understander, text: str, want: dict[str, object]
) -> None:
    understood = understander.understand(text)
    assert {key: getattr(understood, key) for key in want} == want


def test_a_role_someone_is_not_names_no_interest(understander: Understander) -> None:
    said = understander.understand("not a teacher or a nurse, just a neighbour in Rye")
    assert said.interests == []


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Busy day - working dad, son has ADHD, Crawley", {"role": "parent_carer"}),
        ("mum (41) of a 9 year old, Rye", {"age": 41, "child_age": 9}),
        ("we're a few miles past Battle", {"area": "east_sussex"}),
        ("I'm from Poland and now I live in Bognor", {"area": "west_sussex"}),
        ("i go to skool in burges hil", {"area": "west_sussex"}),
        ("I work in WSCC commissioning", {"role": "professional"}),
        ("year 10 in Horsham", {"age": 14, "role": "young_person"}),
    ],
)
def test_typing_found_after_r27(
    understander: Understander, text: str, want: dict[str, object]
) -> None:
    understood = understander.understand(text)
    assert {key: getattr(understood, key) for key in want} == want


def test_complaints_in_simple_english_and_questions_later_name_interests(
    understander: Understander,
) -> None:
    said = understander.understand("the teacher not understand my son, we live in Lancing")
    assert said.interests == ["school"]
    asked = understander.understand("Parent in Rye. Feeling alone. Any groups?")
    assert "meeting_others" in asked.interests
    assert understander.understand("i want my school to listen more").intent != "feedback"


@pytest.mark.parametrize(
    ("answer", "level"),
    [
        ("share this please, I dont need a reply", "anonymous"),
        ("yes, send it along, I don't want any fuss", "anonymous"),
        ("yes please. I'm not looking for an answer", "anonymous"),
        ("ok 👍", "anonymous"),
        ("👍", None),  # writers differ on a thumb alone: asked again
        ("just the part about lunch, not the part about my teacher", None),
        ("sorry I do not understand what you ask", None),
        ("not sure, not after a reply", None),
    ],
)
def test_consent_answers_after_r31(answer: str, level: str | None) -> None:
    assert read_consent(answer) == level


@pytest.mark.parametrize(
    ("text", "asking", "want"),
    [
        ("16, at college in W.Sussex", None, {"area": "west_sussex"}),
        ("we were in hastings but now guildford", "area", {"area": "elsewhere"}),
        ("carer (kinship)", "role", {"role": "parent_carer"}),
        ("carer (foster)", "role", {"role": "parent_carer"}),
    ],
)
def test_abbreviations_a_new_home_after_but_now_and_a_bracketed_kind_after_r31(
    understander: Understander, text: str, asking: str | None, want: dict[str, object]
) -> None:
    understood = understander.understand(text, asking=asking)
    assert {key: getattr(understood, key) for key in want} == want


@pytest.mark.parametrize(
    ("answer", "level"),
    [
        ("I am happy for it to go, but I do not need a reply", "anonymous"),
        ("yes and tell me if it reaches them", "contact"),
        ("not yet", None),
        ("yes but we", None),  # sent before the rest was typed
    ],
)
def test_consent_answers_after_r32(answer: str, level: str | None) -> None:
    assert read_consent(answer) == level


@pytest.mark.parametrize(
    ("text", "asking", "want"),
    [
        ("im 11.. no 12 sorry", None, {"age": 12}),
        ("hi im 15 frm rye", None, {"area": "east_sussex"}),
        ("mum. hastings. school.", None, {"interests": ["school"]}),
        ("my daughter has an EHCP, we live in Worthing", None, {"plan_mentioned": True}),
        ("hello. daughter autism. we live lewes", None, {"role": "parent_carer"}),
        ("I'm a youth worker (29) in Crawley", None, {"age": 29}),
        ("none of those", "role", {"role": "other"}),
        (
            "I'm his uncle, just trying to understand what my brother is going through",
            None,
            {"role": "other"},
        ),
    ],
)
def test_corrected_ages_terse_lists_plans_and_simple_english_after_r32(
    understander: Understander, text: str, asking: str | None, want: dict[str, object]
) -> None:
    understood = understander.understand(text, asking=asking)
    assert {key: getattr(understood, key) for key in want} == want


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("I'm the SEN lead at a primary in Rye", "professional"),
        ("hi, I am a transition coordinator in Lewes", "professional"),
        ("I'm a shift manager at Asda and my daughter has ADHD", "parent_carer"),
    ],
)
def test_a_job_title_said_of_oneself_is_a_professional(
    understander: Understander, text: str, role: str
) -> None:
    assert understander.understand(text).role == role


@pytest.mark.parametrize(
    ("answer", "level"),
    [
        ("Yes, do pass it on. I shan't be needing an answer.", "anonymous"),
        ("ok but i would like to hear back", "contact"),
        ("yes, and I am glad to talk to the team", "contact"),
    ],
)
def test_consent_answers_after_r33(answer: str, level: str | None) -> None:
    assert read_consent(answer) == level


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("freelance journalist based in Leeds, writing about SEND", {"role": "other"}),
        ("no we dont live in east sussex, its west. Worthing", {"area": "west_sussex"}),
        ("mum here, SW19", {"area": "elsewhere"}),
        ("I'm his auntie but not the main carer, his mum is", {"role": "other"}),
        ("my grandson has autism, his mum and dad look after him", {"role": "other"}),
        ("We moved from Crawley to Seaford. Where do I go now?", {"role": None}),
    ],
)
def test_who_and_where_after_r33(
    understander: Understander, text: str, want: dict[str, object]
) -> None:
    understood = understander.understand(text)
    assert {key: getattr(understood, key) for key in want} == want
