"""`getinvolved themes suggest` and `getinvolved themes evaluate FILE`."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import Any

from bot.settings import Settings


def add_themes_parser(commands: Any) -> None:
    themes = commands.add_parser("themes", help="themes of the feedback (see README)")
    themes_commands = themes.add_subparsers(dest="themes_command", required=True)
    themes_commands.add_parser("suggest", help="suggest themes for feedback not looked at yet")
    evaluate = themes_commands.add_parser(
        "evaluate", help="how often the top theme is the label, on a JSON lines file"
    )
    evaluate.add_argument("file", type=Path)


def run_themes(settings: Settings, args: argparse.Namespace) -> int:
    from bot.themes.suggest import ThemeSuggester
    from bot.themes.vocabulary import load_themes

    suggester = ThemeSuggester(load_themes(settings.content_dir))
    if args.themes_command == "evaluate":
        from bot.themes.evaluate import evaluate, read_labelled

        print(evaluate(suggester, read_labelled(args.file)).report())
        return 0
    done = asyncio.run(_suggest(settings, suggester))
    print(f"Suggested themes for {done} pieces of feedback.")
    return 0


async def _suggest(settings: Settings, suggester: Any) -> int:
    from bot.app import create_bot
    from bot.themes.batch import suggest_pending

    bot = await create_bot(settings)
    try:
        return await suggest_pending(bot.sessions, suggester)
    finally:
        await bot.close()
