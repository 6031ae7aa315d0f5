"""`getinvolved replay`: scripted conversations as JSON lines in, JSON lines out.

Each input line is ``{"conversation": id, "text": ...}`` or ``{"conversation": id,
"payload": ...}``, with ``"easy_read": true|false`` when easy read is switched on or off from
that line on (the conversation remembers it); each output line carries the replies (each with
its buttons, links, and a title and symbol when it is a route card), the profile, the routes
offered so far, the stored feedback id, the crisis flag and what the bot now waits for. Lines
are answered one at a time and flushed at once, so another program can hold a live
conversation.
"""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any, TextIO

from bot.app import GetInvolved
from bot.engine.engine import TurnResult

CHANNEL = "replay"


def turn_record(conversation: str, result: TurnResult) -> dict[str, Any]:
    """One output line of the replay contract."""
    state = result.state
    assert state is not None
    return {
        "conversation": conversation,
        "replies": [reply.as_dict() for reply in result.replies],
        "profile": state.profile(),
        "routes": list(state.routes),
        "feedback_id": state.feedback_id,
        "crisis": result.crisis,
        "asking": state.asking,
    }


def _error_record(conversation: str, message: str) -> dict[str, Any]:
    return {
        "conversation": conversation,
        "error": message,
        "replies": [],
        "profile": None,
        "routes": [],
        "feedback_id": None,
        "crisis": False,
        "asking": None,
    }


async def replay_line(bot: GetInvolved, line: str) -> dict[str, Any] | None:
    """Answer one input line; None for a blank line."""
    if not line.strip():
        return None
    try:
        item = json.loads(line)
    except json.JSONDecodeError:
        return _error_record("", "this line is not JSON")
    if not isinstance(item, dict) or "conversation" not in item:
        return _error_record("", "each line needs a 'conversation'")
    conversation = str(item["conversation"])
    text = item.get("payload") if item.get("payload") is not None else item.get("text")
    if not isinstance(text, str):
        return _error_record(conversation, "each line needs a 'text' or a 'payload'")
    easy_read = item.get("easy_read")
    if easy_read is not None and not isinstance(easy_read, bool):
        return _error_record(conversation, "'easy_read' must be true or false")
    result = await bot.converse(CHANNEL, conversation, text, easy_read=easy_read)
    return turn_record(conversation, result)


async def _read_lines(stream: TextIO) -> Any:
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, stream.readline)
        if not line:
            return
        yield line


async def run_replay(bot: GetInvolved, source: TextIO, sink: TextIO = sys.stdout) -> int:
    """Read ``source`` to the end, writing and flushing one JSON line per input line."""
    async for line in _read_lines(source):
        record = await replay_line(bot, line)
        if record is None:
            continue
        sink.write(json.dumps(record, ensure_ascii=False) + "\n")
        sink.flush()
    return 0
