"""The bench's start-up figures are measured on real `serve` processes (never asserted fast)."""

from __future__ import annotations

import os
from pathlib import Path

from bot.bench_startup import measure_startup, resident_mb


async def test_startup_figures_come_from_real_processes(tmp_path: Path) -> None:
    figures = await measure_startup(tmp_path, runs=1)
    seconds = figures["startup_s"]
    assert set(seconds) == {"process_to_bot", "serve_new_db", "serve", "serve_cpu"}
    assert all(value > 0 for value in seconds.values()), seconds
    assert 20 < figures["memory_mb"]["serve_rss"] < 2000, figures
    assert (tmp_path / "startup-0.db").exists()


def test_resident_memory_of_this_process() -> None:
    mine = resident_mb(os.getpid())
    assert mine is not None and mine > 10
    assert resident_mb(2**22 + 1) is None  # no such process
