"""Flesch reading ease gives the figures textstat 0.7.3 gave (written down from it)."""

from __future__ import annotations

import pytest

from bot.content.flesch import reading_ease, sentences, syllables, words

TEXTSTAT_0_7_3 = [
    ("The cat sat on the mat.", 116.15),
    ("Hi! Who are you? Tap a button, or type your answer.", 99.73),
    (
        "A group for parents and carers of children with extra needs. "
        "Join to help shape the services your family uses.",
        78.25,
    ),
    (
        "Co-production means working together as equals: young people, parents and carers, "
        "and the council's staff.",
        47.79,
    ),
    ("Don't worry. It's fine.", 92.8),
    ("🙂", 206.84),
    (
        "Strategic stakeholder facilitation necessitates comprehensive intergenerational "
        "collaboration.",
        -147.14,
    ),
    (
        "Yes. No. Maybe. We will read everything you send and reply within twenty working days.",
        73.17,
    ),
]


@pytest.mark.parametrize(("text", "expected"), TEXTSTAT_0_7_3)
def test_reading_ease_is_textstat_0_7_3s(text: str, expected: float) -> None:
    assert reading_ease(text) == expected


def test_counts_words_sentences_and_syllables_like_textstat() -> None:
    text = "Yes. No. Maybe. We will read everything you send."
    assert words(text) == 9
    assert sentences(text) == 1, "sentences of two words or fewer are not counted"
    assert syllables("co-production") == syllables("coproduction") == 4
