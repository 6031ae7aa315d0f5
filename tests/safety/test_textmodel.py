"""The linear text model: the same answers as scikit-learn, from a JSON file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.dialogues import Dialogues
from bot.settings import Settings
from bot.textmodel import LinearTextModel, ModelFileError
from bot.textmodel.features import FEATURES_VERSION
from bot.textmodel.train import Example, export, fit
from bot.train_models import stale_models

EXAMPLES = [
    Example("i love the youth club", "happy"),
    Example("the club is great fun", "happy"),
    Example("we had a lovely time", "happy"),
    Example("the bus was late again", "cross"),
    Example("nobody answers the phone", "cross"),
    Example("the form is so confusing", "cross"),
    Example("what time does it start", "asking"),
    Example("where is the meeting", "asking"),
    Example("how do i join", "asking"),
]


def test_predictions_match_scikit_learn() -> None:
    pipeline = fit(EXAMPLES, c=5.0)
    model = LinearTextModel(export(pipeline, data_sha256="x", info={}))
    for text in ["the bus is great", "how late is the club", "nobody loves forms", "zzz"]:
        ours = model.predict(text).probabilities
        theirs = dict(zip(pipeline.classes_, pipeline.predict_proba([text])[0], strict=True))
        for label, value in theirs.items():
            assert ours[label] == pytest.approx(float(value), abs=1e-4)


def test_a_missing_or_foreign_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelFileError, match="missing"):
        LinearTextModel.load(tmp_path / "nope.json")
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"features_version": FEATURES_VERSION + 1}), encoding="utf-8")
    with pytest.raises(ModelFileError, match="train it again"):
        LinearTextModel.load(old)


def test_the_models_were_trained_on_the_data_as_it_is(dialogues: Dialogues) -> None:
    """Change the training data or nlu.yml, then run `getinvolved nlu train`."""
    assert stale_models(Settings(_env_file=None).dialogues_dir) == []  # type: ignore[call-arg]
