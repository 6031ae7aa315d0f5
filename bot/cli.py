"""The `getinvolved` command (also `python -m bot`)."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import logging
import sys
from collections.abc import Coroutine, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from bot.errors import GetInvolvedError
from bot.resources import version
from bot.settings import Settings


class _ShowVersion(argparse.Action):
    """``--version``: read from the package metadata only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        print(f"getinvolved {version()}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="getinvolved",
        description="Get Involved: find the right way to have a say, in Sussex.",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="show debug logs")
    parser.add_argument("--version", action=_ShowVersion, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", required=True)

    commands.add_parser("chat", help="chat with the bot in this terminal")

    replay = commands.add_parser("replay", help="scripted conversations as JSON lines")
    replay.add_argument("file", nargs="?", help="JSON lines file (default: standard input)")

    commands.add_parser("telegram", help="Telegram by long polling (needs TELEGRAM_BOT_TOKEN)")
    action_server = commands.add_parser("actions", help="rasa-sdk action server for Rasa")
    action_server.add_argument("--host", default="127.0.0.1")
    action_server.add_argument("--port", type=int, default=5055)
    export = commands.add_parser("export-rasa", help="write a Rasa 3.x project to DIR")
    export.add_argument("directory", type=Path)
    export.add_argument(
        "--actions-url",
        default="http://127.0.0.1:5055/webhook",
        help="where Rasa finds `getinvolved actions`",
    )
    serve = commands.add_parser(
        "serve", help="web chat, JSON API, staff pages (and the Telegram webhook when set)"
    )
    serve.add_argument("--host", help="address to listen on (default: HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default: PORT or 8080)")
    serve.add_argument(
        "--workers",
        type=int,
        default=1,
        help="processes sharing the port (use PostgreSQL and REDIS_URL for >1)",
    )
    serve.add_argument("--reuse-port", action="store_true", help=argparse.SUPPRESS)

    content = commands.add_parser("content", help="work with content/ and dialogues/")
    content_commands = content.add_subparsers(dest="content_command", required=True)
    check = content_commands.add_parser("check", help="check content and plain language")
    check.add_argument("--quiet", "-q", action="store_true", help="only print problems")
    words = content_commands.add_parser(
        "words", help="count the bot's words up to the first routes, for three people"
    )
    words.add_argument("--json", action="store_true", help="one JSON list instead of text")

    nlu = commands.add_parser("nlu", help="understanding of free text")
    nlu_commands = nlu.add_subparsers(dest="nlu_command", required=True)
    evaluate = nlu_commands.add_parser(
        "evaluate", help="slots, crisis recall and false alarms on held-out examples"
    )
    evaluate.add_argument(
        "file",
        nargs="*",
        type=Path,
        help="held-out YAML files (default: tests/nlu_eval/ and the blind crisis set)",
    )
    nlu_commands.add_parser("train", help="train the safety and intent models (needs dev tools)")
    evaluate.add_argument("--errors", action="store_true", help="list every wrong answer")

    staff = commands.add_parser("staff", help="staff accounts")
    staff_commands = staff.add_subparsers(dest="staff_command", required=True)
    add_user = staff_commands.add_parser("add-user", help="add a staff member")
    add_user.add_argument("email")
    add_user.add_argument("--name", required=True)
    add_user.add_argument("--team", action="append", default=[], help="team id (repeatable)")
    add_user.add_argument("--admin", action="store_true", help="can manage users and teams")
    add_user.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input instead of asking",
    )

    feedback = commands.add_parser("feedback", help="stored feedback")
    feedback_commands = feedback.add_subparsers(dest="feedback_command", required=True)
    export = feedback_commands.add_parser("export", help="write all feedback (for admins)")
    export.add_argument("--format", choices=("csv", "jsonl"), default="csv")

    commands.add_parser("purge", help="delete feedback older than RETENTION_DAYS")
    bench = commands.add_parser("bench", help="measure speed and size (see README)")
    bench.add_argument("--json", action="store_true", help="print JSON instead of a table")
    bench.add_argument("--conversations", type=int, default=100)
    bench.add_argument("--seconds", type=float, default=10.0, help="length of each API run")
    bench.add_argument("--turns", type=int, default=20000, help="in-process engine turns")
    bench.add_argument(
        "--rate",
        type=float,
        default=1000.0,
        help="messages a second offered in the paced API runs (0 skips them)",
    )
    bench.add_argument(
        "--postgres",
        default="postgresql://postgres@127.0.0.1:5432/postgres",
        help="admin URL to make a throwaway database ('' to skip)",
    )
    bench.add_argument(
        "--redis",
        default="redis://127.0.0.1:6379/15",
        help="Redis for the shared-state runs ('' to skip)",
    )
    bench.add_argument(
        "--inbox-items", type=int, default=100_000, help="inbox part's feedback (0 skips it)"
    )
    bench.add_argument(
        "--alerts",
        action="store_true",
        help="only the alerts benchmark (bot/bench_alerts.py): 10,000 subscribers, 3,000 alerts",
    )
    alerts = commands.add_parser("alerts", help="opt-in alerts")
    alerts_commands = alerts.add_subparsers(dest="alerts_command", required=True)
    alerts_commands.add_parser("send-due", help="send every alert that is due, once (for cron)")
    email = commands.add_parser("email", help="email from the outbox (needs SMTP_URL)")
    email_commands = email.add_subparsers(dest="email_command", required=True)
    email_commands.add_parser("send-due", help="queue due digests and send what is due, once")
    email_commands.add_parser("retry-failed", help="try again every email that gave up")
    from bot.themes.commands import add_themes_parser

    add_themes_parser(commands)
    db = commands.add_parser("db", help="the database")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="bring the schema up to date (also done at start)")
    return parser


