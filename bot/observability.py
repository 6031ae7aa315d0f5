"""Metrics (Prometheus), structured logs with no personal data, and readiness."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Iterable
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest

TURN_BUCKETS = (0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)


class Metrics:
    """The bot's own registry, so tests and several bots in one process do not collide."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.messages = Counter(
            "getinvolved_messages_total", "Messages handled", ["channel"], registry=self.registry
        )
        self.latency = Histogram(
            "getinvolved_turn_seconds",
            "Time to answer one message",
            ["channel"],
            buckets=TURN_BUCKETS,
            registry=self.registry,
        )
        self.routes = Counter(
            "getinvolved_routes_offered_total", "Routes offered", ["route"], registry=self.registry
        )
        self.feedback = Counter(
            "getinvolved_feedback_stored_total",
            "Feedback stored",
            ["consent"],
            registry=self.registry,
        )
        self.crisis = Counter(
            "getinvolved_crisis_answers_total", "Crisis answers given", registry=self.registry
        )
        self.errors = Counter(
            "getinvolved_errors_total", "Errors", ["where"], registry=self.registry
        )

    def turn(
        self,
        channel: str,
        seconds: float,
        new_routes: Iterable[str],
        crisis: bool,
        feedback_consent: str | None,
    ) -> None:
        self.messages.labels(channel).inc()
        self.latency.labels(channel).observe(seconds)
        for route in new_routes:
            self.routes.labels(route).inc()
        if crisis:
            self.crisis.inc()
        if feedback_consent:
            self.feedback.labels(feedback_consent).inc()

    def exposition(self) -> bytes:
        return generate_latest(self.registry)


# Fields a log line may carry. Never text people typed, names, ids of people or contacts.
SAFE_FIELDS = (
    "channel",
    "asking",
    "latency_ms",
    "routes",
    "crisis",
    "status",
    "method",
    "path",
    "event",
    "count",
    "feedback",
    "workers",
    "port",
)


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message and known safe fields only."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        for name in SAFE_FIELDS:
            if hasattr(record, name):
                line[name] = getattr(record, name)
        if record.exc_info:
            line["error"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


def use_json_logs(level: int = logging.INFO) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("aiohttp.access", "alembic", "httpx", "apscheduler", "telegram.ext"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
