"""The lock (requirements/*.txt) pins every dependency pyproject.toml names, within its range,
with hashes, and the two files agree. After changing a dependency, run scripts/lock."""

from __future__ import annotations

import re
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from bot.resources import PROJECT_ROOT

PIN = re.compile(
    r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;]+)(?: ; [^\\\n]+)?"
    r"((?:\s*\\\n\s+--hash=sha256:[0-9a-f]{64})+)",
    re.M,
)


def pins(name: str) -> dict[str, str]:
    text = (PROJECT_ROOT / "requirements" / f"{name}.txt").read_text(encoding="utf-8")
    found = {canonicalize_name(m[1]): m[2] for m in PIN.finditer(text)}
    listed = re.findall(r"^[A-Za-z0-9]", text, re.M)
    assert len(found) == len(listed), f"requirements/{name}.txt: a pin without a hash"
    return found


def project() -> dict[str, list[str]]:
    meta = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {"main": meta["dependencies"], "dev": meta["optional-dependencies"]["dev"]}


@pytest.mark.parametrize(("lock", "groups"), [("main", ["main"]), ("dev", ["main", "dev"])])
def test_every_dependency_is_pinned_within_its_range(lock: str, groups: list[str]) -> None:
    pinned = pins(lock)
    for group in groups:
        for line in project()[group]:
            requirement = Requirement(line)
            if requirement.marker and not requirement.marker.evaluate():
                continue
            name = canonicalize_name(requirement.name)
            assert name in pinned, f"{name} is not in requirements/{lock}.txt: run scripts/lock"
            assert requirement.specifier.contains(pinned[name], prereleases=True), (
                f"{name}=={pinned[name]} is outside {requirement.specifier}: run scripts/lock"
            )


def test_main_and_dev_pin_the_same_versions() -> None:
    main, dev = pins("main"), pins("dev")
    assert set(main) <= set(dev)
    assert {name: dev[name] for name in main} == main
