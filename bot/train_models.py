"""`getinvolved nlu train`: train the small models from their data, and check that the
weight files in the package were made from the data as it is now.

- the safety model (``bot/safety/model.json``) from ``bot/safety/data/`` (see
  :mod:`bot.safety.train`);
- the intent model (``bot/engine/nlu/intents.json``) from ``dialogues/nlu.yml`` and
  ``bot/engine/nlu/data/`` (see :mod:`bot.engine.nlu.intent_model`);
- the topic model (``bot/engine/nlu/topics.json``) from ``bot/engine/nlu/data/topics.yml``
  (see :mod:`bot.engine.nlu.topic_model`);
- the feedback-statement model (``bot/engine/nlu/statements.json``) from the same data
  (see :mod:`bot.engine.nlu.statement_model`).

Training needs scikit-learn (a development dependency: ``pip install -e '.[dev]'``).
"""

from __future__ import annotations

import time
import warnings
from pathlib import Path

from bot.dialogues import load_dialogues
from bot.engine.nlu import intent_model, statement_model, topic_model
from bot.safety import train as safety_train
from bot.safety.check import model_path as safety_model_path
from bot.settings import Settings
from bot.textmodel import LinearTextModel, ModelFileError


def stale_models(dialogues_dir: Path) -> list[str]:
    """The model files that were not made from the training data as it is now."""
    stale = []
    checks = (
        (safety_model_path(), safety_train.fingerprint(dialogues_dir)),
        (intent_model.model_path(), intent_model.fingerprint(dialogues_dir)),
        (topic_model.model_path(), topic_model.fingerprint(dialogues_dir)),
        (statement_model.model_path(), statement_model.fingerprint(dialogues_dir)),
    )
    for path, fingerprint in checks:
        try:
            model = LinearTextModel.load(path)
        except ModelFileError:
            stale.append(str(path))
            continue
        if model.data_sha256 != fingerprint:
            stale.append(str(path))
    return stale


def run_train(settings: Settings) -> int:
    dialogues = load_dialogues(settings.dialogues_dir)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scikit-learn's notes on convergence and dtypes
        started = time.perf_counter()
        info = safety_train.train(dialogues, settings.dialogues_dir)
        print(f"safety model: {info['examples']} examples in {time.perf_counter() - started:.0f} s")
        print(f"  thresholds: {info['thresholds']}")
        print(f"  out of fold (label->decision): {info['out_of_fold']}")
        print(f"  worrying examples with no word from cues.yml: {info['worrying_without_a_cue']}")
        started = time.perf_counter()
        info = intent_model.train(dialogues, settings.dialogues_dir)
        print(f"intent model: {info['examples']} examples in {time.perf_counter() - started:.0f} s")
        print(f"  out-of-fold accuracy: {info['out_of_fold_accuracy']:.1%}")
        started = time.perf_counter()
        info = topic_model.train(dialogues, settings.dialogues_dir)
        print(f"topic model: {info['examples']} examples in {time.perf_counter() - started:.0f} s")
        print(f"  out-of-fold accuracy: {info['out_of_fold_accuracy']:.1%}")
        started = time.perf_counter()
        info = statement_model.train(dialogues, settings.dialogues_dir)
        took = time.perf_counter() - started
        print(f"feedback-statement model: {info['examples']} examples in {took:.0f} s")
        print(
            f"  out of fold at threshold {info['threshold']}: feedback caught "
            f"{info['out_of_fold_feedback_caught']:.1%}, "
            f"other messages taken for feedback {info['out_of_fold_false_starts']:.1%}"
        )
    return 0
