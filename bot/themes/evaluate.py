"""How often the top suggested theme is the label, on a labelled set (JSON lines:
``{"text": ..., "theme": ...}``), overall and per theme."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bot.themes.suggest import ThemeSuggester


@dataclass(frozen=True, slots=True)
class Evaluation:
    total: int
    right: int
    per_theme: dict[str, tuple[int, int]] = field(default_factory=dict)  # label -> (right, of)
    confused: Counter[tuple[str, str]] = field(default_factory=Counter)  # (label, top) -> n

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 0.0

    def report(self) -> str:
        lines = [f"top theme = label: {self.right} of {self.total} ({self.accuracy:.1%})"]
        for theme_id, (right, of) in sorted(self.per_theme.items()):
            lines.append(f"  {theme_id:14} {right:3} of {of:3} ({right / of:.0%})")
        if self.confused:
            lines.append("most often confused (label -> suggested):")
            for (label, top), count in self.confused.most_common(8):
                lines.append(f"  {label} -> {top}: {count}")
        return "\n".join(lines)


def read_labelled(path: Path) -> list[tuple[str, str]]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            label = record.get("theme") or record.get("label")
            items.append((str(record["text"]), str(label)))
    return items


def evaluate(suggester: ThemeSuggester, items: list[tuple[str, str]]) -> Evaluation:
    found = suggester.suggest([text for text, _ in items], top=1)
    per_theme: dict[str, list[int]] = {}
    confused: Counter[tuple[str, str]] = Counter()
    right = 0
    for (_, label), suggestions in zip(items, found, strict=True):
        top = suggestions[0].theme_id if suggestions else "(none)"
        counts = per_theme.setdefault(label, [0, 0])
        counts[1] += 1
        if top == label:
            right += 1
            counts[0] += 1
        else:
            confused[(label, top)] += 1
    return Evaluation(
        total=len(items),
        right=right,
        per_theme={theme: (r, of) for theme, (r, of) in per_theme.items()},
        confused=confused,
    )
