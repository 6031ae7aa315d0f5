"""`getinvolved actions`: serve the actions in actions/ with rasa-sdk's own server (Sanic).

A Rasa Open Source server calls it at /webhook with its usual payload (next_action,
sender_id, tracker, domain, version); the same action classes run in-process in our engine.
"""

from __future__ import annotations

import logging
from typing import Any

from rasa_sdk.endpoint import create_app
from rasa_sdk.executor import ActionExecutor

from actions import ActionContext, build_actions
from bot.settings import Settings

logger = logging.getLogger(__name__)
DEFAULT_PORT = 5055


def create_action_app(settings: Settings) -> Any:
    """rasa-sdk's Sanic app, with our actions registered once the bot is built in its loop."""
    executor = ActionExecutor()
    app = create_app(executor, cors_origins=None)
    holder: dict[str, Any] = {}

    @app.before_server_start  # type: ignore[untyped-decorator]
    async def build(app: Any, loop: Any) -> None:
        from bot.app import create_bot

        bot = await create_bot(settings)
        holder["bot"] = bot
        context = ActionContext(
            content=bot.content,
            understander=bot.understander,
            forget=bot.forget,
            feedback=bot.feedback,
        )
        for action in build_actions(context):
            executor.register_action(action)
        logger.info("actions ready", extra={"count": len(executor.actions)})

    @app.after_server_stop  # type: ignore[untyped-decorator]
    async def close(app: Any, loop: Any) -> None:
        if "bot" in holder:
            await holder["bot"].close()

    return app


def run_action_server(settings: Settings, *, host: str, port: int) -> int:
    app = create_action_app(settings)
    print(f"Get Involved actions for Rasa on http://{host}:{port}/webhook", flush=True)
    app.run(host=host, port=port, single_process=True, access_log=False, motd=False)
    return 0
