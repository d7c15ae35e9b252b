"""A bound on the requests the service works on at once, with a short bounded wait; beyond it a 503 at once.

Why: the sync routes run in AnyIO's thread pool (40 threads), and each holds a database connection from a
smaller pool. When every thread waits for a connection, the requests holding the connections cannot get
a thread to finish on (their session is closed in the pool too): nothing moves until the pool's 30 s timeout
fails them all with a 500. Fewer requests in flight than threads keeps them moving; the rest wait here, in
the event loop, where waiting costs no thread, and past the queue's size or its wait they are shed with
`503` and `Retry-After`, which a client can act on, instead of hanging.

Only requests of a live token take a place (the authentication gate runs first, authentication.py): callers
without one are refused from their headers, or get pages that need no database, and cannot fill the places.
A job's event stream takes a place while it is set up (its token and job are looked up) and gives it back when
its answer starts: the hundred streams of a page following a hundred uploads, opened at once, otherwise wait
for connections on every thread.
"""

from __future__ import annotations

import asyncio

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from service.api.authentication import identity

# Health checks need no database: no place. A job's event stream stays open for minutes: its place is given
# back when its answer starts (it then polls through the shared job watch, job_streams.py).
EXEMPT_PATHS = frozenset({"/v1/health"})
STREAM_SUFFIXES = ("/events",)
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
        if scope["type"] != "http" or path in EXEMPT_PATHS or identity(scope) is None:
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
        held = True

        def give_back() -> None:
            nonlocal held
            if held:
                held = False
                self._places.release()

        async def send_then_give_back(message: Message) -> None:
            if message["type"] == "http.response.start":
                give_back()
            await send(message)

        try:
            await self.app(scope, receive, send_then_give_back if path.endswith(STREAM_SUFFIXES) else send)
        finally:
            give_back()

    async def _shed(self, scope: Scope, receive: Receive, send: Send, why: str) -> None:
        response = JSONResponse(
            {"detail": f"busy: {why}; retry shortly"},
            status_code=503,
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )
        await response(scope, receive, send)
