"""The safety check that runs first on every message, in every state of the conversation.

Two layers read the message after :func:`normalise_for_safety` has written out text-speak:

1. the precise rules (:mod:`bot.safety.rules`): wordings that always mean danger;
2. a linear model trained on a broad labelled set (``bot/safety/data/``), which catches
   wording nobody wrote a rule for, by what it is like rather than by phrase.

Three outcomes (journey 6 in the spec): ``danger`` (emergency contacts at once, nothing
stored), ``checkin`` (worrying but not clearly danger: "are you safe right now?" with the
support lines; the conversation carries on) and ``none``. For danger the model also says
what kind, so the answer can fit it: ``self`` (the person may hurt themselves), ``abuse``
(someone is hurting or grooming them) or ``other`` (someone else is in danger).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from bot.engine.nlu.lexicon import Speller
from bot.engine.nlu.text import digits
from bot.safety.normalise import CUES, has_cue, normalise_for_safety
from bot.safety.rules import (
    harm_in_the_past,
    is_crisis,
    is_crisis_in_other_language,
    is_fire,
    is_medical_emergency,
    is_warning,
    is_worry,
    mild_feeling,
    raises_the_bar,
    without_denied_crisis,
)
from bot.textmodel import LinearTextModel

DANGER_KINDS = ("self", "abuse", "other")
LEVELS = ("danger", "checkin", "none")
MODEL_FILE = "model.json"
MIN_WORDS = 3  # the model judges messages of at least this many words; shorter, rules only
# With no word from the field of harm, the model may still ask "are you safe?" when it is this
# sure ("a very tired mum barely holding it together"); danger then needs the no-cue bar.
NO_CUE_CONCERN = 0.8


@dataclass(frozen=True, slots=True)
class Verdict:
    level: str  # danger | checkin | none
    kind: str | None = None  # for danger: self | abuse | other
    source: str = "none"  # rule | model | none

    @property
    def danger(self) -> bool:
        return self.level == "danger"

    @property
    def shows_support(self) -> bool:
        """The support lines are shown (danger or check-in)."""
        return self.level != "none"


SAFE = Verdict("none")


@dataclass(frozen=True, slots=True)
class Thresholds:
    danger: float  # P(danger) at or above this is danger
    concern: float  # P(danger) + P(checkin) at or above this is a check-in
    figure: float  # with a known figure of speech, the model must be this sure
    no_cue: float = 0.95  # with no word from the field of harm (bot/safety/cues.yml), this sure
    warning_danger: float = 0.35  # after a weaker rule, P(danger) that makes it danger
    warning_concern: float = 0.2  # after a weaker rule, P(concern) that makes it a check-in


def model_path() -> Path:
    return Path(str(resources.files("bot.safety").joinpath(MODEL_FILE)))


def safety_speller(words: Iterable[str]) -> Speller:
    """The speller of the safety check: among equally close words, a word of harm."""
    return Speller(words, prefer=CUES.found_in)


class SafetyCheck:
    """Built once at start-up; :meth:`check` is cheap enough to run on every message."""

    def __init__(self, model: LinearTextModel, *, speller: Speller | None = None):
        self.model = model
        found = model.info.get("thresholds") or {}
        self.thresholds = Thresholds(
            danger=float(found.get("danger", 0.5)),
            concern=float(found.get("concern", 0.35)),
            figure=float(found.get("figure", 0.9)),
            no_cue=float(found.get("no_cue", 0.95)),
        )
        self._speller = speller or safety_speller(model.info.get("vocabulary") or [])

    @classmethod
    def load(cls, path: Path | None = None) -> SafetyCheck:
        return cls(LinearTextModel.load(path or model_path()))

    def normalise(self, text: str) -> str:
        """The message as the rules and the model read it (clause marks left out)."""
        plain = normalise_for_safety(text)
        words = [self._speller.correct(word) for word in plain.split() if word not in (",", ".")]
        return " ".join(words)

    def check(self, text: str) -> Verdict:
        """Rules first (a precise rule is always danger), then the model: sure enough of
        danger, it is danger; of concern, a check-in. A weaker rule lowers the bar; a figure
        of speech, or a message with no word of harm in it, raises it."""
        if is_crisis_in_other_language(text):
            return Verdict("danger", "self", "rule")
        normalised = self.normalise(text)
        if not normalised:
            return SAFE
        with_digits = digits(normalised)
        if is_fire(with_digits):
            return Verdict("danger", "fire", "rule")
        if is_medical_emergency(with_digits):
            return Verdict("danger", "medical", "rule")
        crisis, warning = is_crisis(with_digits), is_warning(with_digits)
        over = crisis and harm_in_the_past(with_digits)
        if over:
            crisis = False  # "he used to self harm but is doing well now": the model judges,
            # as sure as with a figure of speech
        denied = without_denied_crisis(with_digits) if crisis else None
        if denied is not None:
            # "I'm not suicidal, I just want the school to listen": the model judges the rest
            crisis, worry, normalised = False, False, denied
            warning = is_warning(denied)  # the denied word is no weaker rule either
        else:
            # "a bit down after parents evening, but it was fine": the model judges it
            worry = not crisis and is_worry(with_digits) and not mild_feeling(with_digits)
        if not (crisis or warning or worry) and len(normalised.split()) < MIN_WORDS:
            return SAFE  # one or two words: only the rules judge them
        prediction = self.model.predict(normalised)
        p_danger = sum(prediction[kind] for kind in DANGER_KINDS)
        p_concern = p_danger + prediction["checkin"]
        kind = max(DANGER_KINDS, key=prediction.__getitem__)
        if crisis:
            return Verdict("danger", kind, "rule")
        limits = self.thresholds
        if worry:  # always at least a check-in; danger when the model is sure of it
            if p_danger >= limits.danger:
                return Verdict("danger", kind, "model")
            return Verdict("checkin", None, "rule")
        if warning:
            if p_danger >= limits.warning_danger:
                return Verdict("danger", kind, "rule")
            if p_concern >= limits.warning_concern:
                return Verdict("checkin", None, "rule")
            return SAFE
        if not has_cue(normalised):
            danger_at, concern_at = limits.no_cue, NO_CUE_CONCERN
        elif over or raises_the_bar(normalised):
            danger_at = concern_at = limits.figure
        else:
            danger_at, concern_at = limits.danger, limits.concern
        if p_danger >= danger_at:
            return Verdict("danger", kind, "model")
        if p_concern >= concern_at:
            return Verdict("checkin", None, "model")
        return SAFE
