"""Channels: adapters that turn terminal, web or Telegram input into messages for the engine."""
