"""Themes: what people raise most in their feedback, suggested from the (redacted) text.

- :mod:`bot.themes.vocabulary` reads ``content/themes.yml`` (the themes, their keywords and
  examples, and which feedback the Local Offer report counts).
- :mod:`bot.themes.suggest` suggests the top theme(s) for each text with a score.
- :mod:`bot.themes.discover` finds new themes among items that fit none.
- :mod:`bot.themes.batch` suggests themes for stored feedback, outside the chat turn.
- :mod:`bot.themes.evaluate` measures the suggester on a labelled set.

scikit-learn is imported only when themes are computed, never when the server starts.
"""
