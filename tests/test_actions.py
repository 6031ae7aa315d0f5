"""The rasa-sdk actions, called through rasa-sdk's executor with Rasa's own request shape."""

from __future__ import annotations

from typing import Any

import rasa_sdk
from rasa_sdk.executor import ActionExecutor

from actions import ActionContext, build_actions
from bot.content import Content
from bot.dialogues import Dialogues
from bot.engine.nlu.understand import Understander


def create_executor(content: Content, understander: Understander) -> ActionExecutor:
    executor = ActionExecutor()
    for action in build_actions(ActionContext(content=content, understander=understander)):
        executor.register_action(action)
    return executor


def rasa_call(
    action: str,
    dialogues: Dialogues,
    *,
    slots: dict[str, Any] | None = None,
    candidates: dict[str, Any] | None = None,
    text: str = "",
) -> dict[str, Any]:
    """A request as Rasa Open Source 3.x sends it to an action server."""
    events: list[dict[str, Any]] = [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": text, "parse_data": {"intent": {"name": "inform"}}},
    ]
    events += [{"event": "slot", "name": k, "value": v} for k, v in (candidates or {}).items()]
    return {
        "next_action": action,
        "sender_id": "rasa-user",
        "version": "3.6.21",
        "domain": dialogues.raw_domain,
        "tracker": {
            "sender_id": "rasa-user",
            "slots": {**(slots or {}), **(candidates or {})},
            "latest_message": {"text": text, "intent": {"name": "inform"}, "entities": []},
            "events": events,
            "paused": False,
            "followup_action": None,
            "active_loop": {"name": "profile_form"},
            "latest_action_name": "action_listen",
        },
    }


async def test_form_validation_reads_typed_answers(
    content: Content, dialogues: Dialogues, understander: Understander
) -> None:
    executor = create_executor(content, understander)
    result = await executor.run(
        rasa_call(
            "validate_profile_form",
            dialogues,
            candidates={
                "age": "fifteen",
                "role": "her nan, I look after her",
                "area": "horsam",
                "interests": "the doctors and camhs",
            },
        )
    )
    assert result is not None
    slots = {e["name"]: e["value"] for e in result.events if e["event"] == "slot"}
    assert slots == {
        "age": 15,
        "role": "parent_carer",
        "area": "west_sussex",
        "interests": ["health"],
    }


async def test_form_validation_rejects_nonsense(
    content: Content, dialogues: Dialogues, understander: Understander
) -> None:
    executor = create_executor(content, understander)
    result = await executor.run(
        rasa_call("validate_profile_form", dialogues, candidates={"age": 500, "area": "Atlantis"})
    )
    assert result is not None
    slots = {e["name"]: e["value"] for e in result.events if e["event"] == "slot"}
    assert slots == {"age": None, "area": None}


async def test_recommend_routes(
    content: Content, dialogues: Dialogues, understander: Understander
) -> None:
    executor = create_executor(content, understander)
    result = await executor.run(
        rasa_call(
            "action_recommend_routes",
            dialogues,
            slots={"role": "parent_carer", "area": "east_sussex", "interests": ["my_plan"]},
        )
    )
    assert result is not None
    routes = next(e["value"] for e in result.events if e.get("name") == "routes")
    assert "espcf" in routes and "my-plan" in routes and "wspcf" not in routes
    assert result.responses[0]["response"] == "utter_routes_intro"
    cards = [r["custom"] for r in result.responses if (r.get("custom") or {}).get("title")]
    forum = next(card for card in cards if card["title"] == "East Sussex Parent Carer Forum")
    assert forum["links"] == [{"title": "Email the forum", "url": "mailto:info@espcf.org.uk"}]
    assert forum["symbol"] == "family"


async def test_more_about_one_route_as_rasa_sends_it(
    content: Content, dialogues: Dialogues, understander: Understander
) -> None:
    executor = create_executor(content, understander)
    call = rasa_call("action_more_about_routes", dialogues, slots={"routes": ["espcf", "my-plan"]})
    result = await executor.run(call)
    assert result is not None
    assert [r["response"] for r in result.responses] == ["utter_which_route"]
    assert [b["payload"] for b in result.responses[0]["buttons"]] == [
        '/more{"route": "espcf"}',
        '/more{"route": "my-plan"}',
    ]
    call["tracker"]["latest_message"]["entities"] = [{"entity": "route", "value": "my-plan"}]
    result = await executor.run(call)
    assert result is not None
    assert result.responses[0]["custom"]["title"] == "Have a say in your support plan"
    assert result.responses[-1]["response"] == "utter_what_next"


def test_action_names_match_the_domain(
    content: Content, dialogues: Dialogues, understander: Understander
) -> None:
    executor = create_executor(content, understander)
    names = {action.name for action in executor.list_actions()}
    assert names == set(dialogues.raw_domain["actions"])
    assert rasa_sdk.__version__.startswith("3.")
