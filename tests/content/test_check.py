"""`getinvolved content check` on the real content, and on broken copies of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.content import load_content
from bot.content.check import check
from bot.content.links import link_problems
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
        "That is fine.",
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


@pytest.mark.parametrize(
    "url",
    [
        "mailto:info@espcf.org.uk",
        "tel:08001111",
        "tel:+441234567890",
        "https://www.westsussex.gov.uk/local-offer",
        "https://example.org/page?topic=send#top",
    ],
)
def test_good_links_have_no_problems(url: str) -> None:
    assert link_problems(url) == []


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://example.org/", "must start with https:, mailto: or tel:"),
        ("javascript:alert(1)", "must start with https:, mailto: or tel:"),
        ("www.example.org", "must start with https:, mailto: or tel:"),
        ("HTTPS://example.org/", "small letters"),
        ("https://example.org/a page", "space"),
        ("mailto: info@espcf.org.uk", "space"),
        ("mailto:info@espcf.org.uk,someone@example.org", "one email address"),
        ("mailto:info@espcf.org.uk?subject=hello", "one email address"),
        ("mailto:info", "one email address"),
        ("tel:0800 1111", "space"),
        ("tel:0800-1111", "digits only"),
        ("https://example.org/page?utm_source=bot", "tracking"),
        ("https://example.org/?fbclid=abc", "tracking"),
        ("https://example.org/?gclid=abc&x=1", "tracking"),
        ("https://example.org/?mc_cid=abc", "tracking"),
        ("https://user:secret@example.org/", "name or password"),
        ("https://localhost/", "real web address"),
        ("https:///nothing", "web address like"),
    ],
)
def test_bad_links_are_named(url: str, problem: str) -> None:
    found = link_problems(url)
    assert found and problem in found[0]


def test_a_bad_link_in_routes_fails_naming_route_and_field(editable: Path) -> None:
    _replace(
        editable / "content" / "routes.yml",
        "url: mailto:info@espcf.org.uk",
        "url: https://www.espcf.org.uk/?utm_source=newsletter",
    )
    errors = run(editable)
    assert len(errors) == 1
    assert "espcf" in errors[0] and "links" in errors[0] and "tracking" in errors[0]


def test_a_link_not_in_the_sources_fails(editable: Path) -> None:
    _replace(
        editable / "content" / "routes.yml",
        "url: mailto:info@espcf.org.uk",
        "url: mailto:hello@espcf.org.uk",
    )
    errors = run(editable)
    assert any("'espcf'" in e and "hello@espcf.org.uk" in e for e in errors)


def test_a_crisis_link_must_be_a_phone_link_of_digits(editable: Path) -> None:
    _replace(editable / "dialogues" / "domain.yml", "url: tel:116123", "url: tel:116 123")
    errors = run(editable)
    assert any("utter_crisis" in e and "space" in e for e in errors)


def test_every_route_still_needs_a_source(editable: Path) -> None:
    _replace(
        editable / "content" / "routes.yml",
        "    source: 004_de5f326bad3aebc1.txt\n",
        "",
    )
    errors = run(editable)
    assert any("espcf" in e and "source" in e for e in errors)


def test_easy_read_texts_are_held_to_the_stricter_limit(editable: Path) -> None:
    # 14 words in one sentence: fine for the standard text, too long for easy read
    long_sentence = "A group for parents and carers who want to help plan the services they use."
    assert assess(long_sentence).problems == []
    assert any("12" in p for p in assess(long_sentence, easy=True).problems)
    _replace(
        editable / "content" / "routes.yml",
        "      A group for parents and carers.\n",
        f"      {long_sentence}\n",
    )
    _replace(editable / "dialogues" / "domain.yml", "text: What next?", f"text: {long_sentence}")
    errors = run(editable)
    assert any("'espcf', field 'easy_read'" in e and "easy read" in e for e in errors)
    assert any("utter_what_next" in e and "(easy read)" in e for e in errors)


def test_every_route_has_a_symbol_and_an_easy_read_text() -> None:
    content = load_content(PROJECT_ROOT / "content")
    for route in content.routes.values():
        assert route.symbol and route.easy_read
        assert len(route.easy_read.split()) < len((route.summary + route.limits).split()) + 5