def _run_fast(main: Coroutine[Any, Any, int]) -> int:
    """Servers run on uvloop (a faster event loop) where it is installed."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(main)
    return uvloop.run(main)


async def _migrate(settings: Settings) -> None:
    from bot.store.db import create_engine, upgrade_database

    engine = create_engine(settings.database_url)
    try:
        await upgrade_database(engine)
    finally:
        await engine.dispose()


async def _with_bot(settings: Settings, args: argparse.Namespace) -> int:
    from bot.app import create_bot

    bot = await create_bot(settings)
    try:
        return await _run(bot, args)
    finally:
        await bot.close()


async def _run(bot: object, args: argparse.Namespace) -> int:  # noqa: C901 - a plain dispatch
    from bot.app import GetInvolved

    assert isinstance(bot, GetInvolved)
    command = args.command
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
    if command == "telegram":
        from bot.channels.telegram import run_polling

        return await run_polling(bot)
    if command == "serve":
        from bot.serve import run_server

        return await run_server(bot, reuse_port=args.reuse_port)
    if command == "staff":
        return await _add_user(bot, args)
    if command == "feedback":
        return await _export(bot, args.format)
    if command == "purge":
        from bot.serve import clean_up

        purged, expired = await clean_up(bot)
        print(
            f"Deleted {purged} pieces of feedback older than {bot.settings.retention_days} "
            f"days and {expired} expired conversations."
        )
        return 0
    if command == "alerts":
        from bot.alerts.sender import send_due_once

        return await send_due_once(bot)
    if command == "email":
        from bot.notify.commands import run_email

        return await run_email(bot, args.email_command)
    if command == "db":
        print("The database is up to date.")
        return 0
    raise AssertionError(command)


async def _add_user(bot: object, args: argparse.Namespace) -> int:
    from bot.app import GetInvolved
    from bot.passwords import hash_password
    from bot.store import audit, staff

    assert isinstance(bot, GetInvolved)
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass("Password (at least 12 characters): ")
    try:
        password_hash = hash_password(password)
    except ValueError as error:
        print(f"getinvolved: {error}", file=sys.stderr)
        return 2
    async with bot.sessions.begin() as session:
        if await staff.find_user_by_email(session, args.email):
            print(f"getinvolved: there is already an account for {args.email}", file=sys.stderr)
            return 2
        try:
            user = await staff.create_user(
                session,
                email=args.email,
                name=args.name,
                password_hash=password_hash,
                team_ids=args.team,
                is_admin=args.admin,
            )
        except LookupError as error:
            known = ", ".join(sorted(bot.content.teams))
            print(f"getinvolved: {error}. Teams: {known}", file=sys.stderr)
            return 2
        await audit.record(session, "user_created", detail=f"user {user.id} (command line)")
    print(
        f"Added {args.email} to {', '.join(args.team) or 'no team'}"
        f"{' as an admin' if args.admin else ''}."
    )
    return 0


async def _export(bot: object, output_format: str) -> int:
    from bot.app import GetInvolved
    from bot.store import audit
    from bot.store.feedback import list_all_feedback
    from bot.web.staff import EXPORT_FIELDS, write_feedback_csv

    assert isinstance(bot, GetInvolved)
    async with bot.sessions.begin() as session:
        rows = await list_all_feedback(session)
        await audit.record(
            session, "export", detail=f"{len(rows)} rows, {output_format}, command line"
        )
    if output_format == "csv":
        write_feedback_csv(sys.stdout, rows)
    else:
        for row in rows:
            record = {name: getattr(row, name) for name in EXPORT_FIELDS}
            record["created_at"] = row.created_at.isoformat()
            record["topics"] = [t for t in row.topics.split(",") if t]
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: read settings once, then run the chosen command."""
    args = _parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    try:
        overrides = {}
        if getattr(args, "host", None) and args.command == "serve":
            overrides["host"] = args.host
        if getattr(args, "port", None) is not None and args.command == "serve":
            overrides["port"] = args.port
        settings = Settings(**overrides)
    except ValidationError as error:
        print(f"getinvolved: a setting is wrong: {error}", file=sys.stderr)
        return 2
    try:
        if args.command == "content" and args.content_command == "words":
            from bot.content.words import run_words

            return run_words(settings, as_json=args.json)
        if args.command == "content":
            from bot.content.check import run_check

            return run_check(settings, quiet=args.quiet)
        if args.command == "actions":
            from bot.action_server import run_action_server

            return run_action_server(settings, host=args.host, port=args.port)
        if args.command == "export-rasa":
            from bot.rasa_export import export_rasa

            written = export_rasa(settings, args.directory, actions_url=args.actions_url)
            print(f"Wrote a Rasa project to {args.directory}: {', '.join(written)}")
            return 0
        if args.command == "themes":
            from bot.themes.commands import run_themes

            return run_themes(settings, args)
        if args.command == "bench" and args.alerts:
            from bot.bench_alerts import run_bench_alerts

            return run_bench_alerts(as_json=args.json)
        if args.command == "bench":
            from bot.bench import run_bench

            return run_bench(
                as_json=args.json,
                conversations=args.conversations,
                seconds=args.seconds,
                turns=args.turns,
                per_second=args.rate or None,
                postgres_admin=args.postgres or None,
                redis_url=args.redis or None,
                inbox_items=args.inbox_items,
            )
        if args.command == "nlu" and args.nlu_command == "train":
            from bot.train_models import run_train

            return run_train(settings)
        if args.command == "nlu":
            from bot.nlu_evaluate import run_evaluate

            return run_evaluate(settings, args.file or None, show_errors=args.errors)
        if args.command in ("serve", "telegram"):
            from bot.observability import use_json_logs

            use_json_logs(logging.DEBUG if args.verbose else logging.INFO)
        if args.command == "serve" and args.workers > 1:
            from bot.serve import run_workers

            asyncio.run(_migrate(settings))
            forwarded = ["serve", "--host", settings.host, "--port", str(settings.port)]
            return run_workers(args.workers, forwarded)
        if args.command in ("serve", "telegram"):
            return _run_fast(_with_bot(settings, args))
        return asyncio.run(_with_bot(settings, args))
    except GetInvolvedError as error:
        print(f"getinvolved: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
