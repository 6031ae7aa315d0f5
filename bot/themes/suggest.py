"""Suggest the themes of a piece of feedback from its (already redacted) text.

Two signals, blended:

- a linear classifier (logistic regression) over TF-IDF word 1–2-grams and character 3–5-grams,
  trained on the examples and keywords in ``content/themes.yml`` — it copes with typos and
  wording the keywords miss;
- keyword matches: each keyword (a word or phrase, matched as whole words) found in the text is
  a vote for its theme — it keeps short, clear texts ("the school taxi was late") right.

Each text gets its top theme, and a second when it scores nearly as high; a text whose top
score is below ``min_score`` fits no theme (those go to :mod:`bot.themes.discover`).
scikit-learn is imported when the model is first fitted, never at import time.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from bot.themes.vocabulary import ThemeBook

MIN_SCORE = 0.12
SECOND_SHARE = 0.6  # a second theme is shown when it scores at least this share of the first
KEYWORD_WEIGHT = 0.4  # how much keyword matches count against the classifier, when any match
PRAISE_BOOST = 0.3  # thanks with no complaint in it is mostly praise, whatever service it names
PRAISE = "praise"
COMPLAINT_WORDS = frozenset({
    "not", "no", "never", "nobody", "nothing", "but", "cant", "couldnt", "wont", "dont", "didnt",
    "isnt", "wasnt", "without", "too", "worse", "worst", "still", "however", "although",
    "problem", "difficult", "hard", "struggle", "struggling", "waiting", "wait", "late", "refused",
})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Suggestion:
    theme_id: str
    score: float  # 0 to 1


def words_of(text: str) -> str:
    """Lower case, with everything that is not a letter or digit turned into one space."""
    return " " + re.sub(r"[^a-z0-9]+", " ", text.lower()).strip() + " "


def _complains(text: str) -> bool:
    """A complaint word is in the text ("can't" read as "cant")."""
    return any(word in COMPLAINT_WORDS for word in words_of(re.sub("['’]", "", text)).split())


def keyword_weight(keyword: str, theme_id: str, book: ThemeBook) -> float:
    """How telling a keyword is: a phrase more than a single word, and a word that other
    themes' examples use too ("school", "wait") much less than one only its theme uses."""
    phrase = words_of(keyword)
    elsewhere = sum(
        1
        for theme in book.themes
        if theme.id != theme_id and any(phrase in words_of(example) for example in theme.examples)
    )
    return (1.0 + 0.5 * (len(keyword.split()) - 1)) / (1.0 + elsewhere)


class ThemeSuggester:
    """Fitted once, on first use (about a second), then quick: safe to share between tasks."""

    def __init__(self, book: ThemeBook, *, min_score: float = MIN_SCORE) -> None:
        self.book = book
        self.min_score = min_score
        self._model: Any = None
        self._classes: list[str] = []
        self._lock = threading.Lock()
        self._keywords = {
            theme.id: [
                (words_of(keyword), keyword_weight(keyword, theme.id, book))
                for keyword in theme.keywords
            ]
            for theme in book.themes
        }

    def _fit(self) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
        from sklearn.pipeline import make_pipeline, make_union

        texts: list[str] = []
        labels: list[str] = []
        for theme in self.book.themes:
            for example in theme.examples:
                texts.append(example)
                labels.append(theme.id)
            texts.append(" ".join(theme.keywords))
            labels.append(theme.id)
            texts.append(theme.description)
            labels.append(theme.id)
        features = make_union(
            TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, lowercase=True),
            TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True),
        )
        model = make_pipeline(features, LogisticRegression(C=10.0, max_iter=2000))
        model.fit(texts, labels)
        self._classes = [str(label) for label in model.classes_]
        self._model = model

    def fitted(self) -> ThemeSuggester:
        with self._lock:
            if self._model is None:
                self._fit()
        return self

    def keyword_votes(self, text: str) -> dict[str, float]:
        """Each theme's keyword matches in ``text``, weighted by how telling each keyword is."""
        found = words_of(text)
        votes = {}
        for theme_id, keywords in self._keywords.items():
            weight = sum(weight for keyword, weight in keywords if keyword in found)
            if weight:
                votes[theme_id] = weight
        return votes

    def scores(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Every theme's score for each text, 0 to 1."""
        if not texts:
            return []
        self.fitted()
        probabilities = self._model.predict_proba(list(texts))
        results = []
        for text, row in zip(texts, probabilities, strict=True):
            scores = {theme_id: float(p) for theme_id, p in zip(self._classes, row, strict=True)}
            votes = self.keyword_votes(text)
            if PRAISE in votes and PRAISE in scores and not _complains(text):
                scores[PRAISE] += PRAISE_BOOST
            if votes:
                total = sum(votes.values())
                for theme_id in scores:
                    share = votes.get(theme_id, 0) / total
                    scores[theme_id] = (1 - KEYWORD_WEIGHT) * scores[
                        theme_id
                    ] + KEYWORD_WEIGHT * share
            results.append(scores)
        return results

    def suggest(self, texts: Sequence[str], *, top: int = 2) -> list[list[Suggestion]]:
        """The top theme for each text (and a close second), best first; [] when none fits."""
        suggestions: list[list[Suggestion]] = []
        for scores in self.scores(texts):
            ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
            best = ranked[0][1]
            if best < self.min_score:
                suggestions.append([])
                continue
            chosen = [
                Suggestion(theme_id, round(min(score, 1.0), 3))
                for theme_id, score in ranked[:top]
                if score >= self.min_score and score >= SECOND_SHARE * best
            ]
            suggestions.append(chosen)
        return suggestions
