"""Get Involved: a chat bot that finds the right way for families in Sussex to have a say."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """``bot.__version__``, read from the package metadata when first asked for."""
    if name == "__version__":
        from bot.resources import version

        return version()
    raise AttributeError(f"module 'bot' has no attribute {name!r}")
