"""Requests per minute, per token (or per client address without one): a sliding window kept in the process.

In-process on purpose: the embedded service is one process, and a shared store (Redis) would be one more
server to run for a limit that only has to stop a runaway script. Behind a reverse proxy every request
comes from the proxy's address, so there the tokenless limit is shared; tokens are counted apart anyway.
Only a token the authentication gate (authentication.py) found live is counted apart: a bearer string
that is no token is the address's failure, so inventing tokens does not buy a fresh limit.
"""

from __future__ import annotations

import math

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from service.api.authentication import identity
from service.api.window import SlidingWindow, client_address

# Health checks come from orchestrators every few seconds; counting them would only starve real clients.
EXEMPT_PATHS = frozenset({"/v1/health"})


def client_key(scope: Scope) -> str:
    """The live token the authentication gate found (hashed), or else the client's address."""
    return identity(scope) or client_address(scope)


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
