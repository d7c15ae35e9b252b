"""A sliding window of hits per key (a token, a client address), kept in the process: the rate limits' counter."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from starlette.types import Scope

WINDOW_SECONDS = 60.0
# Forgetting idle clients now and then keeps memory bounded when many addresses or tokens pass by.
PRUNE_EVERY = 1000


class SlidingWindow:
    """At most `limit` accepted hits per key in any `window` seconds; refused hits are not counted."""

    def __init__(self, limit: int, window: float = WINDOW_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._since_prune = 0

    def hit(self, key: str) -> float | None:
        """None if the hit is accepted (and counted); else the seconds until one would be."""
        now = self.clock()
        self._maybe_prune(now)
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return hits[0] + self.window - now
        hits.append(now)
        return None

    def exceeded(self, key: str) -> bool:
        """Whether a hit now would be refused (nothing is counted)."""
        hits = self._hits.get(key)
        now = self.clock()
        return hits is not None and sum(1 for hit in hits if hit > now - self.window) >= self.limit

    def _maybe_prune(self, now: float) -> None:
        self._since_prune += 1
        if self._since_prune < PRUNE_EVERY:
            return
        self._since_prune = 0
        idle = [key for key, hits in self._hits.items() if not hits or hits[-1] <= now - self.window]
        for key in idle:
            del self._hits[key]


def client_address(scope: Scope) -> str:
    client = scope.get("client")
    return f"ip:{client[0] if client else 'unknown'}"
