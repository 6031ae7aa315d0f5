"""Fit a linear text model with scikit-learn and write its weights as JSON.

scikit-learn is a development dependency: it is needed to train, never to serve. Training is
deterministic (the liblinear-free ``lbfgs`` solver, no shuffling), so the same examples give
the same file.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sys
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.textmodel.features import FEATURES_VERSION, features

ROUND = 6  # decimal places kept for the intercepts


@dataclass(frozen=True, slots=True)
class Example:
    text: str  # already normalised
    label: str


def data_hash(parts: Sequence[bytes]) -> str:
    """The fingerprint of the training data (and the feature version) a model was made from."""
    digest = hashlib.sha256(f"features {FEATURES_VERSION}\n".encode())
    for part in parts:
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def _pipeline(c: float, min_df: int, balanced: bool = False) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    vectoriser = TfidfVectorizer(
        analyzer=features, sublinear_tf=True, min_df=min_df, lowercase=False
    )
    classifier = LogisticRegression(
        C=c, class_weight="balanced" if balanced else None, max_iter=5000
    )
    return make_pipeline(vectoriser, classifier)


def fit(
    examples: Sequence[Example], *, c: float = 10.0, min_df: int = 1, balanced: bool = False
) -> Any:
    """A fitted scikit-learn pipeline (vectoriser + logistic regression)."""
    pipeline = _pipeline(c, min_df, balanced)
    pipeline.fit([e.text for e in examples], [e.label for e in examples])
    return pipeline


def cross_validate(
    examples: Sequence[Example],
    *,
    folds: int = 5,
    c: float = 10.0,
    min_df: int = 1,
    balanced: bool = False,
    groups: Sequence[int] | None = None,
) -> list[dict[str, float]]:
    """Out-of-fold probabilities for every example, in order (for choosing thresholds)."""
    from sklearn.model_selection import GroupKFold, StratifiedKFold

    texts = [e.text for e in examples]
    labels = [e.label for e in examples]
    splitter: Any = (
        GroupKFold(n_splits=folds)
        if groups is not None
        else StratifiedKFold(n_splits=folds, shuffle=True, random_state=7)
    )
    out: list[dict[str, float]] = [{} for _ in examples]
    for train_index, test_index in splitter.split(texts, labels, groups):
        pipeline = _pipeline(c, min_df, balanced)
        pipeline.fit([texts[i] for i in train_index], [labels[i] for i in train_index])
        classes = list(pipeline.classes_)
        for index, row in zip(
            test_index, pipeline.predict_proba([texts[i] for i in test_index]), strict=True
        ):
            out[index] = {label: float(p) for label, p in zip(classes, row, strict=True)}
    return out


def export(pipeline: Any, *, data_sha256: str, info: dict[str, Any]) -> dict[str, Any]:
    """The weights file's content: labels, intercepts and per-feature idf and weights."""
    vectoriser, classifier = pipeline.steps[0][1], pipeline.steps[-1][1]
    labels = [str(label) for label in classifier.classes_]
    coef = classifier.coef_
    intercepts = [float(b) for b in classifier.intercept_]
    if len(labels) == 2:  # binary: sklearn keeps one row, for the second label
        coef = [[0.0] * coef.shape[1], list(coef[0])]
        intercepts = [0.0, intercepts[0]]
    names = sorted(vectoriser.vocabulary_, key=vectoriser.vocabulary_.__getitem__)
    matrix = array("f")
    for column, _ in enumerate(names):
        matrix.append(float(vectoriser.idf_[column]))
        matrix.extend(float(row[column]) for row in coef)
    if sys.byteorder != "little":
        matrix.byteswap()
    return {
        "features_version": FEATURES_VERSION,
        "labels": labels,
        "intercepts": [round(b, ROUND) for b in intercepts],
        "data_sha256": data_sha256,
        "info": info,
        # one feature a line; then, for each in turn, its idf and its weight for each label,
        # as little-endian 32-bit floats in base64 (a few MB of JSON numbers otherwise)
        "features": "\n".join(names),
        "matrix": base64.b64encode(matrix.tobytes()).decode("ascii"),
    }


def write(path: Path, exported: dict[str, Any]) -> None:
    path.write_text(
        json.dumps(exported, ensure_ascii=False, separators=(",", ":"), sort_keys=False) + "\n",
        encoding="utf-8",
    )
