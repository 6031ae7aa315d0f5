"""Content, dialogues and GOV.UK Frontend: the repository's in a checkout, the package's when
installed (tests/test_packaging.py), and CONTENT_DIR and friends win over both."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.resources import PROJECT_ROOT, bundled_dir
from bot.settings import Settings


def test_a_checkout_reads_the_repositorys_own_folders() -> None:
    assert not (PROJECT_ROOT / "bot" / "bundled").exists(), "built files left in the checkout"
    assert bundled_dir("content") == PROJECT_ROOT / "content"
    assert bundled_dir("dialogues") == PROJECT_ROOT / "dialogues"
    assert bundled_dir("frontend") == PROJECT_ROOT / "web" / "node_modules"
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert settings.content_dir == PROJECT_ROOT / "content"


def test_environment_variables_point_elsewhere(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("CONTENT_DIR", str(tmp_path / "c"))
    monkeypatch.setenv("DIALOGUES_DIR", str(tmp_path / "d"))
    monkeypatch.setenv("FRONTEND_DIR", str(tmp_path / "f"))
    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    assert (settings.content_dir, settings.dialogues_dir, settings.frontend_dir) == (
        tmp_path / "c",
        tmp_path / "d",
        tmp_path / "f",
    )
