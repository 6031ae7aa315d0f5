"""The Bot API stand-in now lives in the package (bot/alerts/standin.py) so the alerts
benchmark can use it; the tests import it from here as before."""

from bot.alerts.standin import BOT_USER, BotApiStandIn, Sent, bot_api_standin

__all__ = ["BOT_USER", "BotApiStandIn", "Sent", "bot_api_standin"]
