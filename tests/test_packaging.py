"""The wheel, built from the sdist, runs when installed: from another folder, in a fresh venv.

The fresh venv borrows the test venv's dependencies through a ``.pth`` line (no download, a few
seconds), but has its own ``bot`` from the wheel, and runs with no ``CONTENT_DIR`` and friends.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import tarfile
import time
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.resources import PROJECT_ROOT, version
from tests.scale.test_workers import free_port

STYLES = "/static/govuk/govuk-frontend.min.css"


def run(*args: str | Path, cwd: Path, env: dict[str, str] | None = None, **kw: object) -> str:
    done = subprocess.run(
        [str(arg) for arg in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        **kw,  # type: ignore[call-overload]
    )
    assert done.returncode == 0, f"{args}:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}"
    return str(done.stdout)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An sdist, and the wheel `python -m build` made from that sdist."""
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--no-isolation", "--outdir", out, PROJECT_ROOT, cwd=out)
    return out


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed (dependencies borrowed from this venv)."""
    venv = tmp_path_factory.mktemp("venv")
    run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=venv)
    python = venv / "bin" / "python"
    site = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=venv)
    (Path(site.strip()) / "borrowed.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    (wheel,) = dist.glob("*.whl")
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", wheel, cwd=venv)
    return venv


@pytest.fixture
def elsewhere(tmp_path: Path) -> Iterator[dict[str, str]]:
    """Environment for a run outside the repository: no settings pointing into it."""
    names = ("CONTENT_DIR", "DIALOGUES_DIR", "FRONTEND_DIR", "DATABASE_URL", "PYTHONPATH")
    env = {name: value for name, value in os.environ.items() if name.upper() not in names}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'installed.db'}"
    yield env


def test_sdist_has_content_and_styles_and_no_tests(dist: Path) -> None:
    (sdist,) = dist.glob("*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"content/routes.yml", "dialogues/domain.yml", "setup.py", "LICENSE"} <= names
    assert "web/node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css" in names
    assert not [name for name in names if name.startswith("tests/")]


def test_wheel_has_content_dialogues_styles_and_licence_but_no_tests(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    assert wheel.name.startswith(f"getinvolved-{version()}-")
    names = set(zipfile.ZipFile(wheel).namelist())
    bundled = "bot/bundled/"
    for name in (
        "content/routes.yml",
        "content/teams.yml",
        "dialogues/domain.yml",
        "dialogues/nlu.yml",
        "frontend/govuk-frontend/dist/govuk/govuk-frontend.min.css",
        "frontend/govuk-frontend/package.json",
    ):
        assert bundled + name in names, name
    assert "bot/web/templates/base.html" in names
    symbols = PROJECT_ROOT / "bot" / "web" / "chat" / "symbols"
    assert {f"bot/web/chat/symbols/{svg.name}" for svg in symbols.glob("*.svg")} <= names
    assert "bot/safety/model.json" in names and "bot/store/migrations/script.py.mako" in names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    assert not [name for name in names if name.startswith("tests/")]


def test_installed_wheel_holds_a_conversation_from_another_folder(
    installed: Path, elsewhere: dict[str, str], tmp_path: Path
) -> None:
    getinvolved = installed / "bin" / "getinvolved"
    assert run(getinvolved, "--version", cwd=tmp_path, env=elsewhere).strip() == (
        f"getinvolved {version()}"
    )
    where = run(installed / "bin" / "python", "-c", "import bot; print(bot.__file__)", cwd=tmp_path)
    assert Path(where.strip()).is_relative_to(installed), "the wheel's bot, not the repository's"
    lines = [
        {"conversation": "c1", "text": "im a mum in horsham, my son is 9"},
        {"conversation": "c1", "text": "rather not say"},  # her own age
        {"conversation": "c1", "text": "his school"},
    ]
    out = run(
        getinvolved,
        "replay",
        cwd=tmp_path,
        env=elsewhere,
        input="".join(json.dumps(line) + "\n" for line in lines),
    )
    answers = [json.loads(line) for line in out.splitlines()]
    assert len(answers) == 3
    assert answers[0]["profile"]["role"] == "parent_carer"
    assert answers[0]["profile"]["area"] == "west_sussex"
    assert answers[-1]["routes"], answers[-1]


def test_installed_wheel_serves_the_staff_styles(
    installed: Path, elsewhere: dict[str, str], tmp_path: Path
) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = tmp_path / "serve.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [str(installed / "bin" / "getinvolved"), "serve", "--port", str(port)],
            cwd=tmp_path,
            env=elsewhere,
            stdout=subprocess.DEVNULL,
            stderr=output,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/readyz", timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                assert server.poll() is None, log.read_text()
                assert time.monotonic() < deadline, "serve did not become ready"
                time.sleep(0.1)
        with urllib.request.urlopen(base + STYLES, timeout=5) as response:
            assert response.status == 200
            assert b".govuk-" in response.read()
        with urllib.request.urlopen(base + "/healthz", timeout=5) as response:
            assert json.load(response) == {"status": "ok", "version": version()}
    finally:
        server.terminate()
        assert server.wait(30) == 0, log.read_text()
