"""Load ``dialogues/`` (Rasa-shaped domain, flows and NLU examples) into pydantic models."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from bot.content.loader import explain, read_yaml
from bot.content.models import LinkEntry, Symbol
from bot.errors import ContentError


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Button(_Model):
    title: str = Field(min_length=1)
    payload: str = Field(min_length=1)
    symbol: Symbol | None = None  # a picture shown beside it in easy read


class ResponseCondition(_Model):
    type: Literal["slot"] = "slot"
    name: str
    value: Any


class ResponseVariation(_Model):
    text: str = Field(min_length=1)
    buttons: list[Button] = Field(default_factory=list)
    links: list[LinkEntry] = Field(default_factory=list)  # ours: tel:, mailto:, https:
    condition: list[ResponseCondition] = Field(default_factory=list)

    def fits(self, slots: Mapping[str, Any]) -> bool:
        return all(slots.get(rule.name) == rule.value for rule in self.condition)

    @property
    def easy_read(self) -> bool:
        """An easy-read variant: shown when the ``easy_read`` slot is true."""
        return any(rule.name == "easy_read" and rule.value is True for rule in self.condition)


class Step(_Model):
    id: str
    collect: str | None = None
    utter: str | None = None
    action: str | None = None
    only_if: dict[str, list[str]] = Field(default_factory=dict)
    next: str | None = None
    description: str | None = None

    def applies(self, slots: Mapping[str, Any]) -> bool:
        for slot, allowed in self.only_if.items():
            value = slots.get(slot)
            if (value if value is not None else "unknown") not in allowed:
                return False
        return True


class Flow(_Model):
    description: str = ""
    steps: list[Step] = Field(min_length=1)


class Dialogues(_Model):
    """The conversation, declaratively."""

    responses: dict[str, list[ResponseVariation]]
    slots: dict[str, dict[str, Any]]
    flows: dict[str, Flow]
    intent_examples: dict[str, list[str]]
    synonyms: dict[str, list[str]]
    raw_domain: dict[str, Any]

    def response(self, name: str, slots: Mapping[str, Any]) -> ResponseVariation:
        """The first variation of ``name`` whose conditions fit ``slots``."""
        for variation in self.responses[name]:
            if variation.fits(slots):
                return variation
        return self.responses[name][-1]


def _examples(block: Any) -> list[str]:
    if not isinstance(block, str):
        return []
    lines = (line.strip() for line in block.splitlines())
    return [line[1:].strip() for line in lines if line.startswith("-") and line[1:].strip()]


def load_dialogues(directory: Path) -> Dialogues:
    """Read ``domain.yml``, ``flows.yml`` and ``nlu.yml`` from ``directory``."""
    domain_path, flows_path, nlu_path = (
        directory / name for name in ("domain.yml", "flows.yml", "nlu.yml")
    )
    domain = read_yaml(domain_path)
    if not isinstance(domain, dict) or not isinstance(domain.get("responses"), dict):
        raise ContentError(str(domain_path), "the file must have 'responses'")
    responses: dict[str, list[ResponseVariation]] = {}
    for name, variations in domain["responses"].items():
        if not isinstance(variations, list) or not variations:
            raise ContentError(str(domain_path), "a response needs at least one text", entry=name)
        try:
            responses[name] = [ResponseVariation.model_validate(v) for v in variations]
        except ValidationError as error:
            field, message = explain(error)
            raise ContentError(str(domain_path), message, entry=name, field=field) from error

    flows_data = read_yaml(flows_path)
    flows: dict[str, Flow] = {}
    for name, flow in (flows_data or {}).get("flows", {}).items():
        try:
            flows[name] = Flow.model_validate(flow)
        except ValidationError as error:
            field, message = explain(error)
            raise ContentError(str(flows_path), message, entry=name, field=field) from error
        for step in flows[name].steps:
            if step.utter and step.utter not in responses:
                raise ContentError(
                    str(flows_path),
                    f"there is no response '{step.utter}'",
                    entry=f"{name}/{step.id}",
                    field="utter",
                )

    nlu_data = read_yaml(nlu_path)
    intent_examples: dict[str, list[str]] = {}
    synonyms: dict[str, list[str]] = {}
    for number, item in enumerate((nlu_data or {}).get("nlu", []), start=1):
        if not isinstance(item, dict):
            raise ContentError(
                str(nlu_path), "each item must be an intent or synonym", entry=f"number {number}"
            )
        examples = _examples(item.get("examples"))
        if not examples:
            raise ContentError(
                str(nlu_path),
                "there are no examples",
                entry=str(item.get("intent") or item.get("synonym")),
                field="examples",
            )
        if "intent" in item:
            intent_examples.setdefault(str(item["intent"]), []).extend(examples)
        elif "synonym" in item:
            synonyms.setdefault(str(item["synonym"]), []).extend(examples)
    return Dialogues(
        responses=responses,
        slots=domain.get("slots", {}),
        flows=flows,
        intent_examples=intent_examples,
        synonyms=synonyms,
        raw_domain=domain,
    )
