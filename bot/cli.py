"""The `getinvolved` command (also `python -m bot`)."""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from bot.errors import GetInvolvedError
from bot.settings import Settings


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="getinvolved",
        description="Get Involved: find the right way to have a say, in Sussex.",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="show debug logs")
    commands = parser.add_subparsers(dest="command", required=True)

    commands.add_parser("chat", help="chat with the bot in this terminal")

    replay = commands.add_parser("replay", help="scripted conversations as JSON lines")
    replay.add_argument("file", nargs="?", help="JSON lines file (default: standard input)")

    content = commands.add_parser("content", help="work with content/ and dialogues/")
    content_commands = content.add_subparsers(dest="content_command", required=True)
    check = content_commands.add_parser("check", help="check content and plain language")
    check.add_argument("--quiet", "-q", action="store_true", help="only print problems")

    nlu = commands.add_parser("nlu", help="understanding of free text")
    nlu_commands = nlu.add_subparsers(dest="nlu_command", required=True)
    evaluate = nlu_commands.add_parser("evaluate", help="per-slot accuracy on held-out examples")
    evaluate.add_argument(
        "file", nargs="?", type=Path, help="examples YAML (default: tests/nlu_eval/heldout.yml)"
    )
    evaluate.add_argument("--errors", action="store_true", help="list every wrong answer")
    return parser


async def _with_bot(settings: Settings, command: str, args: argparse.Namespace) -> int:
    from bot.app import create_bot

    bot = await create_bot(settings)
    try:
        if command == "chat":
            from bot.channels.terminal import run_chat

            return await run_chat(bot)
        if command == "replay":
            from bot.replay import run_replay

            if args.file:
                source = await asyncio.to_thread(open, args.file, encoding="utf-8")
                try:
                    return await run_replay(bot, source)
                finally:
                    source.close()
            return await run_replay(bot, sys.stdin)
    finally:
        await bot.close()
    raise AssertionError(command)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: read settings once, then run the chosen command."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        settings = Settings()
    except ValidationError as error:
        print(f"getinvolved: a setting is wrong: {error}", file=sys.stderr)
        return 2
    try:
        if args.command in ("chat", "replay"):
            return asyncio.run(_with_bot(settings, args.command, args))
        if args.command == "content":
            from bot.content.check import run_check

            return run_check(settings, quiet=args.quiet)
        if args.command == "nlu":
            from bot.nlu_evaluate import run_evaluate

            return run_evaluate(settings, args.file, show_errors=args.errors)
    except GetInvolvedError as error:
        print(f"getinvolved: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    raise AssertionError(args.command)
