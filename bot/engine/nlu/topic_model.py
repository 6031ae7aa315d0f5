"""What a piece of feedback is about, from its own words (journey 2): a bus to college is
the council's transport, not health, even when the person said earlier that they care about
health.

A linear model trained on feedback texts labelled with the six interests
(``bot/engine/nlu/data/topics.yml``) and the interest synonyms in ``dialogues/nlu.yml``,
run from ``topics.json``. When it is not sure (a vague text like "it's all rubbish"), it
says nothing, and the feedback service falls back to the words it knows, then to the
person's interests.
"""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

from bot.content.loader import read_yaml
from bot.dialogues import Dialogues
from bot.engine.nlu.interests import INTERESTS
from bot.engine.nlu.text import normalise
from bot.errors import ContentError
from bot.textmodel import LinearTextModel
from bot.textmodel.train import Example, cross_validate, data_hash, export, fit, write

MODEL_FILE = "topics.json"
DATA = Path(__file__).parent / "data" / "topics.yml"
SURE = 0.5  # the top topic's probability must reach this


def model_path() -> Path:
    return Path(str(resources.files("bot.engine.nlu").joinpath(MODEL_FILE)))


def load_topic_model(path: Path | None = None) -> LinearTextModel:
    return LinearTextModel.load(path or model_path())


def topic_of(model: LinearTextModel, text: str) -> str | None:
    """The topic the text is about, or None when the model is not sure."""
    prediction = model.predict(normalise(text))
    return prediction.label if prediction[prediction.label] >= SURE else None


def fingerprint(dialogues_dir: Path) -> str:
    return data_hash([(dialogues_dir / "nlu.yml").read_bytes(), DATA.read_bytes()])


def training_examples(dialogues: Dialogues) -> list[Example]:
    data = read_yaml(DATA)
    if not isinstance(data, dict) or not isinstance(data.get("examples"), list):
        raise ContentError(str(DATA), "the file must have a list called 'examples'")
    examples = [
        Example(normalise(str(item["text"])), str(item["topic"]))
        for item in data["examples"]
        if item.get("topic") in INTERESTS
    ]
    for interest in INTERESTS:
        examples.extend(
            Example(normalise(phrase), interest) for phrase in dialogues.synonyms.get(interest, [])
        )
    return [e for e in examples if e.text]


def train(dialogues: Dialogues, dialogues_dir: Path, *, out: Path | None = None) -> dict[str, Any]:
    examples = training_examples(dialogues)
    out_of_fold = cross_validate(examples, c=10.0)
    right = sum(
        1
        for example, p in zip(examples, out_of_fold, strict=True)
        if max(p, key=p.__getitem__) == example.label
    )
    pipeline = fit(examples, c=10.0)
    info = {
        "examples": dict(sorted(Counter(e.label for e in examples).items())),
        "out_of_fold_accuracy": round(right / len(examples), 4),
    }
    exported = export(pipeline, data_sha256=fingerprint(dialogues_dir), info=info)
    write(out or model_path(), exported)
    LinearTextModel(exported)
    return info
