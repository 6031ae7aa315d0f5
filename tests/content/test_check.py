"""`getinvolved content check` on the real content, and on broken copies of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.content import load_content
from bot.content.check import check
from bot.content.readability import assess
from bot.errors import ContentError
from bot.settings import PROJECT_ROOT
from tests.conftest import create_settings


@pytest.fixture
def editable(tmp_path: Path) -> Path:
    """A copy of content/ and dialogues/ that a test may break."""
    shutil.copytree(PROJECT_ROOT / "content", tmp_path / "content")
    shutil.copytree(PROJECT_ROOT / "dialogues", tmp_path / "dialogues")
    return tmp_path


def run(editable: Path) -> list[str]:
    settings = create_settings(
        editable, content_dir=editable / "content", dialogues_dir=editable / "dialogues"
    )
    return [str(f) for f in check(settings) if f.level == "error"]


def test_the_real_content_passes(tmp_path: Path) -> None:
    assert [str(f) for f in check(create_settings(tmp_path)) if f.level == "error"] == []


def test_every_minimum_route_exists() -> None:
    content = load_content(PROJECT_ROOT / "content")
    assert set(content.routes) == {
        "young-voices",
        "wspcf",
        "wspcf-professional",
        "espcf",
        "nhs-sussex",
        "school-parent",
        "school-young-person",
        "local-offer-feedback",
        "follow-updates",
        "my-plan",
        "find-local-forum",
    }


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_long_hard_sentence_fails(editable: Path) -> None:
    _replace(
        editable / "dialogues" / "domain.yml",
        "That is fine. We can skip that one.",
        "Notwithstanding organisational considerations, participation opportunities "
        "necessitate comprehensive consideration of multidisciplinary stakeholder perspectives "
        "throughout the strategic commissioning lifecycle, irrespective of any "
        "jurisdictional or administrative boundaries whatsoever.",
    )
    errors = run(editable)
    assert any("utter_skip_ok" in e and "words" in e for e in errors)
    assert any("utter_skip_ok" in e and "reading ease" in e for e in errors)
    assert any("utter_skip_ok" in e and "jargon" in e for e in errors)


def test_a_rule_naming_a_missing_route_names_file_entry_and_field(editable: Path) -> None:
    _replace(
        editable / "content" / "rules.yml",
        "offer: [find-local-forum]",
        "offer: [find-local-forums]",
    )
    with pytest.raises(ContentError) as caught:
        load_content(editable / "content")
    message = str(caught.value)
    assert "rules.yml" in message and "outside-sussex" in message and "'offer'" in message
    assert run(editable)


def test_a_missing_field_is_named(editable: Path) -> None:
    _replace(editable / "content" / "routes.yml", "    title: Young Voices\n", "")
    with pytest.raises(ContentError) as caught:
        load_content(editable / "content")
    assert "entry 'young-voices'" in str(caught.value) and "'title'" in str(caught.value)


def test_a_contact_not_in_the_sources_fails(editable: Path) -> None:
    _replace(
        editable / "content" / "routes.yml", "localoffer@westsussex.gov.uk", "madeup@example.org"
    )
    assert any("madeup@example.org" in e for e in run(editable))


def test_readability_rules() -> None:
    assert assess("You can join a group. It is free.").problems == []
    assert assess("SEND means special educational needs and disabilities.").jargon == ()
    assert assess("Tell us about SEND services.").jargon == ("SEND",)
    assert assess("Please send us a message.").jargon == ()
    assert assess("Email localoffer@westsussex.gov.uk to tell us.").problems == []
