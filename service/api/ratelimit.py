"""Requests per minute, per token (or per client address without one): a sliding window kept in the process.

In-process on purpose: the embedded service is one process, and a shared store (Redis) would be one more
server to run for a limit that only has to stop a runaway script. Behind a reverse proxy every request
comes from the proxy's address, so there the tokenless limit is shared; tokens are counted apart anyway.
"""

from __future__ import annotations

import hashlib
import math
import time
from collections import deque
from collections.abc import Callable

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

WINDOW_SECONDS = 60.0
# Health checks come from orchestrators every few seconds; counting them would only starve real clients.
EXEMPT_PATHS = frozenset({"/v1/health"})
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

    def _maybe_prune(self, now: float) -> None:
        self._since_prune += 1
        if self._since_prune < PRUNE_EVERY:
            return
        self._since_prune = 0
        idle = [key for key, hits in self._hits.items() if not hits or hits[-1] <= now - self.window]
        for key in idle:
            del self._hits[key]


def client_key(scope: Scope) -> str:
    """The bearer token (hashed: the plain token need not sit in memory) or else the client's address."""
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            scheme, _, credentials = value.decode("latin-1").partition(" ")
            if scheme.lower() == "bearer" and credentials.strip():
                return "token:" + hashlib.sha256(credentials.strip().encode()).hexdigest()
    client = scope.get("client")
    return f"ip:{client[0] if client else 'unknown'}"


class RateLimitMiddleware:
    """A 429 with `Retry-After` for `/v1` requests over the limit, before any route or body is read."""

    def __init__(self, app: ASGIApp, per_minute: int) -> None:
        self.app = app
        self.per_minute = per_minute
        self.window = SlidingWindow(per_minute)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not path.startswith("/v1/") or path in EXEMPT_PATHS:
            await self.app(scope, receive, send)
            return
        wait = self.window.hit(client_key(scope))
        if wait is None:
            await self.app(scope, receive, send)
            return
        retry_after = max(1, math.ceil(wait))
        response = JSONResponse(
            {"detail": f"too many requests: the limit is {self.per_minute} a minute; retry in {retry_after} s"},
            status_code=429,
            headers={"Retry-After": str(retry_after)},
        )
        await response(scope, receive, send)
