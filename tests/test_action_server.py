"""`getinvolved actions`: rasa-sdk's own server, posted Rasa's real request payloads."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import closing
from pathlib import Path
from typing import Any

import aiohttp

from bot.dialogues import load_dialogues
from bot.settings import PROJECT_ROOT


def rasa_payload(
    action: str, slots: dict[str, Any], events: list[dict[str, Any]], text: str = ""
) -> dict[str, Any]:
    return {
        "next_action": action,
        "sender_id": "rasa-user",
        "version": "3.6.21",
        "domain": load_dialogues(PROJECT_ROOT / "dialogues").raw_domain,
        "tracker": {
            "sender_id": "rasa-user",
            "slots": slots,
            "latest_message": {
                "text": text,
                "intent": {"name": "inform", "confidence": 0.9},
                "entities": [],
            },
            "latest_event_time": time.time(),
            "followup_action": None,
            "paused": False,
            "events": [
                {"event": "action", "name": "action_listen"},
                {"event": "user", "text": text},
                *events,
            ],
            "latest_input_channel": "rest",
            "active_loop": {"name": "profile_form"},
            "latest_action_name": "action_listen",
        },
    }


def start_action_server(tmp_path: Path) -> tuple[subprocess.Popen[bytes], str]:
    """`getinvolved actions` on a free port, once it answers /health."""
    with closing(socket.socket()) as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}",
        "SECRET_KEY": "action-server-secret-" + "a" * 40,
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "actions", "--port", str(port)],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            urllib.request.urlopen(base + "/health", timeout=1)
            return process, base
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the action server did not start")


async def test_the_action_server_answers_rasa(tmp_path: Path) -> None:
    process, base = await asyncio.to_thread(start_action_server, tmp_path)
    try:
        async with aiohttp.ClientSession() as session:
            typed = rasa_payload(
                "validate_profile_form",
                {"requested_slot": "age"},
                [
                    {"event": "slot", "name": "age", "value": "fifteen"},
                    {"event": "slot", "name": "area", "value": "we live in horsam"},
                ],
                text="fifteen",
            )
            async with session.post(base + "/webhook", json=typed) as response:
                assert response.status == 200
                body = await response.json()
            slots = {e["name"]: e["value"] for e in body["events"] if e["event"] == "slot"}
            assert slots["age"] == 15 and slots["area"] == "west_sussex"

            # a parent who gives their child's age at "how old are you?" gives no age of their own
            for said, role, age in [
                ("9", "parent_carer", None),
                ("9", "young_person", 9),
                ("37", "parent_carer", 37),
                ("130", "other", None),
            ]:
                childs = rasa_payload(
                    "validate_profile_form",
                    {"requested_slot": "age", "role": role},
                    [{"event": "slot", "name": "age", "value": said}],
                    text=said,
                )
                async with session.post(base + "/webhook", json=childs) as response:
                    body = await response.json()
                slots = {e["name"]: e["value"] for e in body["events"] if e["event"] == "slot"}
                assert slots["age"] == age, (said, role, slots)

            recommend = rasa_payload(
                "action_recommend_routes",
                {
                    "role": "young_person",
                    "age": 15.0,
                    "area": "west_sussex",
                    "interests": ["shaping_services"],
                },
                [],
            )
            async with session.post(base + "/webhook", json=recommend) as response:
                body = await response.json()
            routes = next(e["value"] for e in body["events"] if e.get("name") == "routes")
            assert "young-voices" in routes
            assert body["responses"][0]["response"] == "utter_routes_intro"
            titles = [(r.get("custom") or {}).get("title") for r in body["responses"]]
            assert "Young Voices" in titles, "a card's title travels in its custom part"

            async with session.post(
                base + "/webhook", json=rasa_payload("action_does_not_exist", {}, [])
            ) as response:
                assert response.status == 404
    finally:
        process.terminate()
        process.wait(30)
