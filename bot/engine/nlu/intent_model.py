"""The intent model: which short request or question a message is, by meaning rather than by
exact phrase ("cheers mate, that helps" is thanks; "will my teacher see this?" asks who reads
it).

It is trained from the intent examples in ``dialogues/nlu.yml`` (the same examples a Rasa
project would use), with ordinary messages (``inform``) from the synonyms there and from
``bot/engine/nlu/data/everyday.yml``, and runs from ``intents.json`` through
:class:`bot.textmodel.LinearTextModel`. Exact commands ("start again", "delete my data") are
still matched by :class:`bot.engine.nlu.intents.IntentMatcher` first; the model is asked only
for the intents in :data:`MODEL_INTENTS`.
"""

from __future__ import annotations

from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

from bot.content.loader import read_yaml
from bot.dialogues import Dialogues
from bot.engine.nlu.text import normalise
from bot.errors import ContentError
from bot.textmodel import LinearTextModel
from bot.textmodel.train import Example, cross_validate, data_hash, export, fit, write

MODEL_FILE = "intents.json"
EVERYDAY = Path(__file__).parent / "data" / "everyday.yml"
MORE_INTENTS = Path(__file__).parent / "data" / "intents.yml"
INFORM = "inform"
# The intents the model may give; the others come from exact phrases only.
MODEL_INTENTS = frozenset(
    [
        "help",
        "thanks",
        "bye",
        "laugh",
        "human",
        "why",
        "ask_who_reads",
        "ask_what_happens",
        "ask_complain",
        "ask_delete",
    ]
)
THRESHOLD = 0.5
QUESTION_THRESHOLD = 0.3  # a message that looks like a question may be one of ours with less


def model_path() -> Path:
    return Path(str(resources.files("bot.engine.nlu").joinpath(MODEL_FILE)))


def load_intent_model(path: Path | None = None) -> LinearTextModel:
    return LinearTextModel.load(path or model_path())


def everyday_examples() -> list[str]:
    """Ordinary messages that are not requests: introductions, answers and feedback."""
    data = read_yaml(EVERYDAY)
    if not isinstance(data, dict) or not isinstance(data.get("examples"), list):
        raise ContentError(str(EVERYDAY), "the file must have a list called 'examples'")
    return [str(item["text"]) for item in data["examples"] if item.get("text")]


def more_examples() -> tuple[dict[str, list[str]], list[str]]:
    """More ways of saying the model's intents, and ordinary messages that look like them."""
    data = read_yaml(MORE_INTENTS)
    if not isinstance(data, dict) or not isinstance(data.get("intents"), dict):
        raise ContentError(str(MORE_INTENTS), "the file must have a mapping called 'intents'")
    intents = {str(k): [str(p) for p in v] for k, v in data["intents"].items()}
    return intents, [str(p) for p in data.get("inform") or []]


def fingerprint(dialogues_dir: Path) -> str:
    return data_hash(
        [
            (dialogues_dir / "nlu.yml").read_bytes(),
            EVERYDAY.read_bytes(),
            MORE_INTENTS.read_bytes(),
        ]
    )


def training_examples(dialogues: Dialogues) -> list[Example]:
    examples: list[Example] = []
    more, look_alikes = more_examples()
    for intent, phrases in dialogues.intent_examples.items():
        examples.extend(Example(normalise(p), intent) for p in phrases)
    for intent, phrases in more.items():
        examples.extend(Example(normalise(p), intent) for p in phrases)
    ordinary = [p for phrases in dialogues.synonyms.values() for p in phrases]
    ordinary += everyday_examples() + look_alikes
    examples.extend(Example(normalise(p), INFORM) for p in dict.fromkeys(ordinary))
    return [e for e in examples if e.text]


def train(dialogues: Dialogues, dialogues_dir: Path, *, out: Path | None = None) -> dict[str, Any]:
    examples = training_examples(dialogues)
    out_of_fold = cross_validate(examples, c=20.0, min_df=2, balanced=True)
    right = sum(
        1
        for example, p in zip(examples, out_of_fold, strict=True)
        if max(p, key=p.__getitem__) == example.label
    )
    pipeline = fit(examples, c=20.0, min_df=2, balanced=True)
    info = {
        "examples": dict(sorted(Counter(e.label for e in examples).items())),
        "out_of_fold_accuracy": round(right / len(examples), 4),
        "threshold": THRESHOLD,
    }
    exported = export(pipeline, data_sha256=fingerprint(dialogues_dir), info=info)
    write(out or model_path(), exported)
    LinearTextModel(exported)
    return info
