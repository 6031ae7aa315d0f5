"""Train the safety model from ``bot/safety/data/`` and measure it.

The examples are labelled ``danger`` (with a kind), ``checkin`` or ``none``. The model learns
five labels: the three kinds of danger (``self``, ``abuse``, ``other``), ``checkin`` and
``none``; everyday messages from ``dialogues/nlu.yml`` are added as ``none``, so ordinary
answers ("15", "Crawley", "his school") stay ordinary.

Thresholds are chosen on out-of-fold predictions (five folds), never on the held-out sets:
the danger threshold keeps false alarms on ``none`` examples rare, and the check-in
threshold catches every danger example and nearly every check-in example the folds saw.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.content.loader import read_yaml
from bot.dialogues import Dialogues
from bot.engine.nlu.text import digits
from bot.errors import ContentError
from bot.safety.check import (
    DANGER_KINDS,
    MIN_WORDS,
    NO_CUE_CONCERN,
    SafetyCheck,
    model_path,
    safety_speller,
)
from bot.safety.normalise import has_cue, normalise_for_safety
from bot.safety.rules import is_crisis, is_warning, raises_the_bar
from bot.textmodel import LinearTextModel
from bot.textmodel.train import Example, cross_validate, data_hash, export, fit, write

C = 20.0  # inverse regularisation, chosen by out-of-fold recall at a fixed false-alarm rate

DATA_DIR = Path(__file__).parent / "data"
TEXTSPEAK = Path(__file__).parent / "textspeak.yml"
CUES = Path(__file__).parent / "cues.yml"
KINDS = {
    "suicide": "self",
    "plan": "self",
    "goodbye": "self",
    "self_harm": "self",
    "abuse_home": "abuse",
    "sexual_abuse": "abuse",
    "grooming": "abuse",
    "violence": "abuse",
    "exploitation": "abuse",
    "running_away": "abuse",
    "someone_else": "other",
    "medical": "other",  # an emergency now (the rules answer it with an ambulance)
}
MAX_ALARMS = 0.035  # share of "none" examples that may get the support lines, out of fold
RECALL_TOLERANCE = 0.002  # share of worrying examples, out of fold
MAX_HARD_ALARMS = 0.12  # the same, among figures of speech, dark humour and angry feedback
NO_CUE = 0.95  # with no word from the field of harm, the model must be this sure
HARD_KINDS = frozenset(["figure_of_speech", "frustration", "dark_humour"])


@dataclass(frozen=True, slots=True)
class Labelled:
    text: str
    label: str  # danger | checkin | none
    kind: str
    source: str

    @property
    def model_label(self) -> str:
        if self.label == "danger":
            return KINDS.get(self.kind, "self")
        return self.label


def read_examples(path: Path) -> list[Labelled]:
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("examples"), list):
        raise ContentError(str(path), "the file must have a list called 'examples'")
    found = []
    for number, item in enumerate(data["examples"], start=1):
        label = item.get("label")
        if label not in ("danger", "checkin", "none") or not item.get("text"):
            raise ContentError(str(path), f"example {number} needs a text and a label")
        found.append(Labelled(str(item["text"]), label, str(item.get("kind", "")), path.name))
    return found


def everyday(dialogues: Dialogues) -> list[Labelled]:
    """Ordinary messages: every intent example and synonym in dialogues/nlu.yml."""
    phrases: list[str] = []
    for values in (dialogues.intent_examples, dialogues.synonyms):
        for examples in values.values():
            phrases.extend(examples)
    return [Labelled(p, "none", "ordinary", "nlu.yml") for p in dict.fromkeys(phrases)]


def training_files() -> list[Path]:
    return sorted(DATA_DIR.glob("*.yml"))


def fingerprint(dialogues_dir: Path) -> str:
    parts = [path.read_bytes() for path in training_files()]
    parts.append(TEXTSPEAK.read_bytes())
    parts.append(CUES.read_bytes())
    parts.append((dialogues_dir / "nlu.yml").read_bytes())
    return data_hash(parts)


def vocabulary(examples: Iterable[Labelled]) -> list[str]:
    """Words the speller may correct towards: those seen twice or more in worrying examples."""
    counts: Counter[str] = Counter()
    for example in examples:
        if example.label != "none":
            counts.update(normalise_for_safety(example.text).split())
    return sorted(w for w, n in counts.items() if n >= 2 and len(w) >= 4 and w.isalpha())


@dataclass(frozen=True, slots=True)
class Scored:
    """One example's out-of-fold view: what the rules, the cues and the model said."""

    label: str
    kind: str
    rule: bool
    warning: bool
    figure: bool  # holds a known figure of speech
    judged: bool  # long enough for the model to judge
    cue: bool  # holds a word from the field of harm (bot/safety/cues.yml)
    p_danger: float
    p_concern: float


