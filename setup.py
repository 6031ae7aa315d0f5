"""Build steps pyproject.toml cannot say: put content/, dialogues/ and GOV.UK Frontend in the wheel.

The wheel gets them in ``bot/bundled/`` (see ``bot/resources.py``); the sdist carries the same
folders (``MANIFEST.in``), so a wheel built from the sdist is the same wheel. An editable install
copies nothing: it reads the repository's folders.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py
from setuptools.command.sdist import sdist

ROOT = Path(__file__).resolve().parent
NODE_MODULES = Path("web") / "node_modules"
GOVUK = Path("govuk-frontend") / "dist" / "govuk"
# bot/bundled/<name> <- the repository's file or folder; of GOV.UK Frontend, only the built
# styles, script and assets (its package.json names its MIT licence and version)
BUNDLED = {
    Path("content"): Path("content"),
    Path("dialogues"): Path("dialogues"),
    **{
        Path("frontend") / part: NODE_MODULES / part
        for part in (
            GOVUK / "govuk-frontend.min.css",
            GOVUK / "govuk-frontend.min.js",
            GOVUK / "assets",
            Path("govuk-frontend") / "package.json",
        )
    },
}
JUNK = shutil.ignore_patterns("__pycache__", "*.py[cod]", "*.db", ".*")
MISSING_FRONTEND = (
    "GOV.UK Frontend is not in web/node_modules: run `npm ci --prefix web` (scripts/setup does)."
)


def frontend_present() -> bool:
    return (ROOT / NODE_MODULES / GOVUK / "govuk-frontend.min.css").is_file()


class BuildWithBundledFiles(build_py):  # type: ignore[misc]
    """Copy the bundled folders into the build tree (not for editable installs)."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "bot" / "bundled"
        if not frontend_present():
            print(f"WARNING: {MISSING_FRONTEND} The staff pages will be plain.", file=sys.stderr)
        for name, source in BUNDLED.items():
            if not (ROOT / source).exists():
                continue
            if (ROOT / source).is_dir():
                shutil.copytree(ROOT / source, target / name, dirs_exist_ok=True, ignore=JUNK)
            else:
                (target / name).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(ROOT / source, target / name)


class CompleteSdist(sdist):  # type: ignore[misc]
    """Refuse to make an sdist that would build a wheel without the staff pages' styles."""

    def run(self) -> None:
        if not frontend_present():
            raise SystemExit(MISSING_FRONTEND)
        super().run()


setup(cmdclass={"build_py": BuildWithBundledFiles, "sdist": CompleteSdist})
