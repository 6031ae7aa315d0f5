"""docker/: the Compose file names the right images, ports, health checks and variables, and
the image's entry point works when run directly (there is no Docker engine here)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml

from bot.app import GetInvolved
from bot.settings import PROJECT_ROOT, Settings
from tests.web.browser import running_server

DOCKER = PROJECT_ROOT / "docker"


def compose() -> dict:  # type: ignore[type-arg]
    return dict(yaml.safe_load((DOCKER / "compose.yaml").read_text(encoding="utf-8")))


def test_compose_services_images_ports_and_health() -> None:
    services = compose()["services"]
    assert set(services) == {"bot", "actions", "postgres", "redis", "rasa"}
    assert services["bot"]["build"] == {"context": "..", "dockerfile": "docker/Dockerfile"}
    assert services["bot"]["command"][0] == "serve"
    # ports default to 0.0.0.0:8080 and :5055; scripts/test-container picks free loopback ones
    assert services["bot"]["ports"] == ["${BOT_BIND:-0.0.0.0}:${BOT_PORT:-8080}:8080"]
    assert services["actions"]["command"][0] == "actions"
    assert services["actions"]["ports"] == ["${BOT_BIND:-0.0.0.0}:${ACTIONS_PORT:-5055}:5055"]
    assert services["postgres"]["image"].startswith("postgres:")
    assert services["redis"]["image"].startswith("redis:")
    assert services["rasa"]["image"] == "rasa/rasa:3.6.21-full"
    assert services["rasa"]["profiles"] == ["rasa"], "Rasa is optional"
    for name in ("bot", "actions", "postgres", "redis", "rasa"):
        assert "test" in services[name]["healthcheck"], name
    assert services["bot"]["depends_on"]["postgres"]["condition"] == "service_healthy"
    env = services["bot"]["environment"]
    assert env["DATABASE_URL"].startswith("postgresql://") and env["REDIS_URL"] == (
        "redis://redis:6379/0"
    )
    assert any(v.endswith(":/data") for v in services["bot"]["volumes"])


def test_env_example_names_only_real_settings_and_no_secrets() -> None:
    names = re.findall(r"^([A-Z_]+)=(.*)$", (DOCKER / ".env.example").read_text(), re.M)
    known = {name.upper() for name in Settings.model_fields} | {"POSTGRES_PASSWORD"}
    assert {name for name, _ in names} <= known
    secrets = dict(names)
    assert secrets["SECRET_KEY"] == "" and secrets["POSTGRES_PASSWORD"] == ""


def test_dockerfile_is_multi_stage_non_root_with_a_health_check() -> None:
    text = (DOCKER / "Dockerfile").read_text()
    assert text.count("FROM ") >= 3
    assert "USER getinvolved" in text and "HEALTHCHECK" in text
    assert 'ENTRYPOINT ["getinvolved-entrypoint"]' in text
    for path in re.findall(r"^COPY (?:--from=\S+ )?(\S+)", text, re.M):
        if not path.startswith("/"):
            assert (PROJECT_ROOT / path).exists(), path


def run_entrypoint(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    path = f"{Path(sys.executable).parent}:{os.environ['PATH']}"
    return subprocess.run(
        [str(DOCKER / "entrypoint.sh"), *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PATH": path, **env},
        timeout=120,
        cwd=PROJECT_ROOT,
    )


def test_entrypoint_runs_getinvolved_commands() -> None:
    checked = run_entrypoint("content", "check", "--quiet")
    assert checked.returncode == 0, checked.stderr
    assert run_entrypoint("true").returncode == 0


async def test_entrypoint_health_check(bot: GetInvolved) -> None:
    async with running_server(bot) as base:
        import asyncio

        healthy = await asyncio.to_thread(
            run_entrypoint, "healthcheck", HEALTHCHECK_URL=base + "/healthz"
        )
        assert healthy.returncode == 0, healthy.stderr
    unhealthy = run_entrypoint("healthcheck", HEALTHCHECK_URL="http://127.0.0.1:9/healthz")
    assert unhealthy.returncode != 0