def decide(item: Scored, thresholds: dict[str, float]) -> str:
    """The same decision as :meth:`SafetyCheck.check`, on out-of-fold probabilities."""
    if item.rule:
        return "danger"
    if item.warning:
        if item.p_danger >= thresholds["warning_danger"]:
            return "danger"
        return "checkin" if item.p_concern >= thresholds["warning_concern"] else "none"
    if not item.judged:
        return "none"
    if not item.cue:
        danger_at, concern_at = thresholds["no_cue"], NO_CUE_CONCERN
    elif item.figure:
        danger_at = concern_at = thresholds["figure"]
    else:
        danger_at, concern_at = thresholds["danger"], thresholds["concern"]
    if item.p_danger >= danger_at:
        return "danger"
    if item.p_concern >= concern_at:
        return "checkin"
    return "none"


def choose_thresholds(scored: list[Scored]) -> dict[str, float]:
    """The thresholds that show the support lines for the most worrying examples while
    keeping false alarms on ordinary ones under MAX_ALARMS (and on the hard ones, figures
    of speech and angry feedback, under MAX_HARD_ALARMS)."""
    hard = [s for s in scored if s.label == "none" and s.kind in HARD_KINDS]
    ordinary = [s for s in scored if s.label == "none"]
    worrying = [s for s in scored if s.label != "none"]
    best: tuple[float, dict[str, float]] | None = None
    candidates: list[tuple[float, float, dict[str, float]]] = []
    # steps of 0.025, so a few more or fewer examples move a threshold a little, not by 0.05
    steps = [round(0.5 + 0.025 * i, 3) for i in range(13)]  # 0.5 to 0.8
    for danger in steps[2:]:
        for concern in steps[:9]:
            if concern > danger:
                continue
            for figure in (0.85, 0.9, 0.95):
                thresholds = {
                    "danger": danger,
                    "concern": concern,
                    "figure": figure,
                    "no_cue": NO_CUE,
                    "warning_danger": 0.35,
                    "warning_concern": 0.2,
                }
                alarms = sum(decide(s, thresholds) != "none" for s in ordinary) / len(ordinary)
                hard_alarms = sum(decide(s, thresholds) != "none" for s in hard) / max(1, len(hard))
                if alarms > MAX_ALARMS or hard_alarms > MAX_HARD_ALARMS:
                    continue
                shown = sum(decide(s, thresholds) != "none" for s in worrying) / len(worrying)
                candidates.append((shown, alarms, thresholds))
                if best is None or shown > best[0]:
                    best = (shown, thresholds)
    if best is None:
        strict = {
            "danger": 0.8,
            "concern": 0.7,
            "figure": 0.95,
            "no_cue": NO_CUE,
            "warning_danger": 0.35,
            "warning_concern": 0.2,
        }
        raise ContentError(
            "bot/safety/data",
            "no thresholds keep false alarms low enough: at the strictest, "
            f"{report(scored, strict)}, hard: {report(hard, strict)}",
        )
    # Among the thresholds that show the support lines to nearly as many (within
    # RECALL_TOLERANCE of the best), the one with the fewest false alarms: a few more "none"
    # examples then no longer pull the bar down a step, and blind sets showed no danger
    # message lost by it (README, "Understanding: how it is measured").
    near = [c for c in candidates if c[0] >= best[0] - RECALL_TOLERANCE]
    return min(near, key=lambda c: (c[1], -c[0]))[2]


def report(scored: list[Scored], thresholds: dict[str, float]) -> dict[str, int]:
    counts: Counter[str] = Counter(f"{s.label}->{decide(s, thresholds)}" for s in scored)
    return dict(sorted(counts.items()))


def train(dialogues: Dialogues, dialogues_dir: Path, *, out: Path | None = None) -> dict[str, Any]:
    """Train on every example, choose thresholds out of fold, write the model file."""
    examples: list[Labelled] = []
    for path in training_files():
        examples.extend(read_examples(path))
    examples.extend(everyday(dialogues))
    words = vocabulary(examples)
    speller = safety_speller(words)
    normaliser = SafetyCheck.__new__(SafetyCheck)
    normaliser._speller = speller  # noqa: SLF001 - the same normalising as at run time
    training = [Example(normaliser.normalise(e.text), e.model_label) for e in examples]
    out_of_fold = cross_validate(training, c=C)
    scored = [
        Scored(
            label=example.label,
            kind=example.kind,
            rule=is_crisis(digits(item.text)),
            warning=is_warning(digits(item.text)),
            figure=raises_the_bar(item.text),
            judged=len(item.text.split()) >= MIN_WORDS,
            cue=has_cue(item.text),
            p_danger=sum(p.get(k, 0.0) for k in DANGER_KINDS),
            p_concern=sum(p.get(k, 0.0) for k in DANGER_KINDS) + p.get("checkin", 0.0),
        )
        for example, item, p in zip(examples, training, out_of_fold, strict=True)
    ]
    thresholds = choose_thresholds(scored)
    pipeline = fit(training, c=C)
    no_cue = [
        e.text
        for e, s in zip(examples, scored, strict=True)
        if s.label != "none" and not has_cue(normaliser.normalise(e.text))
    ]
    info = {
        "thresholds": thresholds,
        "vocabulary": words,
        "examples": dict(sorted(Counter(e.label for e in training).items())),
        "out_of_fold": report(scored, thresholds),
        "worrying_without_a_cue": len(no_cue),
    }
    exported = export(pipeline, data_sha256=fingerprint(dialogues_dir), info=info)
    write(out or model_path(), exported)
    LinearTextModel(exported)  # the file loads
    return info
