"""`getinvolved nlu evaluate`: per-slot accuracy of the understanding on held-out examples."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.app import build_understander
from bot.content import load_content
from bot.content.loader import read_yaml
from bot.dialogues import load_dialogues
from bot.engine.nlu import Understander, Understanding
from bot.errors import ContentError
from bot.settings import PROJECT_ROOT, Settings

DEFAULT_EXAMPLES = PROJECT_ROOT / "tests" / "nlu_eval" / "heldout.yml"
SLOTS = ("role", "age", "child_age", "area", "interests", "crisis")


@dataclass
class SlotScore:
    right: int = 0
    total: int = 0
    wrong: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0


def predicted(understood: Understanding, slot: str) -> Any:
    if slot == "interests":
        return sorted(understood.interests)
    value = getattr(understood, slot)
    if slot == "area" and understood.area_ambiguous:
        return None
    return value


def evaluate(understander: Understander, examples: list[dict[str, Any]]) -> dict[str, SlotScore]:
    """Score every expected slot of every example."""
    scores: dict[str, SlotScore] = defaultdict(SlotScore)
    for example in examples:
        understood = understander.understand(str(example["text"]), asking=example.get("asking"))
        for slot, expected in (example.get("expect") or {}).items():
            if slot not in SLOTS:
                continue
            want = sorted(expected) if slot == "interests" and expected is not None else expected
            if slot == "interests" and want is None:
                want = []
            got = predicted(understood, slot)
            score = scores[slot]
            score.total += 1
            if got == want:
                score.right += 1
            else:
                asked = example.get("asking")
                score.wrong.append(
                    f"{example['text']!r} (asking {asked}): got {got!r}, want {want!r}"
                )
    return scores


def load_examples(path: Path) -> list[dict[str, Any]]:
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("examples"), list):
        raise ContentError(str(path), "the file must have a list called 'examples'")
    return list(data["examples"])


def run_evaluate(settings: Settings, path: Path | None, *, show_errors: bool = False) -> int:
    content = load_content(settings.content_dir)
    dialogues = load_dialogues(settings.dialogues_dir)
    understander = build_understander(content, dialogues)
    examples = load_examples(path or DEFAULT_EXAMPLES)
    scores = evaluate(understander, examples)
    print(f"{len(examples)} held-out examples from {path or DEFAULT_EXAMPLES}")
    print(f"{'slot':<10} {'right':>6} {'total':>6} {'accuracy':>9}")
    right = total = 0
    for slot in SLOTS:
        if slot in scores:
            score = scores[slot]
            right += score.right
            total += score.total
            print(f"{slot:<10} {score.right:>6} {score.total:>6} {score.accuracy:>9.1%}")
    print(f"{'all':<10} {right:>6} {total:>6} {(right / total if total else 1):>9.1%}")
    if show_errors:
        for slot in SLOTS:
            for line in scores[slot].wrong if slot in scores else []:
                print(f"  {slot}: {line}")
    return 0
