"""Per-sender rate limiting: a token bucket for each sender, kept in memory."""

from __future__ import annotations

import time
from collections import OrderedDict


class RateLimiter:
    """Allow ``burst`` messages at once and ``per_second`` after that, for each key."""

    def __init__(self, *, burst: float, per_second: float, max_keys: int = 100_000):
        self.burst = burst
        self.per_second = per_second
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()

    def allow(self, key: str, now: float | None = None) -> float:
        """0 when allowed; otherwise the seconds to wait."""
        now = time.monotonic() if now is None else now
        tokens, last = self._buckets.pop(key, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.per_second)
        if tokens >= 1:
            self._buckets[key] = (tokens - 1, now)
            allowed = 0.0
        else:
            self._buckets[key] = (tokens, now)
            allowed = (1 - tokens) / self.per_second
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return allowed
