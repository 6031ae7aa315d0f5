"""Is a message a piece of feedback, said straight out? ("CAMHS discharged my son without
telling us", "the new leaflet is really clear, well done"): a view about a service, a complaint
or a thank-you, typed with no "I want to give feedback" before it (journey 2).

Requests to give feedback are read by :mod:`bot.engine.nlu.requests`; this model is for the
statements that do not ask. It is a two-label linear model ("feedback" or "other") trained
on the project's own data: the feedback texts in ``data/topics.yml`` and the ``feedback``
examples in ``data/everyday.yml`` against introductions, answers to the profile questions,
ordinary messages, questions and small talk (``data/everyday.yml``, ``data/intents.yml``,
``dialogues/nlu.yml``). Its threshold is chosen out of fold so that at most 2% of the
"other" examples would start feedback. It runs from ``statements.json``.
"""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

from bot.content.loader import read_yaml
from bot.dialogues import Dialogues
from bot.engine.nlu.intent_model import EVERYDAY, MORE_INTENTS
from bot.engine.nlu.text import normalise
from bot.engine.nlu.topic_model import DATA as TOPICS
from bot.errors import ContentError
from bot.textmodel import LinearTextModel
from bot.textmodel.train import Example, cross_validate, data_hash, export, fit, write

MODEL_FILE = "statements.json"
FEEDBACK, OTHER = "feedback", "other"
MAX_FALSE_STARTS = 0.02  # of the "other" examples, out of fold


def model_path() -> Path:
    return Path(str(resources.files("bot.engine.nlu").joinpath(MODEL_FILE)))


def load_statement_model(path: Path | None = None) -> LinearTextModel:
    return LinearTextModel.load(path or model_path())


def threshold(model: LinearTextModel) -> float:
    return float(model.info.get("threshold", 0.5))


def fingerprint(dialogues_dir: Path) -> str:
    return data_hash(
        [
            (dialogues_dir / "nlu.yml").read_bytes(),
            EVERYDAY.read_bytes(),
            MORE_INTENTS.read_bytes(),
            TOPICS.read_bytes(),
        ]
    )


def _items(path: Path, key: str) -> list[dict[str, Any]]:
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise ContentError(str(path), f"the file must have a list called '{key}'")
    return [item for item in data[key] if isinstance(item, dict) and item.get("text")]


def training_examples(dialogues: Dialogues) -> list[Example]:
    feedback = [str(item["text"]) for item in _items(TOPICS, "examples")]
    other: list[str] = []
    for item in _items(EVERYDAY, "examples"):
        (feedback if item.get("kind") == "feedback" else other).append(str(item["text"]))
    intents = read_yaml(MORE_INTENTS)
    if isinstance(intents, dict):
        for phrases in (intents.get("intents") or {}).values():
            other.extend(str(p) for p in phrases)
        other.extend(str(p) for p in intents.get("inform") or [])
    for intent, phrases in dialogues.intent_examples.items():
        if intent != "feedback":  # "I want to complain": a request, read by requests.py
            other.extend(phrases)
    examples = [Example(normalise(t), FEEDBACK) for t in dict.fromkeys(feedback)]
    examples += [Example(normalise(t), OTHER) for t in dict.fromkeys(other)]
    return [e for e in examples if e.text]


def _choose_threshold(examples: list[Example], out_of_fold: list[dict[str, float]]) -> float:
    """The lowest bar at which at most MAX_FALSE_STARTS of the other examples pass it."""
    others = sorted(
        (p[FEEDBACK] for e, p in zip(examples, out_of_fold, strict=True) if e.label == OTHER),
        reverse=True,
    )
    allowed = int(len(others) * MAX_FALSE_STARTS)
    return max(0.5, round(others[allowed] + 0.005, 3)) if others else 0.5


def train(dialogues: Dialogues, dialogues_dir: Path, *, out: Path | None = None) -> dict[str, Any]:
    examples = training_examples(dialogues)
    out_of_fold = cross_validate(examples, c=10.0, balanced=True)
    bar = _choose_threshold(examples, out_of_fold)
    caught = [p[FEEDBACK] >= bar for e, p in zip(examples, out_of_fold, strict=True)]
    labels = [e.label for e in examples]
    pipeline = fit(examples, c=10.0, balanced=True)
    info = {
        "examples": dict(sorted(Counter(labels).items())),
        "threshold": bar,
        "out_of_fold_feedback_caught": round(
            sum(c for c, label in zip(caught, labels, strict=True) if label == FEEDBACK)
            / max(1, labels.count(FEEDBACK)),
            4,
        ),
        "out_of_fold_false_starts": round(
            sum(c for c, label in zip(caught, labels, strict=True) if label == OTHER)
            / max(1, labels.count(OTHER)),
            4,
        ),
    }
    exported = export(pipeline, data_sha256=fingerprint(dialogues_dir), info=info)
    write(out or model_path(), exported)
    LinearTextModel(exported)
    return info
