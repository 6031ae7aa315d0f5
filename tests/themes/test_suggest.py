"""The theme suggester and discovery on our own examples: a sanity check, not a measure (the
blind set in tests/blind/themes is the measure; see test_blind_evaluation.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from bot.settings import Settings
from bot.themes.discover import discover_themes
from bot.themes.suggest import ThemeSuggester
from bot.themes.vocabulary import ThemeBook, load_themes


@pytest.fixture(scope="module")
def book() -> ThemeBook:
    return load_themes(Settings().content_dir)


@pytest.fixture(scope="module")
def suggester(book: ThemeBook) -> ThemeSuggester:
    return ThemeSuggester(book).fitted()


def test_the_twelve_agreed_themes(book: ThemeBook) -> None:
    assert [theme.id for theme in book.themes] == [
        "waiting", "plans", "school_help", "missing_school", "transport", "information",
        "listening", "mental_health", "therapy", "short_breaks", "adulthood", "praise",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "theme"),
    [
        ("the school taxi never turns up on time", "transport"),
        ("We have waited two years for an autism assessment", "waiting"),
        ("The annual review of his EHCP was cancelled again", "plans"),
        ("CAMHS said she is not ill enough for help with her anxiety", "mental_health"),
        ("Thank you so much, the forum has been brilliant", "praise"),
        ("i want to go to college and get a job", "adulthood"),
        ("the links on the local offer website dont work", "information"),
        ("no holiday clubs will take my son", "short_breaks"),
        ("he has been excluded and is at home all day", "missing_school"),
        ("nobody ever rings me back or tells us anything", "listening"),
        ("the speech and language therapist left and was never replaced", "therapy"),
        ("teachers do not understand his dyslexia", "school_help"),
    ],
)
def test_clear_texts_get_their_theme_first(
    suggester: ThemeSuggester, text: str, theme: str
) -> None:
    (suggestions,) = suggester.suggest([text])
    assert suggestions and suggestions[0].theme_id == theme
    assert 0 < suggestions[0].score <= 1


def test_scores_are_best_first_and_at_most_two(suggester: ThemeSuggester) -> None:
    (suggestions,) = suggester.suggest(["The taxi to school is late and the SENCo ignores us"])
    assert 1 <= len(suggestions) <= 2
    assert [s.score for s in suggestions] == sorted((s.score for s in suggestions), reverse=True)


def test_text_with_no_theme_fits_none(book: ThemeBook) -> None:
    strict = ThemeSuggester(book, min_score=0.5)
    assert strict.suggest(["qwerty zxcv"]) == [[]]


def test_discovery_names_a_new_theme_from_shared_words() -> None:
    texts = [
        "Parking at the hospital costs too much for carers",
        "The hospital car park is always full on clinic days",
        "Blue badge parking spaces at the hospital are taken",
        "We missed the clinic because there was no parking",
        "Hospital parking charges add up for families",
        "I like the colour of the new leaflet",
        "The music was nice",
    ]
    found = discover_themes(texts, min_items=3)
    assert found, "a theme shared by five items is found"
    assert "parking" in found[0].name.lower()
    assert set(found[0].members) <= {0, 1, 2, 3, 4}
    assert len(found[0].members) >= 3


def test_too_few_items_find_nothing() -> None:
    assert discover_themes(["one", "two"]) == []


def test_scikit_learn_is_not_loaded_when_the_server_starts() -> None:
    code = (
        "import sys, bot.serve, bot.web.app, bot.web.staff_themes; print('sklearn' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_word_many_themes_use_counts_less_than_a_telling_one(book: ThemeBook) -> None:
    from bot.themes.suggest import keyword_weight

    assert keyword_weight("school", "school_help", book) < keyword_weight(
        "senco", "school_help", book
    )
    assert keyword_weight("ehc plan", "plans", book) > keyword_weight("plan", "plans", book)


def test_thanks_that_names_a_service_is_praise(suggester: ThemeSuggester) -> None:
    (suggestions,) = suggester.suggest(["Thank you to the school taxi driver, he is brilliant"])
    assert suggestions[0].theme_id == "praise"
    (complaint,) = suggester.suggest(["Thanks for nothing, the school taxi is late again"])
    assert complaint[0].theme_id != "praise"
