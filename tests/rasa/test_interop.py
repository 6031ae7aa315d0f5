"""Against a real Rasa Open Source 3.6 (opt-in: `scripts/test-rasa`; not in the default run).

The project made by `getinvolved export-rasa` is trained with Rasa in a Python 3.10
environment; Rasa and `getinvolved actions` run on loopback; whole conversations go through
Rasa's REST channel; the routes offered must be the same as from our own engine.
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import aiohttp
import pytest

from bot.app import GetInvolved
from bot.rasa_export import prepare_trained_project, rasa_run_command
from bot.settings import PROJECT_ROOT, Settings

pytestmark = pytest.mark.rasa
RASA_VENV = Path(os.environ.get("RASA_VENV", PROJECT_ROOT / ".rasa-venv"))
CACHE = Path(os.environ.get("RASA_PROJECT_CACHE", PROJECT_ROOT / ".rasa-project"))
SECRET = "rasa-interop-secret-" + "r" * 40

CONVERSATIONS = [
    ["hi", "I'm a mum", "rather not say", "Crawley", "his school"],
    ["hello", "I'm the young person", "15", "Horsham", "meeting other young people"],
    ["hi", "I'm a dad", "41", "Lewes", "CAMHS and the doctors"],
    ["hi", "I work for the NHS", "Worthing", "being on a panel"],
    ["hello", "parent", "rather not say", "Croydon", "school"],
]


def _port() -> int:
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(url: str, within: float) -> None:
    import urllib.request

    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"{url} did not come up")


@pytest.fixture(scope="module")
def rasa_project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    rasa = RASA_VENV / "bin" / "rasa"
    assert rasa.exists(), "run scripts/test-rasa (it makes the Rasa 3.6 environment)"
    work = tmp_path_factory.mktemp("rasa")
    actions_port, rasa_port = _port(), _port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{work / 'actions.db'}", "SECRET_KEY": SECRET}
    project = CACHE
    prepare_trained_project(
        Settings(_env_file=None),  # type: ignore[call-arg]
        project,
        rasa=rasa,
        actions_url=f"http://127.0.0.1:{actions_port}/webhook",
    )
    actions = subprocess.Popen(
        [sys.executable, "-m", "bot", "actions", "--port", str(actions_port)],
        env=env,
        cwd=work,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    server = subprocess.Popen(
        rasa_run_command(rasa, rasa_port),
        cwd=project,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait(f"http://127.0.0.1:{actions_port}/health", 120)
        _wait(f"http://127.0.0.1:{rasa_port}/", 300)
        yield f"http://127.0.0.1:{rasa_port}", f"http://127.0.0.1:{actions_port}"
    finally:
        for process in (server, actions):
            process.terminate()
            process.wait(60)


async def rasa_conversation(base: str, messages: list[str]) -> list[str]:
    sender = uuid.uuid4().hex
    texts: list[str] = []
    async with aiohttp.ClientSession() as session:
        for message in messages:
            async with session.post(
                f"{base}/webhooks/rest/webhook", json={"sender": sender, "message": message}
            ) as response:
                assert response.status == 200
                for item in await response.json():
                    texts.append(item.get("text", ""))
                    # a route card's title comes in the message's custom part
                    title = (item.get("custom") or {}).get("title")
                    if title:
                        texts.append(str(title))
    return texts


@pytest.mark.parametrize("messages", CONVERSATIONS, ids=lambda m: " / ".join(m[1:]))
async def test_rasa_offers_the_same_routes_as_our_engine(
    rasa_project: tuple[str, str], bot: GetInvolved, messages: list[str]
) -> None:
    base, _ = rasa_project
    texts = await rasa_conversation(base, messages)
    titles = {route.title: route.id for route in bot.content.routes.values()}
    from_rasa = {titles[t.split("\n")[0]] for t in texts if t.split("\n")[0] in titles}

    result = None
    for message in messages:
        result = await bot.converse("ours", "-".join(messages), message)
    assert result is not None and result.state is not None
    assert from_rasa == set(result.state.routes), texts


async def test_action_server_answers_rasa_payloads(rasa_project: tuple[str, str]) -> None:
    _, actions = rasa_project
    payload = {
        "next_action": "action_recommend_routes",
        "sender_id": "x",
        "version": "3.6.21",
        "tracker": {
            "sender_id": "x",
            "slots": {"role": "parent_carer", "area": "east_sussex", "interests": ["my_plan"]},
            "latest_message": {},
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        },
        "domain": None,
    }
    from bot.dialogues import load_dialogues

    payload["domain"] = load_dialogues(PROJECT_ROOT / "dialogues").raw_domain
    async with (
        aiohttp.ClientSession() as session,
        session.post(f"{actions}/webhook", json=payload) as response,
    ):
        body = await response.json()
    routes = next(e["value"] for e in body["events"] if e.get("name") == "routes")
    assert "espcf" in routes and "my-plan" in routes
    await asyncio.sleep(0)
