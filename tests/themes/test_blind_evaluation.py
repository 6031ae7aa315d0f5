"""The blind labelled set runs through the evaluation and gives a figure. No threshold here:
the figures (first, blind run and after fixes) are in the README."""

from __future__ import annotations

from pathlib import Path

from bot.settings import Settings
from bot.themes.evaluate import evaluate, read_labelled
from bot.themes.suggest import ThemeSuggester
from bot.themes.vocabulary import load_themes

BLIND_SET = Path(__file__).parents[1] / "blind" / "themes" / "feedback.jsonl"


def test_the_blind_set_gives_a_figure() -> None:
    items = read_labelled(BLIND_SET)
    assert len(items) >= 200
    result = evaluate(ThemeSuggester(load_themes(Settings().content_dir)), items)
    assert result.total == len(items)
    assert 0.0 <= result.accuracy <= 1.0
    assert sum(of for _, of in result.per_theme.values()) == len(items)
    assert "top theme = label" in result.report()
