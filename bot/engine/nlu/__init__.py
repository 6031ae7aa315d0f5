"""Understanding free text: ages, roles, places, interests, commands, questions and consent.

Rules, gazetteers, fuzzy matching and small trained models, built once at start-up from
`dialogues/nlu.yml` and `content/`. See :class:`bot.engine.nlu.understand.Understander`.
The safety check that runs first on every message is its own package, :mod:`bot.safety`.
"""
