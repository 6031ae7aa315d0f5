"""Small linear text classifiers: trained with scikit-learn (a development tool), run in
plain Python from a JSON file of weights, so that serving needs neither scikit-learn nor
NumPy and one prediction costs tens of microseconds.

- :mod:`bot.textmodel.features` turns normalised text into the features both sides use;
- :mod:`bot.textmodel.model` loads the weights and predicts;
- :mod:`bot.textmodel.train` fits the model with scikit-learn and writes the weights.
"""

from bot.textmodel.features import features
from bot.textmodel.model import LinearTextModel, ModelFileError

__all__ = ["LinearTextModel", "ModelFileError", "features"]
