"""A bound on the requests the service works on at once, with a short bounded wait; beyond it a 503 at once.

Why: the sync routes run in AnyIO's thread pool (40 threads), and each holds a database connection from a
smaller pool. When every thread waits for a connection, the requests holding the connections cannot get
a thread to finish on (their session is closed in the pool too): nothing moves until the pool's 30 s timeout
fails them all with a 500. Fewer requests in flight than threads keeps them moving; the rest wait here, in
the event loop, where waiting costs no thread, and past the queue's size or its wait they are shed with
`503` and `Retry-After`, which a client can act on, instead of hanging.
"""

from __future__ import annotations

import asyncio

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

# A job's event stream stays open for minutes and polls in short steps of its own; health checks need no
# database. Neither takes a place.
EXEMPT_PATHS = frozenset({"/v1/health"})
EXEMPT_SUFFIXES = ("/events",)
RETRY_AFTER_SECONDS = 1


class ConcurrencyLimitMiddleware:
    """At most `limit` requests in the app at once; up to `queue` more wait for a place, for `wait` seconds."""

    def __init__(self, app: ASGIApp, limit: int, queue: int, wait: float) -> None:
        self.app = app
        self.limit = limit
        self.queue = queue
        self.wait = wait
        self._places = asyncio.Semaphore(limit)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._waiting = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or path in EXEMPT_PATHS or path.endswith(EXEMPT_SUFFIXES):
            await self.app(scope, receive, send)
            return
        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            # A semaphore belongs to the loop it first waited in; an app served again (tests) gets a new one.
            self._places, self._loop, self._waiting = asyncio.Semaphore(self.limit), loop, 0
        if self._places.locked() and self._waiting >= self.queue:
            await self._shed(scope, receive, send, f"{self.limit} requests are being served and {self._waiting} wait")
            return
        self._waiting += 1
        try:
            await asyncio.wait_for(self._places.acquire(), self.wait)
        except TimeoutError:
            await self._shed(scope, receive, send, f"no place among {self.limit} requests within {self.wait:g} s")
            return
        finally:
            self._waiting -= 1
        try:
            await self.app(scope, receive, send)
        finally:
            self._places.release()

    async def _shed(self, scope: Scope, receive: Receive, send: Send, why: str) -> None:
        response = JSONResponse(
            {"detail": f"busy: {why}; retry shortly"},
            status_code=503,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
        await response(scope, receive, send)
