"""Predicting with a linear model (TF-IDF features, multinomial logistic regression) in plain
Python, from the weights that :mod:`bot.textmodel.train` wrote.

The arithmetic is scikit-learn's: each feature's value is ``(1 + log count) * idf``, the
vector is scaled to length 1, and each label's score is the dot product with its weights
plus its intercept; a softmax turns scores into probabilities. A test checks that the two
agree to many decimal places.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.textmodel.features import FEATURES_VERSION, features


class ModelFileError(Exception):
    """A model file is missing, unreadable or made for other features."""


@dataclass(frozen=True, slots=True)
class Prediction:
    label: str
    probabilities: dict[str, float]

    def __getitem__(self, label: str) -> float:
        return self.probabilities.get(label, 0.0)


class LinearTextModel:
    """Labels, intercepts and, for each known feature, its idf and one weight per label."""

    def __init__(self, data: dict[str, Any]):
        if data.get("features_version") != FEATURES_VERSION:
            raise ModelFileError("the model was trained with other features: train it again")
        self.labels: tuple[str, ...] = tuple(data["labels"])
        self.intercepts: tuple[float, ...] = tuple(data["intercepts"])
        weights: dict[str, list[float]] = data["weights"]
        self.idf: dict[str, float] = {feature: values[0] for feature, values in weights.items()}
        self._idf_squared = {feature: idf * idf for feature, idf in self.idf.items()}
        # per feature, its weight for each label already multiplied by its idf: a message's
        # scores are then column sums over the rows of its features (done in C by zip and sum)
        self.rows: dict[str, tuple[float, ...]] = {
            feature: tuple(values[0] * w for w in values[1:]) for feature, values in weights.items()
        }
        self.data_sha256: str = str(data.get("data_sha256", ""))
        self.info: dict[str, Any] = dict(data.get("info") or {})

    @classmethod
    def load(cls, path: Path) -> LinearTextModel:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError as error:
            raise ModelFileError(f"{path}: the model file is missing: train it") from error
        except (OSError, ValueError) as error:
            raise ModelFileError(f"{path}: the model file cannot be read ({error})") from error
        return cls(data)

    def scores(self, normalised: str) -> list[float]:
        """Each label's score before the softmax."""
        counts = Counter(features(normalised))
        rows = self.rows
        present = [feature for feature in counts if feature in rows]
        if not present:
            return list(self.intercepts)
        norm = sum(map(self._idf_squared.__getitem__, present))
        table = [rows[feature] for feature in present]
        repeated = [feature for feature in present if counts[feature] > 1]
        if repeated:  # a feature seen c times counts (1 + log c) times
            for feature in repeated:
                factor = 1.0 + math.log(counts[feature])
                norm += (factor * factor - 1.0) * self._idf_squared[feature]
                table.append(tuple((factor - 1.0) * w for w in rows[feature]))
        scale = 1.0 / math.sqrt(norm)
        return [
            total * scale + bias
            for total, bias in zip(map(sum, zip(*table, strict=True)), self.intercepts, strict=True)
        ]

    def predict(self, normalised: str) -> Prediction:
        scores = self.scores(normalised)
        top = max(scores)
        exps = [math.exp(score - top) for score in scores]
        total = sum(exps)
        probabilities = {
            label: value / total for label, value in zip(self.labels, exps, strict=True)
        }
        best = max(probabilities, key=probabilities.__getitem__)
        return Prediction(best, probabilities)
