"""Quick polls: one question, 2-5 answers, for an audience; answers kept without who gave them.

- :mod:`bot.polls.desk`: the conversation side (an answer by button or typed, the offer after
  the routes from an in-memory snapshot of open polls).
- :mod:`bot.polls.alerts`: the Telegram alert's message (``render_poll``), for bot/alerts.
- :mod:`bot.polls.words`: the audience vocabulary and the bands an answer keeps.
"""
