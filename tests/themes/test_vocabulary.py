"""content/themes.yml is checked by `getinvolved content check` like the rest of content/,
with errors that name the file, the theme and the field; and the themes commands run."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot.content.check import check
from bot.errors import ContentError
from bot.settings import PROJECT_ROOT
from bot.themes.vocabulary import load_themes
from tests.conftest import create_settings


@pytest.fixture
def editable(tmp_path: Path) -> Path:
    shutil.copytree(PROJECT_ROOT / "content", tmp_path / "content")
    shutil.copytree(PROJECT_ROOT / "dialogues", tmp_path / "dialogues")
    return tmp_path


def errors(editable: Path) -> list[str]:
    settings = create_settings(
        editable, content_dir=editable / "content", dialogues_dir=editable / "dialogues"
    )
    return [str(f) for f in check(settings) if f.level == "error"]


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_real_themes_pass(editable: Path) -> None:
    assert errors(editable) == []


def test_a_missing_field_names_file_theme_and_field(editable: Path) -> None:
    _replace(
        editable / "content" / "themes.yml",
        "    description: Long waits for assessments, diagnosis, appointments, decisions or "
        "replies.\n",
        "",
    )
    with pytest.raises(ContentError) as caught:
        load_themes(editable / "content")
    message = str(caught.value)
    assert "themes.yml" in message and "entry 'waiting'" in message
    assert "field 'description'" in message and "missing" in message
    assert any("themes.yml" in error for error in errors(editable))


def test_a_repeated_id_and_an_unknown_team_are_errors(editable: Path) -> None:
    _replace(editable / "content" / "themes.yml", "  - id: plans\n", "  - id: waiting\n")
    assert any("used twice" in error for error in errors(editable))
    shutil.copy(PROJECT_ROOT / "content" / "themes.yml", editable / "content" / "themes.yml")
    _replace(
        editable / "content" / "themes.yml",
        "teams: [wscc-local-offer]",
        "teams: [wscc-local-offers]",
    )
    assert any("wscc-local-offers" in error for error in errors(editable))


def run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "SECRET_KEY": "cli-test-secret-" + "y" * 40,
    }
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        text=True,
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=180,
    )


def test_the_themes_commands(tmp_path: Path) -> None:
    labelled = tmp_path / "labelled.jsonl"
    labelled.write_text(
        "\n".join(
            json.dumps({"text": text, "theme": theme})
            for text, theme in [
                ("the school taxi is always late", "transport"),
                ("thank you, the forum was brilliant", "praise"),
            ]
        ),
        encoding="utf-8",
    )
    evaluated = run(tmp_path, "themes", "evaluate", str(labelled))
    assert evaluated.returncode == 0, evaluated.stderr
    assert "top theme = label: 2 of 2 (100.0%)" in evaluated.stdout
    suggested = run(tmp_path, "themes", "suggest")
    assert suggested.returncode == 0, suggested.stderr
    assert "Suggested themes for 0 pieces of feedback." in suggested.stdout
