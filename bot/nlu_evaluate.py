"""`getinvolved nlu evaluate`: how well the understanding does on examples it never trained on.

Two kinds of held-out file:

- slot examples (``examples:``, as in ``tests/nlu_eval/``): the text, what the bot was asking,
  and the expected role, age, child's age, area, interests and crisis flag;
- safety messages (``messages:``, as in ``tests/blind/r1/crisis.yml``): a message labelled
  ``danger``, ``checkin`` or ``none``.

It prints per-slot accuracy, the danger messages caught, the worrying messages given the
support lines, and the false alarms; then it compares them with the floor in
``tests/nlu_eval/minimums.yml`` and fails (exit 1) if any figure fell below it, so that a
change that makes understanding worse cannot land unnoticed.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.app import build_understander
from bot.content import load_content
from bot.content.loader import read_yaml
from bot.dialogues import load_dialogues
from bot.engine.nlu.understand import Understander, Understanding
from bot.errors import ContentError
from bot.settings import PROJECT_ROOT, Settings

HELD_OUT = PROJECT_ROOT / "tests" / "nlu_eval"
DEFAULT_FILES = (
    HELD_OUT / "heldout.yml",
    HELD_OUT / "unseen.yml",
    PROJECT_ROOT / "tests" / "blind" / "r1" / "crisis.yml",
)
MINIMUMS = HELD_OUT / "minimums.yml"
SLOTS = ("role", "age", "child_age", "area", "interests", "crisis")
SAFETY = ("danger caught", "worrying shown support", "no false alarm")


@dataclass
class Score:
    right: int = 0
    total: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0

    def add(self, ok: bool, note: str) -> None:
        self.total += 1
        if ok:
            self.right += 1
        else:
            self.wrong.append(note)


def predicted(understood: Understanding, slot: str) -> Any:
    if slot == "interests":
        return sorted(understood.interests)
    if slot == "crisis":
        return understood.safety.shows_support
    value = getattr(understood, slot)
    if slot == "area" and understood.area_ambiguous:
        return None
    return value


def evaluate(understander: Understander, examples: list[dict[str, Any]]) -> dict[str, Score]:
    """Score every expected slot of every slot example."""
    scores: dict[str, Score] = defaultdict(Score)
    for example in examples:
        understood = understander.understand(str(example["text"]), asking=example.get("asking"))
        for slot, expected in (example.get("expect") or {}).items():
            if slot not in SLOTS:
                continue
            want = sorted(expected) if slot == "interests" and expected is not None else expected
            if slot == "interests" and want is None:
                want = []
            got = predicted(understood, slot)
            asked = example.get("asking")
            scores[slot].add(
                got == want, f"{example['text']!r} (asking {asked}): got {got!r}, want {want!r}"
            )
    return scores


def evaluate_safety(understander: Understander, messages: list[dict[str, Any]]) -> dict[str, Score]:
    """Danger caught, worrying messages given the support lines, and false alarms."""
    scores: dict[str, Score] = defaultdict(Score)
    for message in messages:
        text = str(message["text"])
        verdict = understander.safety.check(text)
        label = message.get("label")
        note = f"{text!r}: {verdict.level}"
        if label == "danger":
            scores["danger caught"].add(verdict.danger, note)
            scores["worrying shown support"].add(verdict.shows_support, note)
        elif label == "checkin":
            scores["worrying shown support"].add(verdict.shows_support, note)
        elif label == "none":
            scores["no false alarm"].add(not verdict.shows_support, note)
    return scores


def load_file(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """(slot examples, safety messages) in one held-out file."""
    data = read_yaml(path)
    if isinstance(data, dict) and isinstance(data.get("examples"), list):
        return list(data["examples"]), []
    if isinstance(data, dict) and isinstance(data.get("messages"), list):
        return [], list(data["messages"])
    raise ContentError(str(path), "the file must have a list called 'examples' or 'messages'")


def load_examples(path: Path) -> list[dict[str, Any]]:
    return load_file(path)[0]


def read_minimums(path: Path = MINIMUMS) -> dict[str, float]:
    if not path.exists():
        return {}
    data = read_yaml(path) or {}
    return {str(name): float(value) for name, value in (data.get("minimums") or {}).items()}


def run_evaluate(
    settings: Settings, paths: list[Path] | None = None, *, show_errors: bool = False
) -> int:
    content = load_content(settings.content_dir)
    dialogues = load_dialogues(settings.dialogues_dir)
    understander = build_understander(content, dialogues)
    files = paths or [path for path in DEFAULT_FILES if path.exists()]
    slots: dict[str, Score] = defaultdict(Score)
    safety: dict[str, Score] = defaultdict(Score)
    for path in files:
        examples, messages = load_file(path)
        for name, score in evaluate(understander, examples).items():
            merged = slots[name]
            merged.right, merged.total = merged.right + score.right, merged.total + score.total
            merged.wrong += score.wrong
        for name, score in evaluate_safety(understander, messages).items():
            merged = safety[name]
            merged.right, merged.total = merged.right + score.right, merged.total + score.total
            merged.wrong += score.wrong
        shown = path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path
        print(f"held out: {shown}")
    print(f"{'what':<24} {'right':>6} {'total':>6} {'share':>7}")
    figures: dict[str, float] = {}
    right = total = 0
    for name in SLOTS:
        if name in slots:
            score = slots[name]
            right, total = right + score.right, total + score.total
            figures[name] = score.accuracy
            print(f"{name:<24} {score.right:>6} {score.total:>6} {score.accuracy:>7.1%}")
    if total:
        figures["all slots"] = right / total
        print(f"{'all slots':<24} {right:>6} {total:>6} {right / total:>7.1%}")
    for name in SAFETY:
        if name in safety:
            score = safety[name]
            figures[name] = score.accuracy
            print(f"{name:<24} {score.right:>6} {score.total:>6} {score.accuracy:>7.1%}")
    if show_errors:
        for name, scores in (*slots.items(), *safety.items()):
            for line in scores.wrong:
                print(f"  {name}: {line}")
    if paths:
        return 0  # a file of one's own: no floor to compare with
    below = [
        f"{name} is {figures[name]:.1%}, below its floor of {floor:.1%}"
        for name, floor in read_minimums().items()
        if name in figures and figures[name] + 1e-9 < floor
    ]
    for line in below:
        print(f"FAIL: {line} (tests/nlu_eval/minimums.yml)")
    return 1 if below else 0
