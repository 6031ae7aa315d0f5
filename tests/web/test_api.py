"""The JSON API against its OpenAPI document: the document is valid, and real answers (start,
message, resume, errors, rate limit, delete) match its schemas."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
from openapi_spec_validator import validate

from bot.app import create_bot
from bot.web.api import load_openapi
from tests.conftest import create_settings
from tests.web.staff_helpers import web_client


def check(document: dict[str, Any], schema_name: str, body: Any) -> None:
    """Validate ``body`` against a component schema, resolving references in the document."""
    schema = {"$ref": f"#/components/schemas/{schema_name}", "components": document["components"]}
    jsonschema.validate(body, schema, cls=jsonschema.Draft202012Validator)


def test_the_openapi_document_is_valid() -> None:
    validate(load_openapi())


async def test_answers_match_the_document(tmp_path: Path) -> None:
    document = load_openapi()
    bot = await create_bot(
        create_settings(tmp_path, rate_limit_burst=6, rate_limit_per_second=0.01)
    )
    async with web_client(bot) as client:
        served = await (await client.get("/api/v1/openapi.json")).json()
        assert served == document
        started = await client.post("/api/v1/sessions")
        assert started.status == 201
        turn = await started.json()
        check(document, "Turn", turn)
        session = turn["session"]
        url = f"/api/v1/sessions/{session}/messages"
        answered = await client.post(url, json={"text": "I'm a mum in Lewes, his EHCP"})
        check(document, "Turn", await answered.json())
        pressed = await client.post(url, json={"payload": "/more"})
        check(document, "Turn", await pressed.json())
        resumed = await client.get(f"/api/v1/sessions/{session}")
        check(document, "Turn", await resumed.json())

        bad = await client.post(url, data=b"not json", headers={"Content-Type": "application/json"})
        assert bad.status == 400
        check(document, "Error", await bad.json())
        missing = await client.post(url, json={"nothing": 1})
        assert missing.status == 400
        unknown = await client.get("/api/v1/sessions/short")
        assert unknown.status == 404
        huge = await client.post(url, json={"text": "x" * 20000})
        assert huge.status == 413

        statuses = [(await client.post(url, json={"text": "hi"})).status for _ in range(6)]
        assert 429 in statuses
        limited = await client.post(url, json={"text": "hi"})
        body = await limited.json()
        check(document, "Error", body)
        assert body["retry_after"] > 0

        forgotten = await client.delete(f"/api/v1/sessions/{session}")
        check(document, "Turn", await forgotten.json())
    await bot.close()


async def test_long_messages_get_a_kind_answer_and_lose_nothing(tmp_path: Path) -> None:
    bot = await create_bot(create_settings(tmp_path))
    async with web_client(bot) as client:
        session = (await (await client.post("/api/v1/sessions")).json())["session"]
        url = f"/api/v1/sessions/{session}/messages"
        await client.post(url, json={"text": "I'm a dad in Hastings"})
        turn = await (await client.post(url, json={"text": "word " * 300})).json()
    await bot.close()
    assert "very long" in turn["replies"][0]["text"]
    assert turn["profile"]["area"] == "east_sussex"


async def test_cards_links_and_easy_read_through_the_api(tmp_path: Path) -> None:
    document = load_openapi()
    bot = await create_bot(create_settings(tmp_path))
    async with web_client(bot) as client:
        started = await client.post("/api/v1/sessions", json={"easy_read": True})
        assert started.status == 201
        turn = await started.json()
        check(document, "Turn", turn)
        assert turn["replies"][-1]["text"] == "Who are you? Tap a button."
        url = f"/api/v1/sessions/{turn['session']}/messages"
        asked = await (await client.post(url, json={"text": "I'm a mum in Lewes"})).json()
        assert asked["replies"][-1]["text"] == "How old are you? I mean you, not your child."
        assert [b["title"] for b in asked["replies"][-1]["buttons"]] == [
            "Over 25",
            "Rather not say",
        ]
        await client.post(url, json={"payload": "/skip"})
        routes = await (await client.post(url, json={"text": "health"})).json()
        check(document, "Turn", routes)
        card = next(reply for reply in routes["replies"] if reply["title"])
        assert card["links"] == [{"title": "Email the forum", "url": "mailto:info@espcf.org.uk"}]
        assert card["symbol"] == "family"
        assert routes["replies"][-1]["text"] == "What next?", "easy read is remembered"
        which = await (await client.post(url, json={"payload": "/more", "easy_read": False})).json()
        check(document, "Turn", which)
        assert which["replies"][-1]["text"].startswith("Which one would you like")
        bad = await client.post(url, json={"text": "hi", "easy_read": "yes"})
        assert bad.status == 400
        check(document, "Error", await bad.json())
        odd_start = await client.post("/api/v1/sessions", json={"colour": "blue"})
        assert odd_start.status == 400
        plain_start = await client.post("/api/v1/sessions")
        assert plain_start.status == 201
    await bot.close()
