"""`getinvolved bench` runs end to end, on every lane, as a newcomer would run it (shortened).

Speed is measured by the bench and written in the README, never asserted here: this only checks
that every measurement is made, that no message failed, and that the report holds together.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import POSTGRES_ADMIN_URL
from tests.scale.test_workers import RedisServer, redis_server  # noqa: F401


def test_bench_measures_every_lane(tmp_path: Path, redis_server: RedisServer) -> None:  # noqa: F811
    finished = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "bench",
            "--json",
            "--seconds",
            "1",
            "--turns",
            "240",
            "--conversations",
            "5",
            "--rate",
            "40",
            "--postgres",
            POSTGRES_ADMIN_URL,
            "--redis",
            redis_server.url,
            "--inbox-items",
            "200",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=300,
    )
    assert finished.returncode == 0, finished.stderr
    assert "the server logged" not in finished.stderr
    report = json.loads(finished.stdout)
    names = [result["name"] for result in report["results"]]
    api = [name for name in names if name.startswith("JSON API")]
    assert api == [
        f"JSON API, {lane}, {workers}"
        for lane in ("SQLite", "PostgreSQL + Redis")
        for workers in ("1 worker", "2 workers")
    ]
    assert names.count("  paced: 40 msg/s offered") == 4
    for result in report["results"]:
        assert result["errors"] == 0, result
        assert result["messages"] > 0 and result["per_second"] > 0, result
        assert result["p50_ms"] <= result["p95_ms"] <= result["p99_ms"], result
    for result in report["results"][3:]:  # the API runs: the servers' CPU was measured
        assert result["server_cpu_ms"] > 0, result
    for paced in report["results"][4::2]:
        assert paced["per_second"] < 60, "paced runs offer about 40 messages a second"
    assert set(report["startup_s"]) == {
        "in_process",
        "serve_sqlite_1",
        "serve_sqlite_2",
        "serve_postgres_redis_1",
        "serve_postgres_redis_2",
        "process_to_bot",
        "serve_new_db",
        "serve",
        "serve_cpu",
    }
    assert report["memory_mb"]["serve_rss"] > 0
    assert report["storage"]["stored_state_bytes_per_conversation"] > 100
    assert set(report["inbox"]["lanes"]) == {"SQLite", "PostgreSQL"}
