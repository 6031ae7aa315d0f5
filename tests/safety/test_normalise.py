"""Text as people type it, written out before the safety check reads it."""

from __future__ import annotations

import pytest

from bot.safety.normalise import has_cue, normalise_for_safety


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("i rly wna die", "i really want to die"),
        ("want 2 end it 2nite", "want to end it tonight"),
        ("gna do it b4 skl", "going to do it before school"),
        ("sum1 keeps following me hme", "someone keeps following me home"),
        ("pleaseeee helppp", "please help"),
        ("I'M SOOOO DONE", "i am so done"),
        ("kms", "kill myself"),
    ],
)
def test_text_speak_is_written_out(typed: str, written: str) -> None:
    assert normalise_for_safety(typed) == written


def test_a_number_stays_a_number_after_is_or_am() -> None:
    assert normalise_for_safety("she is 2 and a half") == "she is 2 and a half"


@pytest.mark.parametrize(
    "text",
    ["i feel hopeless", "he gave his stuff away", "she is meeting a man from snapchat"],
)
def test_words_from_the_field_of_harm_are_cues(text: str) -> None:
    assert has_cue(normalise_for_safety(text))


@pytest.mark.parametrize("text", ["i am a mum in crawley", "what is the local offer"])
def test_ordinary_words_are_not_cues(text: str) -> None:
    assert not has_cue(normalise_for_safety(text))


def test_where_someone_lives_and_a_useless_form_touch_no_harm() -> None:
    assert not has_cue("my nan lives near bognor and has a blue badge")
    assert not has_cue("the new portal is completely useless")
    assert has_cue("i feel useless and alone")
    assert has_cue("he does not want to live any more")


def test_a_number_that_counts_something_stays_a_number() -> None:
    assert "2 years" in normalise_for_safety("we waited 2 years for camhs")
    assert "want to die" in normalise_for_safety("i want 2 die")
    assert "favourite" in normalise_for_safety("art is my fave")
