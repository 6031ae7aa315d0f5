"""Crisis and safeguarding: the check that runs first on every message.

- :mod:`bot.safety.normalise`: text-speak and repeated letters written out;
- :mod:`bot.safety.rules`: the precise rules (and the figures of speech they must not fire in);
- :mod:`bot.safety.check`: rules plus a trained model, giving danger, check-in or none;
- :mod:`bot.safety.train`: trains the model from ``bot/safety/data/`` (``getinvolved safety
  train``) and reports how it does on held-out messages (``getinvolved safety evaluate``).
"""

from bot.safety.check import SAFE, SafetyCheck, Verdict

__all__ = ["SAFE", "SafetyCheck", "Verdict"]
