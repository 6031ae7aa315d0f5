"""The alerts benchmark runs (small) and reports what the README shows."""

from __future__ import annotations

import json

import pytest

from bot.bench_alerts import run_bench_alerts


def test_the_alerts_benchmark_delivers_each_once(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_bench_alerts(as_json=True, subscribers=200, matching=60) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["alerts_queued"] == result["sent"] == 60
    assert result["delivered_to_distinct_chats"] == result["messages_at_standin"] == 60
    assert result["most_to_one_chat"] == 1
    assert result["most_messages_in_any_second"] <= 33
    assert result["cpu_ms_per_alert"] > 0 and result["peak_rss_mb"] > 0
