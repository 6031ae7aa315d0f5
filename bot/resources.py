"""Where the bot's own files are: inside the installed package, or in the repository.

A wheel carries ``content/``, ``dialogues/`` and the GOV.UK Frontend styles in
``bot/bundled/`` (copied there when the wheel is built, see ``setup.py``). A source checkout
(and an editable install) has no ``bot/bundled/`` and uses the repository's own folders, so an
edit to ``content/`` shows at once. ``CONTENT_DIR``, ``DIALOGUES_DIR`` and ``FRONTEND_DIR``
still point anywhere else.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# name in bot/bundled/ -> the repository folder it is built from
BUNDLED = {
    "content": Path("content"),
    "dialogues": Path("dialogues"),
    "frontend": Path("web") / "node_modules",
}


def bundled_dir(name: str) -> Path:
    """The folder *name* shipped in the package, else the repository's own."""
    shipped = resources.files("bot") / "bundled" / name
    if isinstance(shipped, Path) and shipped.is_dir():
        return shipped
    return PROJECT_ROOT / BUNDLED[name]


def version() -> str:
    """The installed distribution's version (one source: ``pyproject.toml``)."""
    from importlib import metadata

    try:
        return metadata.version("getinvolved")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return "0+unknown"
