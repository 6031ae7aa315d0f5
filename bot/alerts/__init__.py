"""Opt-in alerts: people who asked are told about new chances that fit them (issue 15).

- :mod:`bot.alerts.queue`: ``queue_alerts`` (one alert per matching subscription, once);
- :mod:`bot.alerts.render`: what an alert says, by kind (``RENDERERS``);
- :mod:`bot.alerts.timing`: quiet hours and the daily cap, in UK time;
- :mod:`bot.alerts.sender`: the durable sender (Telegram with PTB's rate limiter, email
  through the outbox);
- :mod:`bot.alerts.signup`: asking, consent, stop, in the conversation;
- :mod:`bot.alerts.web`: the unsubscribe page an email links to.
"""

from bot.alerts.queue import queue_alerts

__all__ = ["queue_alerts"]
