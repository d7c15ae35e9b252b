"""Who the caller is, settled before a request takes an admission place, counts against a rate limit, or has
its body read.

Why here and not only in the routes' dependencies: FastAPI reads and parses a body before it resolves the
dependencies, and the admission bound (overload.py) is taken before either. Without this, 40 clients without a
token sending a byte every 5 s held every place, and a 48 MB body was parsed before its 401. Now a `/v1` request
without a live bearer token is answered 401 from its headers; a page request without a live cookie goes on
(its page sends the browser to the login page) but takes no place. Failed authentications count against the
client's address: past the limit, 429, so random tokens buy nothing.

The routes still check the token (and its role) themselves; this gate only keeps unknown callers out early,
so a token it saw live in the last seconds is let through without asking the database again.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.requests import HTTPConnection, cookie_parser
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from service.api.deps import COOKIE, page_cookie
from service.api.window import WINDOW_SECONDS, SlidingWindow, client_address
from service.storage import repositories as repo

# The scope key the gate leaves for the rate limit and the admission bound: "token:<sha256>" of a live token.
IDENTITY = "kenesh.identity"
# `/v1` paths anyone may call, and paths of pages that need no login (assets, the login page, API docs).
PUBLIC_API = frozenset({"/v1/health"})
PUBLIC_PAGES = ("/login", "/static/", "/docs", "/redoc", "/openapi.json", "/favicon.ico")
# How long a token seen live is let through the gate without a database look-up (the route looks anyway).
LIVE_SECONDS = 30.0
LIVE_TOKENS_MAX = 10_000


def bearer_token(scope: Scope) -> str | None:
    scheme, _, credentials = Headers(scope=scope).get("authorization", "").partition(" ")
    return credentials.strip() or None if scheme.lower() == "bearer" else None


def cookie_token(scope: Scope) -> str | None:
    return cookie_parser(Headers(scope=scope).get("cookie", "")).get(COOKIE) or None


def api_token(scope: Scope) -> str | None:
    """A `/v1` request's token: its bearer token, or the page cookie when the UI's own scripts sent the request
    (the routes' own rule, deps.page_cookie)."""
    if (plain := bearer_token(scope)) is not None:
        return plain
    return page_cookie(HTTPConnection(scope))


def identity(scope: Scope) -> str | None:
    """The live token of the request ("token:<sha256>"), once the gate has seen it; else None."""
    return scope.get(IDENTITY)


def _is_live(factory: sessionmaker[Session], plain: str) -> bool:
    with factory() as session:
        return repo.find_token(session, plain) is not None


class AuthenticationMiddleware:
    """A 401 for `/v1` requests without a live token, a 429 for addresses past `failures_per_minute`."""

    def __init__(self, app: ASGIApp, failures_per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.app = app
        self.failures_per_minute = failures_per_minute
        self.failures = SlidingWindow(failures_per_minute, WINDOW_SECONDS, clock) if failures_per_minute else None
        self.clock = clock
        self._live: dict[str, float] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path: str = scope.get("path", "")
        if scope["type"] != "http" or path in PUBLIC_API or path.startswith(PUBLIC_PAGES):
            await self.app(scope, receive, send)
            return
        api = path.startswith("/v1/") or path == "/v1"
        plain = api_token(scope) if api else cookie_token(scope)
        if plain is None and not api:
            await self.app(scope, receive, send)  # no cookie: the page sends the browser to the login page
            return
        if plain is not None and await self._live_token(scope, plain):
            scope[IDENTITY] = "token:" + repo.hash_token(plain)
            await self.app(scope, receive, send)
            return
        if (wait := self._failed(scope)) is not None:
            retry_after = max(1, math.ceil(wait))
            detail = (
                f"too many failed authentications from this address (the limit is {self.failures_per_minute} a "
                f"minute); retry in {retry_after} s"
            )
            await JSONResponse({"detail": detail}, 429, {"Retry-After": str(retry_after)})(scope, receive, send)
            return
        if not api:
            await self.app(scope, receive, send)  # a stale cookie: the page sends the browser to the login page
            return
        detail = (
            "unknown or revoked token"
            if plain is not None
            else "missing token: send `Authorization: Bearer <token>` (create one with `kenesh token create`)"
        )
        await JSONResponse({"detail": detail}, 401, {"WWW-Authenticate": "Bearer"})(scope, receive, send)

    async def _live_token(self, scope: Scope, plain: str) -> bool:
        key = repo.hash_token(plain)
        now = self.clock()
        if self._live.get(key, 0.0) > now:
            return True
        if self.failures is not None and self.failures.exceeded(client_address(scope)):
            return False  # an address past its failures gets no more database look-ups for a while
        if not await run_in_threadpool(_is_live, scope["app"].state.session_factory, plain):
            return False
        if len(self._live) >= LIVE_TOKENS_MAX:
            self._live = {token: until for token, until in self._live.items() if until > now}
            if len(self._live) >= LIVE_TOKENS_MAX:
                self._live.clear()
        self._live[key] = now + LIVE_SECONDS
        return True

    def _failed(self, scope: Scope) -> float | None:
        """Count a failed authentication; the seconds to wait when the address is past its limit, else None."""
        if self.failures is None:
            return None
        return self.failures.hit(client_address(scope))
